package dev.alertwire.domain.channel;

import java.util.List;

/**
 * What a webhook channel renders for each alert: URL, header values, query parameter values and body are
 * Handlebars templates.
 */
public record WebhookTemplate(
    String url, HttpMethod method, List<KeyValue> headers, List<KeyValue> queryParameters, String body) {
  public WebhookTemplate {
    url = url == null ? "" : url;
    method = method == null ? HttpMethod.POST : method;
    headers = headers == null ? List.of() : List.copyOf(headers);
    queryParameters = queryParameters == null ? List.of() : List.copyOf(queryParameters);
    body = body == null ? "" : body;
  }
}
