package dev.alertwire.domain.channel;

import java.util.List;

/**
 * What a webhook channel renders for each alert: URL, header values, query parameter values and body are
 * Handlebars templates. The body's line endings are LF whichever way it came (a browser's form post turns
 * every line break into CRLF; the API keeps what was sent), so the console and the API store, render and
 * sign the same bytes for the same text.
 */
public record WebhookTemplate(
    String url, HttpMethod method, List<KeyValue> headers, List<KeyValue> queryParameters, String body) {
  public WebhookTemplate {
    url = url == null ? "" : url;
    method = method == null ? HttpMethod.POST : method;
    headers = headers == null ? List.of() : List.copyOf(headers);
    queryParameters = queryParameters == null ? List.of() : List.copyOf(queryParameters);
    body = lf(body);
  }

  /** The text with every CRLF as LF; null as empty. */
  public static String lf(String text) {
    return text == null ? "" : text.replace("\r\n", "\n");
  }
}
