package dev.alertwire.domain.channel;

/** A header or query parameter of a channel; a locked value is a secret and write-only. */
public record KeyValue(String key, String value, boolean locked) {
  public KeyValue {
    key = key == null ? "" : key;
    value = value == null ? "" : value;
  }

  public static KeyValue plain(String key, String value) {
    return new KeyValue(key, value, false);
  }
}
