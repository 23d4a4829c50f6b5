package dev.alertwire.persistence.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One thing a person did in the console. Written once, never changed. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {
  @Id private String id;

  @Column(nullable = false)
  private long at;

  @Column(nullable = false)
  private String actor;

  @Column(nullable = false)
  private String action;

  @Column
  private String target;

  @Column
  private String detail;

  protected AuditEntry() {}

  public AuditEntry(Instant at, String actor, String action, String target, String detail) {
    this.id = UUID.randomUUID().toString();
    this.at = at.toEpochMilli();
    this.actor = clip(actor, 100);
    this.action = clip(action, 60);
    this.target = clip(target, 400);
    this.detail = clip(detail, 4000);
  }

  private static String clip(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }

  public String id() {
    return id;
  }

  public Instant at() {
    return Instant.ofEpochMilli(at);
  }

  public String actor() {
    return actor;
  }

  public String action() {
    return action;
  }

  public String target() {
    return target;
  }

  public String detail() {
    return detail;
  }
}
