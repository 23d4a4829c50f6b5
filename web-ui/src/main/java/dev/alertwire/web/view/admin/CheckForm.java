package dev.alertwire.web.view.admin;

import dev.alertwire.delivery.check.CheckInput;
import dev.alertwire.persistence.check.AlertingSettings;
import dev.alertwire.persistence.check.CheckGroup;
import dev.alertwire.persistence.check.MonitoredCheck;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A check or a group as its console dialog edits it: the fields of {@link CheckInput}, one component each,
 * with the component ids named as the boundary names the fields, so a refused field's message lands beside
 * it. Nothing is checked here; {@code CheckAdministration} decides, as for the API.
 */
public class CheckForm implements Serializable {
  private static final long serialVersionUID = 1L;

  private String id;
  private String name = "";
  private String checkType = "API";
  private List<String> tags = new ArrayList<>();
  private String groupId = "";
  private boolean activated;
  private boolean muted;
  private boolean useGroupSettings;
  private String escalationType;
  private Integer failedRunThreshold;
  private Integer minutesFailingThreshold;
  private Integer reminderAmount;
  private Integer reminderIntervalMinutes;

  /** A new check starts with the values a check created through the API gets (the entity's defaults). */
  static CheckForm newCheck() {
    CheckForm form = of(new MonitoredCheck("", "API", Instant.EPOCH));
    form.id = null;
    return form;
  }

  static CheckForm of(MonitoredCheck check) {
    CheckForm form = new CheckForm();
    form.id = check.id();
    form.name = check.name();
    form.checkType = check.checkType();
    form.tags = new ArrayList<>(check.tags());
    form.groupId = check.groupId().orElse("");
    form.activated = check.activated();
    form.muted = check.muted();
    form.useGroupSettings = check.usesGroupSettings();
    form.settings(check.ownSettings());
    return form;
  }

  static CheckForm newGroup() {
    CheckForm form = new CheckForm();
    form.settings(new AlertingSettings());
    return form;
  }

  static CheckForm of(CheckGroup group) {
    CheckForm form = newGroup();
    form.id = group.id();
    form.name = group.name();
    form.tags = new ArrayList<>(group.tags());
    form.settings(group.settings());
    return form;
  }

  private void settings(AlertingSettings s) {
    escalationType = s.escalation().type().name();
    failedRunThreshold = s.escalation().failedRuns();
    minutesFailingThreshold = s.escalation().minutesFailing();
    reminderAmount = s.reminders().amount();
    reminderIntervalMinutes = s.reminders().intervalMinutes();
  }

  /**
   * What the boundary receives. An emptied name is sent empty (the API's null would keep the old one), and
   * no group is sent as "" (the API's way to leave a group). The description is not edited here: null keeps it.
   */
  CheckInput toCheckInput() {
    return new CheckInput(
        name == null ? "" : name, checkType, null, List.copyOf(tags == null ? List.of() : tags), groupId == null ? "" : groupId,
        activated, muted, useGroupSettings, escalationType, failedRunThreshold, minutesFailingThreshold, reminderAmount,
        reminderIntervalMinutes);
  }

  /** A group has a name, tags and alert settings; the check fields are not sent. */
  CheckInput toGroupInput() {
    return new CheckInput(
        name == null ? "" : name, null, null, List.copyOf(tags == null ? List.of() : tags), null, null, null, null, escalationType,
        failedRunThreshold, minutesFailingThreshold, reminderAmount, reminderIntervalMinutes);
  }

  /** The component id (in {@code form}) of a field the boundary refused: {@code tags[2]} is the tags input. */
  static String clientId(String form, String field) {
    int index = field.indexOf('[');
    return form + ":" + (index < 0 ? field : field.substring(0, index));
  }

  public boolean isUnsaved() {
    return id == null;
  }

  public String getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getCheckType() {
    return checkType;
  }

  public void setCheckType(String checkType) {
    this.checkType = checkType;
  }

  public List<String> getTags() {
    return tags;
  }

  public void setTags(List<String> tags) {
    this.tags = tags;
  }

  public String getGroupId() {
    return groupId;
  }

  public void setGroupId(String groupId) {
    this.groupId = groupId;
  }

  public boolean isActivated() {
    return activated;
  }

  public void setActivated(boolean activated) {
    this.activated = activated;
  }

  public boolean isMuted() {
    return muted;
  }

  public void setMuted(boolean muted) {
    this.muted = muted;
  }

  public boolean isUseGroupSettings() {
    return useGroupSettings;
  }

  public void setUseGroupSettings(boolean useGroupSettings) {
    this.useGroupSettings = useGroupSettings;
  }

  public String getEscalationType() {
    return escalationType;
  }

  public void setEscalationType(String escalationType) {
    this.escalationType = escalationType;
  }

  public Integer getFailedRunThreshold() {
    return failedRunThreshold;
  }

  public void setFailedRunThreshold(Integer failedRunThreshold) {
    this.failedRunThreshold = failedRunThreshold;
  }

  public Integer getMinutesFailingThreshold() {
    return minutesFailingThreshold;
  }

  public void setMinutesFailingThreshold(Integer minutesFailingThreshold) {
    this.minutesFailingThreshold = minutesFailingThreshold;
  }

  public Integer getReminderAmount() {
    return reminderAmount;
  }

  public void setReminderAmount(Integer reminderAmount) {
    this.reminderAmount = reminderAmount;
  }

  public Integer getReminderIntervalMinutes() {
    return reminderIntervalMinutes;
  }

  public void setReminderIntervalMinutes(Integer reminderIntervalMinutes) {
    this.reminderIntervalMinutes = reminderIntervalMinutes;
  }
}
