package dev.alertwire.delivery.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.alertwire.domain.delivery.ErrorClass;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class HttpSenderTest {
  private static Throwable causedBy(Throwable outer, Throwable cause) {
    outer.initCause(cause);
    return outer;
  }

  @Test
  void aHostThatDoesNotResolveIsDnsEvenWhenWrappedInAConnectException() {
    // What the JDK client reports for an unknown host: ConnectException (no message) <- UnresolvedAddressException.
    Throwable jdk = causedBy(new ConnectException(), new UnresolvedAddressException());
    assertEquals(ErrorClass.DNS, HttpSender.classify(jdk));
    assertEquals(ErrorClass.DNS, HttpSender.classify(new CompletionException(jdk)));
  }

  @Test
  void theJdkClientsOwnFailureForAnInvalidHostIsDns() {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://receiver.alertwire-test.invalid/hook")).build();
    Throwable failure =
        client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((r, e) -> e).join();
    assertEquals(ErrorClass.DNS, HttpSender.classify(failure));
    assertTrue(HttpSender.describe(failure).contains("UnresolvedAddressException"), HttpSender.describe(failure));
  }

  @Test
  void otherClassesKeepTheirMeaning() {
    assertEquals(ErrorClass.CONNECTION_REFUSED, HttpSender.classify(new ConnectException("Connection refused")));
    assertEquals(ErrorClass.TIMEOUT, HttpSender.classify(causedBy(new IOException("x"), new HttpConnectTimeoutException("t"))));
    assertEquals(ErrorClass.TLS, HttpSender.classify(causedBy(new IOException("x"), new SSLHandshakeException("PKIX"))));
    assertEquals(ErrorClass.CONNECTION, HttpSender.classify(new IOException("Connection reset")));
  }

  @Test
  void theDescriptionNamesTheCauses() {
    assertEquals("ConnectException; caused by UnresolvedAddressException",
        HttpSender.describe(causedBy(new ConnectException(), new UnresolvedAddressException())));
    assertEquals("IOException: Connection reset", HttpSender.describe(new IOException("Connection reset")));
  }
}
