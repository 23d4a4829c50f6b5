package dev.alertwire.domain.request;

import dev.alertwire.domain.channel.HttpMethod;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An HTTP request exactly as it will be sent: the body bytes are what a signature covers. */
public record OutgoingRequest(HttpMethod method, URI uri, List<Header> headers, String body) {
  public OutgoingRequest {
    headers = List.copyOf(headers);
    body = body == null ? "" : body;
  }

  public byte[] bodyBytes() {
    return body.getBytes(StandardCharsets.UTF_8);
  }

  public Optional<String> header(String name) {
    return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst();
  }

  public OutgoingRequest withHeaders(List<Header> extra) {
    List<Header> all = new ArrayList<>(headers);
    all.addAll(extra);
    return new OutgoingRequest(method, uri, all, body);
  }
}
