package dev.alertwire.persistence.variable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * An environment variable (scope "") or a group variable (scope = group id). A locked variable is a secret:
 * {@code value} holds its encrypted form, and it can be replaced but never read back through the API.
 */
@Entity
@Table(name = "variable")
public class Variable {
  public static final String GLOBAL = "";

  @Id private String id;

  @Column(nullable = false)
  private String scope;

  @Column(name = "var_key", nullable = false)
  private String key;

  @Column(name = "var_value", nullable = false)
  private String value;

  @Column(nullable = false)
  private boolean locked;

  @Column(name = "created_at", nullable = false)
  private long createdAt;

  @Column(name = "updated_at", nullable = false)
  private long updatedAt;

  @Version private long version;

  protected Variable() {}

  public Variable(String scope, String key, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.scope = scope;
    this.key = key;
    this.createdAt = now.toEpochMilli();
    this.updatedAt = createdAt;
  }

  public void setPlain(String value, Instant now) {
    this.value = value;
    this.locked = false;
    this.updatedAt = now.toEpochMilli();
  }

  /** Stores a secret; there is no way back to a plain value. */
  public void setSecret(String encryptedValue, Instant now) {
    this.value = encryptedValue;
    this.locked = true;
    this.updatedAt = now.toEpochMilli();
  }

  public String id() {
    return id;
  }

  public String scope() {
    return scope;
  }

  public String key() {
    return key;
  }

  /** The plain value, or the encrypted form when locked. */
  public String storedValue() {
    return value;
  }

  public boolean locked() {
    return locked;
  }

  public Instant updatedAt() {
    return Instant.ofEpochMilli(updatedAt);
  }
}
