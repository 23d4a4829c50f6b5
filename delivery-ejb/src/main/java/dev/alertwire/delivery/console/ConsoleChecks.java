package dev.alertwire.delivery.console;

import dev.alertwire.delivery.access.Permit;
import dev.alertwire.persistence.token.ApiToken;
import dev.alertwire.persistence.channel.AlertChannel;
import dev.alertwire.persistence.channel.ChannelRepository;
import dev.alertwire.persistence.check.AlertingSettings;
import dev.alertwire.persistence.check.CheckGroup;
import dev.alertwire.persistence.check.CheckRepository;
import dev.alertwire.persistence.check.MonitoredCheck;
import dev.alertwire.persistence.variable.VariableRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks and groups as the console lists them: each with the settings that apply to it and the channels its
 * alerts go to. Group variables come as {@link ConsoleVariables.Shown}, so a secret's value is never here.
 */
@Stateless
@Permit({ApiToken.Role.ADMIN, ApiToken.Role.VIEWER})
public class ConsoleChecks {
  @Inject CheckRepository checks;
  @Inject ChannelRepository channels;
  @Inject VariableRepository variables;

  /**
   * A check's row. {@code settings} are the ones in force (the group's when the check uses them);
   * {@code channels} subscribe to the check or its group; with none, the catch-all channels get its alerts.
   */
  public record CheckRow(MonitoredCheck check, String groupName, AlertingSettings settings, List<String> channels) {}

  public record GroupRow(CheckGroup group, long checkCount, List<ConsoleVariables.Shown> variables, List<String> channels) {}

  public List<CheckRow> checks() {
    Map<String, CheckGroup> groups = new HashMap<>();
    checks.groups().forEach(g -> groups.put(g.id(), g));
    Subscribers subscribers = new Subscribers(channels.all());
    return checks.all().stream()
        .map(
            c -> {
              Optional<CheckGroup> group = c.groupId().map(groups::get);
              AlertingSettings settings = c.usesGroupSettings() && group.isPresent() ? group.get().settings() : c.ownSettings();
              List<String> names = subscribers.routed(c.id(), group.map(CheckGroup::id).orElse(null));
              return new CheckRow(c, group.map(CheckGroup::name).orElse(null), settings, names);
            })
        .toList();
  }

  public List<GroupRow> groups() {
    List<MonitoredCheck> all = checks.all();
    Subscribers subscribers = new Subscribers(channels.all());
    return checks.groups().stream()
        .map(
            g ->
                new GroupRow(
                    g,
                    all.stream().filter(c -> c.groupId().filter(g.id()::equals).isPresent()).count(),
                    variables.inScope(g.id()).stream().map(ConsoleVariables.Shown::of).toList(),
                    subscribers.of(null, g.id())))
        .toList();
  }

  /** Channel names by what they subscribe to, read once per listing. */
  private record Subscribers(List<AlertChannel> channels) {
    /**
     * Where a check's alerts go, by the routing rule: the channels that subscribe to it (or its group)
     * first, then the catch-all ones, marked as such. The console shows the first few only, and a check's
     * own subscribers are what it is looked at for.
     */
    List<String> routed(String checkId, String groupId) {
      return channels.stream()
          .filter(ch -> ch.receivesAlertsOf(checkId, groupId))
          .sorted(java.util.Comparator.comparing(AlertChannel::isCatchAll)) // stable: each part keeps its order
          .map(ch -> ch.isCatchAll() ? ch.name() + " (every check)" : ch.name())
          .toList();
    }

    List<String> of(String checkId, String groupId) {
      return channels.stream()
          .filter(
              ch ->
                  ch.subscriptions().stream()
                      .anyMatch(
                          s ->
                              s.activated()
                                  && ((checkId != null && checkId.equals(s.checkId())) || (groupId != null && groupId.equals(s.groupId())))))
          .map(AlertChannel::name)
          .toList();
    }
  }
}
