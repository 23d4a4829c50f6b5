package dev.alertwire.domain.request;

import dev.alertwire.domain.channel.KeyValue;
import dev.alertwire.domain.channel.WebhookTemplate;
import dev.alertwire.domain.template.TemplateEngine;
import dev.alertwire.domain.template.TemplateException;
import dev.alertwire.domain.validation.FieldError;
import dev.alertwire.domain.validation.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Turns a channel's templates and an alert's context into the request to send. Every template field is
 * rendered with the same context; every problem is reported with its field, so one look fixes them all.
 */
public class RequestRenderer {
  /** Headers the JDK client sets itself and refuses from callers. */
  private static final Set<String> RESTRICTED_HEADERS =
      Set.of("connection", "content-length", "expect", "host", "upgrade");

  private final TemplateEngine engine;

  public RequestRenderer(TemplateEngine engine) {
    this.engine = engine;
  }

  /** Compiles every template of the channel; throws with all syntax errors found. */
  public void validate(WebhookTemplate template) {
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < template.headers().size(); i++) {
      KeyValue h = template.headers().get(i);
      if (!h.key().isBlank()) {
        checkHeaderName("headers[" + i + "]", h.key(), errors);
        if (!h.value().contains("{{") && !printableAscii(h.value())) {
          errors.add(FieldError.of("headers[" + i + "].value", nonAsciiHeader(h.key().trim())));
        }
      }
    }
    forEachTemplate(
        template,
        (field, text) -> {
          try {
            engine.validate(text);
          } catch (TemplateException e) {
            errors.add(new FieldError(field, e.getMessage(), e.line(), e.column()));
          }
        });
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }

  public OutgoingRequest render(WebhookTemplate template, Map<String, Object> context) {
    List<FieldError> errors = new ArrayList<>();
    String url = renderField("url", template.url(), context, errors).trim();
    StringBuilder query = new StringBuilder();
    for (int i = 0; i < template.queryParameters().size(); i++) {
      KeyValue p = template.queryParameters().get(i);
      if (p.key().isBlank()) {
        continue;
      }
      String value = renderField("queryParameters[" + i + "].value", p.value(), context, errors);
      query.append(query.length() == 0 ? "" : "&");
      query.append(UrlEncoding.encodeComponent(p.key())).append('=').append(UrlEncoding.encodeComponent(value));
    }

    List<Header> headers = new ArrayList<>();
    for (int i = 0; i < template.headers().size(); i++) {
      KeyValue h = template.headers().get(i);
      String field = "headers[" + i + "]";
      if (h.key().isBlank()) {
        continue;
      }
      String value = renderField(field + ".value", h.value(), context, errors);
      checkHeader(field, h.key(), value, errors);
      headers.add(new Header(h.key().trim(), value));
    }

    String body = template.method().sendsBody() ? renderField("template", template.body(), context, errors) : "";
    URI uri = buildUri(url, query.toString(), headers, errors);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    if (template.method().sendsBody() && headers.stream().noneMatch(h -> h.name().equalsIgnoreCase("Content-Type"))) {
      headers.add(new Header("Content-Type", "application/json"));
    }
    return new OutgoingRequest(template.method(), uri, headers, body);
  }

  private String renderField(String field, String text, Map<String, Object> context, List<FieldError> errors) {
    try {
      return engine.render(text, context);
    } catch (TemplateException e) {
      errors.add(new FieldError(field, e.getMessage(), e.line(), e.column()));
      return "";
    }
  }

  private static URI buildUri(String rendered, String query, List<Header> headers, List<FieldError> errors) {
    if (rendered.isEmpty()) {
      errors.add(FieldError.of("url", "the URL is empty"));
      return null;
    }
    if (rendered.contains("\r") || rendered.contains("\n")) {
      errors.add(FieldError.of("url", "the URL contains a line break"));
      return null;
    }
    String encoded = UrlEncoding.encodeIllegal(rendered);
    URI uri;
    try {
      uri = new URI(encoded);
    } catch (URISyntaxException e) {
      errors.add(FieldError.of("url", "not a valid URL: " + e.getReason()));
      return null;
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      errors.add(FieldError.of("url", "the URL must start with http:// or https://"));
      return null;
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      errors.add(FieldError.of("url", "the URL has no host"));
      return null;
    }
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null && !userInfo.isEmpty()) {
      // Credentials in the URL become Basic auth (as HTTP clients do for user:password@host) and leave it.
      String decoded = URLDecoder.decode(userInfo.replace("+", "%2B"), StandardCharsets.UTF_8);
      String credentials = decoded.contains(":") ? decoded : decoded + ":";
      boolean explicit = headers.stream().anyMatch(h -> h.name().equalsIgnoreCase("Authorization"));
      if (!explicit) {
        headers.add(
            new Header(
                "Authorization",
                "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8))));
      }
    }
    StringBuilder result = new StringBuilder(scheme).append("://").append(uri.getRawAuthority().replaceFirst("^.*@", ""));
    result.append(uri.getRawPath() == null ? "" : uri.getRawPath());
    String existingQuery = uri.getRawQuery();
    if (existingQuery != null && !existingQuery.isEmpty()) {
      result.append('?').append(existingQuery);
      if (!query.isEmpty()) {
        result.append('&').append(query);
      }
    } else if (!query.isEmpty()) {
      result.append('?').append(query);
    }
    if (uri.getRawFragment() != null) {
      result.append('#').append(uri.getRawFragment());
    }
    try {
      return new URI(result.toString());
    } catch (URISyntaxException e) {
      errors.add(FieldError.of("url", "not a valid URL: " + e.getReason()));
      return null;
    }
  }

  private static void checkHeader(String field, String name, String value, List<FieldError> errors) {
    String trimmed = name.trim();
    checkHeaderName(field, name, errors);
    if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
      errors.add(FieldError.of(field + ".value", "the rendered value of header " + trimmed + " contains a line break"));
    } else if (value.chars().anyMatch(c -> c < 32 && c != '\t' || c == 127)) {
      errors.add(FieldError.of(field + ".value", "the rendered value of header " + trimmed + " contains a control character"));
    } else if (!printableAscii(value)) {
      errors.add(FieldError.of(field + ".value", nonAsciiHeader(trimmed)));
    }
  }

  /**
   * The JDK client writes HTTP/1.1 header values as US-ASCII: every character above 0x7E, ISO-8859-1 ones
   * included, would reach the receiver as "?". Refused instead, naming neither the character nor its
   * position, since the value may hold a secret.
   */
  private static boolean printableAscii(String value) {
    return value.chars().allMatch(c -> c == '\t' || (c >= 32 && c < 127));
  }

  private static String nonAsciiHeader(String name) {
    return "the value of header " + name + " contains a character outside printable ASCII, which the HTTP client"
        + " cannot send (it would arrive as ?); send ASCII only, percent- or base64-encoded if need be";
  }

  private static void checkHeaderName(String field, String name, List<FieldError> errors) {
    String trimmed = name.trim();
    if (!trimmed.chars().allMatch(c -> c > 32 && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0)) {
      errors.add(FieldError.of(field + ".key", "\"" + printable(trimmed) + "\" is not a valid header name"));
    } else if (RESTRICTED_HEADERS.contains(trimmed.toLowerCase(Locale.ROOT))) {
      errors.add(FieldError.of(field + ".key", "the " + trimmed + " header is set by the HTTP client and cannot be overridden"));
    }
  }

  /** A name as it can be shown in an error: control characters as \\uXXXX. */
  private static String printable(String text) {
    StringBuilder out = new StringBuilder();
    text.chars().forEach(c -> out.append(c < 32 || c == 127 ? String.format("\\u%04x", c) : String.valueOf((char) c)));
    return out.toString();
  }

  private static void forEachTemplate(WebhookTemplate t, BiConsumer<String, String> action) {
    action.accept("url", t.url());
    for (int i = 0; i < t.headers().size(); i++) {
      action.accept("headers[" + i + "].value", t.headers().get(i).value());
    }
    for (int i = 0; i < t.queryParameters().size(); i++) {
      action.accept("queryParameters[" + i + "].value", t.queryParameters().get(i).value());
    }
    action.accept("template", t.body());
  }
}
