package dev.alertwire.domain.channel;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The methods a webhook channel may use, as in the hosted product. */
public enum HttpMethod {
  GET,
  POST,
  PUT,
  PATCH,
  HEAD,
  DELETE;

  /** GET and HEAD send no body. */
  public boolean sendsBody() {
    return this != GET && this != HEAD;
  }

  public static Optional<HttpMethod> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String wanted = text.trim().toUpperCase(Locale.ROOT);
    return Arrays.stream(values()).filter(m -> m.name().equals(wanted)).findFirst();
  }
}
