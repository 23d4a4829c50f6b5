package dev.alertwire.delivery.dispatch;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Keeps the first {@code limit} bytes of a response body and then stops reading, so a receiver that answers
 * with megabytes cannot fill the heap or the history. {@link #abort} stops reading at the attempt's deadline:
 * it cancels the subscription, which makes the JDK client close the connection (a body not read to its end
 * cannot be reused), so a receiver that trickles its body holds nothing past the deadline.
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
  private final int limit;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private Flow.Subscription subscription;
  private boolean aborted;

  CappedBody(int limit) {
    this.limit = limit;
  }

  static HttpResponse.BodyHandler<byte[]> handler(int limit) {
    return info -> new CappedBody(limit);
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }

  @Override
  public synchronized void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    if (aborted) {
      subscription.cancel();
      return;
    }
    subscription.request(Long.MAX_VALUE);
  }

  @Override
  public synchronized void onNext(List<ByteBuffer> buffers) {
    if (result.isDone()) {
      return;
    }
    for (ByteBuffer buffer : buffers) {
      int take = Math.min(buffer.remaining(), limit - bytes.size());
      byte[] chunk = new byte[take];
      buffer.get(chunk);
      bytes.writeBytes(chunk);
    }
    if (bytes.size() >= limit && !result.isDone()) {
      result.complete(bytes.toByteArray());
      subscription.cancel();
    }
  }

  @Override
  public void onError(Throwable throwable) {
    result.completeExceptionally(throwable);
  }

  @Override
  public synchronized void onComplete() {
    result.complete(bytes.toByteArray());
  }

  /** Stops reading now: the body ends with {@code why} and the connection is given up. */
  synchronized void abort(Throwable why) {
    aborted = true;
    if (result.completeExceptionally(why) && subscription != null) {
      subscription.cancel();
    }
  }

  /** How many body bytes had arrived (at most the limit). */
  synchronized int received() {
    return bytes.size();
  }
}
