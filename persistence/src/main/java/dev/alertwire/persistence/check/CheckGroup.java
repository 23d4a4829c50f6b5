package dev.alertwire.persistence.check;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A group of checks: shared tags, alert settings and group variables (variables with this group's scope). */
@Entity
@Table(name = "check_group")
public class CheckGroup {
  @Id private String id;

  @Column(nullable = false)
  private String name;

  @Column(name = "tags", nullable = false)
  private String tagsJson = "[]";

  @Embedded private AlertingSettings settings = new AlertingSettings();

  @Column(name = "created_at", nullable = false)
  private long createdAt;

  @Column(name = "updated_at", nullable = false)
  private long updatedAt;

  @Version private long version;

  protected CheckGroup() {}

  public CheckGroup(String name, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.name = name;
    this.createdAt = now.toEpochMilli();
    this.updatedAt = createdAt;
  }

  public void describe(String name, List<String> tags, AlertingSettings settings, Instant now) {
    this.name = name;
    this.tagsJson = Tags.toJson(tags);
    this.settings = settings;
    this.updatedAt = now.toEpochMilli();
  }

  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  public List<String> tags() {
    return Tags.fromJson(tagsJson);
  }

  public AlertingSettings settings() {
    return settings;
  }

  public Instant createdAt() {
    return Instant.ofEpochMilli(createdAt);
  }
}
