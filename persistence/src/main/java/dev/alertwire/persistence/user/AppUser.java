package dev.alertwire.persistence.user;

import dev.alertwire.domain.user.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A person who may sign in to the console; only the password's PBKDF2 hash is stored. */
@Entity
@Table(name = "app_user")
public class AppUser {
  @Id private String id;

  @Column(nullable = false)
  private String username;

  @Column(name = "password_hash", nullable = false)
  private String passwordHash;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Role role;

  @Column(name = "created_at", nullable = false)
  private long createdAt;

  @Version private long version;

  protected AppUser() {}

  public AppUser(String username, String passwordHash, Role role, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.username = username;
    this.passwordHash = passwordHash;
    this.role = role;
    this.createdAt = now.toEpochMilli();
  }

  public String id() {
    return id;
  }

  public String username() {
    return username;
  }

  public String passwordHash() {
    return passwordHash;
  }

  public Role role() {
    return role;
  }

  /** A new PBKDF2 hash (from PasswordHasher): the user changed their password. */
  public void changePasswordHash(String passwordHash) {
    this.passwordHash = passwordHash;
  }

  public Instant createdAt() {
    return Instant.ofEpochMilli(createdAt);
  }
}
