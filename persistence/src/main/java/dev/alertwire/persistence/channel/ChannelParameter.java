package dev.alertwire.persistence.channel;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A header or query parameter row; when locked, {@code value} holds the encrypted form. */
@Embeddable
public class ChannelParameter {
  public enum Kind {
    HEADER,
    QUERY
  }

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", nullable = false)
  private Kind kind;

  @Column(name = "name", nullable = false)
  private String name;

  @Column(name = "param_value")
  private String value;

  @Column(name = "locked", nullable = false)
  private boolean locked;

  protected ChannelParameter() {}

  public ChannelParameter(Kind kind, String name, String value, boolean locked) {
    this.kind = kind;
    this.name = name;
    this.value = value;
    this.locked = locked;
  }

  public Kind kind() {
    return kind;
  }

  public String name() {
    return name;
  }

  public String value() {
    return value == null ? "" : value;
  }

  public boolean locked() {
    return locked;
  }
}
