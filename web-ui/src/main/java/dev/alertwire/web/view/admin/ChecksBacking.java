package dev.alertwire.web.view.admin;

import dev.alertwire.delivery.access.AccessDenied;
import dev.alertwire.delivery.check.CheckAdministration;
import dev.alertwire.delivery.console.ConsoleChecks;
import dev.alertwire.domain.check.Escalation;
import dev.alertwire.domain.check.Reminders;
import dev.alertwire.domain.validation.InvalidInputException;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.function.Supplier;

/**
 * Checks and groups: the lists, and one dialog each to create or edit them. Saving calls the boundary the
 * API calls ({@link CheckAdministration}), which validates, audits and refuses a viewer; this bean only
 * places its messages beside the fields and returns to the fresh list.
 */
@Named
@ViewScoped
public class ChecksBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject Access access;
  @Inject ConsoleChecks consoleChecks;
  @Inject CheckAdministration administration;

  private List<ConsoleChecks.CheckRow> checks;
  private List<ConsoleChecks.GroupRow> groups;
  private CheckForm check = CheckForm.newCheck();
  private CheckForm group = CheckForm.newGroup();
  /** Where the edited check's or group's alerts go, for the dialog (subscriptions are set on the channel). */
  private List<String> channels = List.of();

  @PostConstruct
  void load() {
    checks = consoleChecks.checks();
    groups = consoleChecks.groups();
  }

  public void newCheck() {
    check = CheckForm.newCheck();
    channels = List.of();
  }

  public void editCheck(ConsoleChecks.CheckRow row) {
    check = CheckForm.of(row.check());
    channels = row.channels();
  }

  public String saveCheck() {
    String id = check.getId();
    return save("check", "checkForm", () -> id == null
        ? administration.create(check.toCheckInput()).name()
        : administration.update(id, check.toCheckInput()).orElseThrow(() -> gone("check")).name());
  }

  public void newGroup() {
    group = CheckForm.newGroup();
    channels = List.of();
  }

  public void editGroup(ConsoleChecks.GroupRow row) {
    group = CheckForm.of(row.group());
    channels = row.channels();
  }

  public String saveGroup() {
    String id = group.getId();
    return save("group", "groupForm", () -> id == null
        ? administration.createGroup(group.toGroupInput()).name()
        : administration.updateGroup(id, group.toGroupInput()).orElseThrow(() -> gone("group")).name());
  }

  /** Post-redirect-get to the fresh lists, or the dialog stays open with each refused field marked. */
  private String save(String what, String form, Supplier<String> boundaryCall) {
    try {
      access.requireAdmin();
      FieldMessages.flash("Saved " + what + " \"" + boundaryCall.get() + "\".");
      return "/admin/checks?faces-redirect=true";
    } catch (InvalidInputException e) {
      FieldMessages.show(e, field -> CheckForm.clientId(form, field));
    } catch (NotPermitted | AccessDenied e) {
      FieldMessages.error(e.getMessage());
    }
    return null;
  }

  private static InvalidInputException gone(String what) {
    return new InvalidInputException("name", "this " + what + " was deleted meanwhile");
  }

  public List<ConsoleChecks.CheckRow> getChecks() {
    return checks;
  }

  public List<ConsoleChecks.GroupRow> getGroups() {
    return groups;
  }

  public CheckForm getCheck() {
    return check;
  }

  public CheckForm getGroup() {
    return group;
  }

  public List<String> getChannels() {
    return channels;
  }

  public List<String> getCheckTypes() {
    return CheckAdministration.CHECK_TYPES.stream().sorted().toList();
  }

  public Escalation.Type[] getEscalationTypes() {
    return Escalation.Type.values();
  }

  public List<Integer> getMinutesFailingChoices() {
    return Escalation.ALLOWED_MINUTES;
  }

  public List<Integer> getReminderIntervals() {
    return Reminders.ALLOWED_INTERVALS;
  }
}
