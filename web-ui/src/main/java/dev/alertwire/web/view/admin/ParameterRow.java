package dev.alertwire.web.view.admin;

import dev.alertwire.domain.channel.KeyValue;
import java.io.Serializable;

/**
 * A header or query parameter row being edited. A locked row's value is write-only: it holds only what the
 * user typed in this view, and {@code stored} says a saved value exists (kept when nothing is typed).
 */
public class ParameterRow implements Serializable {
  private static final long serialVersionUID = 1L;

  private String key = "";
  private String value = "";
  private boolean locked;
  private boolean stored;

  public ParameterRow() {}

  static ParameterRow of(KeyValue kv) {
    ParameterRow row = new ParameterRow();
    row.key = kv.key();
    row.value = kv.value();
    row.locked = kv.locked();
    return row;
  }

  static ParameterRow storedSecret(String key) {
    ParameterRow row = new ParameterRow();
    row.key = key;
    row.locked = true;
    row.stored = true;
    return row;
  }

  KeyValue toKeyValue() {
    return new KeyValue(key == null ? "" : key.trim(), value == null ? "" : value, locked);
  }

  public String getKey() {
    return key;
  }

  public void setKey(String key) {
    this.key = key;
  }

  /** Never read by a page for a locked row (its input does not redisplay). */
  public String getValue() {
    return locked ? "" : value;
  }

  public void setValue(String value) {
    // An empty submit of a locked row's password field means "keep", not "erase".
    if (locked && (value == null || value.isEmpty())) {
      return;
    }
    this.value = value;
  }

  public boolean isLocked() {
    return locked;
  }

  public void setLocked(boolean locked) {
    this.locked = locked;
  }

  public boolean isStored() {
    return stored;
  }

  /** Whether a value is there, typed or saved, for the placeholder of a locked row. */
  public boolean isHasSecret() {
    return locked && (stored || (value != null && !value.isEmpty()));
  }
}
