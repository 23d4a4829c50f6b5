package dev.alertwire.delivery.preview;

import dev.alertwire.domain.request.Header;
import dev.alertwire.domain.request.OutgoingRequest;
import dev.alertwire.domain.secret.SecretRedactor;
import java.util.List;

/** A request as shown to people: every secret replaced by its placeholder. */
public record RequestView(String method, String url, List<Header> headers, String body) {
  public static RequestView of(OutgoingRequest request, SecretRedactor redactor) {
    return new RequestView(
        request.method().name(),
        redactor.redact(request.uri().toString()),
        request.headers().stream().map(h -> new Header(h.name(), redactor.redactHeader(h.name(), h.value()))).toList(),
        redactor.redact(request.body()));
  }
}
