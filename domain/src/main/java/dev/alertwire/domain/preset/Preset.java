package dev.alertwire.domain.preset;

import dev.alertwire.domain.channel.KeyValue;
import java.util.List;

/** A ready-made channel request for a known receiver; the files live in {@code presets/} on the classpath. */
public record Preset(
    String id,
    String name,
    String description,
    String method,
    String url,
    List<KeyValue> headers,
    List<KeyValue> queryParameters,
    String body) {
  public Preset {
    headers = List.copyOf(headers);
    queryParameters = List.copyOf(queryParameters);
  }
}
