package dev.alertwire.persistence.token;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An API token, stored as the SHA-256 of its value: a leaked database does not leak usable tokens. */
@Entity
@Table(name = "api_token")
public class ApiToken {
  public enum Role {
    /** Read and write everything. */
    ADMIN,
    /** Read only. */
    VIEWER,
    /** Post check results and alerts, nothing else. */
    INGEST
  }

  @Id private String id;

  @Column(nullable = false)
  private String name;

  @Column(name = "token_hash", nullable = false)
  private String tokenHash;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Role role;

  @Column(name = "created_at", nullable = false)
  private long createdAt;

  protected ApiToken() {}

  public ApiToken(String name, String tokenHash, Role role, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.name = name;
    this.tokenHash = tokenHash;
    this.role = role;
    this.createdAt = now.toEpochMilli();
  }

  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  public Role role() {
    return role;
  }

  public Instant createdAt() {
    return Instant.ofEpochMilli(createdAt);
  }
}
