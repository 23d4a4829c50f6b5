package dev.alertwire.delivery.transfer;

import dev.alertwire.delivery.access.Permit;
import dev.alertwire.delivery.channel.ChannelAdministration;
import dev.alertwire.delivery.channel.ChannelInput;
import dev.alertwire.delivery.console.AuditLog;
import dev.alertwire.delivery.transfer.ChecklyExport.Hidden;
import dev.alertwire.delivery.variable.VariableAdministration;
import dev.alertwire.domain.validation.FieldError;
import dev.alertwire.domain.validation.InvalidInputException;
import dev.alertwire.persistence.channel.AlertChannel;
import dev.alertwire.persistence.token.ApiToken;
import dev.alertwire.persistence.variable.Variable;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Channels and environment variables from the hosted product's export ({@link ChecklyExport}). The dry run
 * and the import make the same plan: what would be created, what is skipped and why, and which secrets the
 * export hides and need a value. The import then creates the plan through the same boundaries the API uses,
 * in this one transaction: all of it or, if anything is refused, nothing.
 *
 * <p>Secret values (given or stored) never appear in the answer or the audit log: the plan names them by
 * their ref only.
 */
@Stateless
@Permit(ApiToken.Role.ADMIN)
public class ChecklyImport {
  /**
   * Stands in for a hidden value the caller has not given yet, so the dry run checks everything else about
   * its channel. Long enough for every secret rule (a CHECKLY webhook secret wants 16 characters); never stored:
   * a real import refuses to run while a value is missing.
   */
  static final String NOT_GIVEN_YET = "value-not-given-yet-0000";

  @Inject ChannelAdministration channels;
  @Inject VariableAdministration variables;
  @Inject AuditLog audit;

  /** Created, or to be created in a dry run ({@code id} null). {@code detail} never holds a value. */
  public record Created(String kind, String name, String detail, String id) {}

  /** An item the import leaves out, with why; {@code errors} are the refusals with line and column. */
  public record Skipped(String kind, String name, String type, String reason, List<FieldError> errors) {}

  /** A secret the export hides; {@code given}: a value came with this request. */
  public record SecretNeeded(String ref, String kind, String owner, String name, boolean given) {}

  public record Report(boolean dryRun, List<Created> created, List<Skipped> skipped, List<SecretNeeded> secretsNeeded) {}

  private record PlannedVariable(ChecklyExport.Variable variable) {}

  private record PlannedChannel(ChecklyExport.Channel channel, ChannelInput input) {}

  /**
   * @param secretValues values for the hidden secrets by ref, besides those in the document's own {@code
   *     secretValues} (these win); blank ones count as not given
   */
  public Report run(String export, Map<String, String> secretValues, boolean dryRun) {
    ChecklyExport.Document document = ChecklyExport.read(export);
    Map<String, String> given = new HashMap<>(document.secretValues());
    if (secretValues != null) {
      secretValues.forEach((ref, value) -> given.put(ref, value));
    }
    given.values().removeIf(v -> v == null || v.isEmpty());
    List<FieldError> refused = new ArrayList<>();
    List<Skipped> skipped = new ArrayList<>();
    List<SecretNeeded> needed = new ArrayList<>();
    Set<String> known = new HashSet<>();

    List<PlannedVariable> plannedVariables = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    for (ChecklyExport.Variable v : document.variables()) {
      String kind = v.secret() ? "secret" : "variable";
      if (!keys.add(v.key())) {
        skipped.add(new Skipped(kind, v.key(), null, "appears earlier in this export; the first one is imported", List.of()));
        continue;
      }
      if (variables.find(Variable.GLOBAL, v.key()).isPresent()) {
        skipped.add(new Skipped(kind, v.key(), null, "a variable named " + v.key() + " exists already; it is left as it is", List.of()));
        continue;
      }
      Hidden hidden = v.hidden();
      String value = hidden == null ? v.value() : given.getOrDefault(hidden.ref(), NOT_GIVEN_YET);
      var refusal = variables.refusal(Variable.GLOBAL, v.key(), value, v.secret());
      if (refusal.isPresent()) {
        if (hidden != null && given.containsKey(hidden.ref()) && refusal.get().startsWith("value")) {
          refused.add(FieldError.of(valueField(hidden), refusal.get()));
        } else {
          skipped.add(new Skipped(kind, v.key(), null, refusal.get(), List.of()));
        }
        continue;
      }
      if (hidden != null) {
        known.add(hidden.ref());
        needed.add(new SecretNeeded(hidden.ref(), hidden.kind(), hidden.owner(), hidden.name(), given.containsKey(hidden.ref())));
      }
      plannedVariables.add(new PlannedVariable(v));
    }

    List<PlannedChannel> plannedChannels = new ArrayList<>();
    Set<String> existing = channels.all().stream().map(AlertChannel::name).collect(Collectors.toSet());
    Set<String> names = new HashSet<>();
    for (ChecklyExport.Channel c : document.channels()) {
      if (!c.webhook()) {
        skipped.add(new Skipped("alertChannel", c.name(), c.type(),
            "a " + c.type() + " channel: Alertwire sends webhooks only (recreate it as a webhook to that service's API, see the presets)", List.of()));
        continue;
      }
      if (!names.add(c.name())) {
        skipped.add(new Skipped("alertChannel", c.name(), c.type(), "appears earlier in this export; the first one is imported", List.of()));
        continue;
      }
      if (existing.contains(c.name())) {
        skipped.add(new Skipped("alertChannel", c.name(), c.type(), "a channel named " + c.name() + " exists already; it is left as it is", List.of()));
        continue;
      }
      ChannelInput input = c.filled(h -> given.getOrDefault(h.ref(), NOT_GIVEN_YET));
      List<FieldError> problems = channels.problems(input);
      List<FieldError> ofGivenValues = new ArrayList<>();
      for (Hidden h : c.hidden()) {
        if (given.containsKey(h.ref())) {
          problems.stream().filter(p -> p.field().equals(h.field())).forEach(p -> ofGivenValues.add(FieldError.of(valueField(h), p.message())));
        }
      }
      if (!ofGivenValues.isEmpty()) {
        refused.addAll(ofGivenValues);
        continue;
      }
      if (!problems.isEmpty()) {
        skipped.add(new Skipped("alertChannel", c.name(), c.type(), "Alertwire refuses it: " + summary(problems), problems));
        continue;
      }
      for (Hidden h : c.hidden()) {
        known.add(h.ref());
        needed.add(new SecretNeeded(h.ref(), h.kind(), h.owner(), h.name(), given.containsKey(h.ref())));
      }
      plannedChannels.add(new PlannedChannel(c, input));
    }

    Set<String> allRefs = new HashSet<>(known);
    document.channels().forEach(c -> c.hidden().forEach(h -> allRefs.add(h.ref())));
    document.variables().stream().filter(v -> v.hidden() != null).forEach(v -> allRefs.add(v.hidden().ref()));
    given.keySet().stream().filter(ref -> !allRefs.contains(ref)).sorted()
        .forEach(ref -> refused.add(FieldError.of("secretValues." + ref, "names no secret this export hides")));
    if (!dryRun) {
      needed.stream().filter(n -> !n.given())
          .forEach(n -> refused.add(FieldError.of("secretValues." + n.ref(), "the export hides this " + n.kind() + " of " + n.owner() + ": give its value")));
    }
    if (!refused.isEmpty()) {
      throw new InvalidInputException(refused);
    }

    List<Created> created = new ArrayList<>();
    for (PlannedVariable p : plannedVariables) {
      ChecklyExport.Variable v = p.variable();
      String value = v.hidden() == null ? v.value() : given.get(v.hidden().ref());
      String id = dryRun ? null : variables.create(Variable.GLOBAL, v.key(), value, v.secret()).id();
      created.add(new Created(v.secret() ? "secret" : "variable", v.key(), v.secret() ? "stored encrypted, write-only" : "plain", id));
    }
    for (PlannedChannel p : plannedChannels) {
      String id = dryRun ? null : channels.create(p.input()).channel().id();
      created.add(new Created("alertChannel", p.channel().name(), describe(p.channel(), p.input()), id));
    }
    if (!dryRun) {
      audit.record("checkly import", created.size() + " created, " + skipped.size() + " skipped", auditDetail(created, skipped));
    }
    return new Report(dryRun, List.copyOf(created), List.copyOf(skipped), List.copyOf(needed));
  }

  private static String valueField(Hidden hidden) {
    return "secretValues." + hidden.ref();
  }

  private static String summary(List<FieldError> problems) {
    return problems.stream()
        .map(p -> p.field() + (p.line() > 0 && !p.message().contains("line " + p.line()) ? " (line " + p.line() + ", column " + p.column() + ")" : "") + " " + p.message())
        .collect(Collectors.joining("; "));
  }

  /** What the channel will do, without its URL or any value (either may hold a credential). */
  private static String describe(ChecklyExport.Channel c, ChannelInput in) {
    List<String> parts = new ArrayList<>();
    parts.add(in.method() == null || in.method().isBlank() ? "POST" : in.method().trim().toUpperCase(java.util.Locale.ROOT));
    if (c.webhookType() != null && !c.webhookType().isBlank() && !c.webhookType().equals("WEBHOOK")) {
      parts.add(c.webhookType());
    }
    parts.add(rows(in.headers().size(), in.headers().stream().filter(r -> r.locked()).count(), "header"));
    parts.add(rows(in.queryParameters().size(), in.queryParameters().stream().filter(r -> r.locked()).count(), "query parameter"));
    if (in.webhookSecret() != null) {
      parts.add("signed (x-checkly-signature)");
    }
    if (c.subscriptions() > 0) {
      parts.add(c.subscriptions() + " subscription(s) in the hosted product not imported");
    }
    return String.join(", ", parts);
  }

  private static String rows(int count, long locked, String what) {
    return count + " " + what + (count == 1 ? "" : "s") + (locked > 0 ? " (" + locked + " locked)" : "");
  }

  private static String auditDetail(List<Created> created, List<Skipped> skipped) {
    String text =
        "created: " + created.stream().map(c -> c.kind() + " " + c.name()).collect(Collectors.joining(", "))
            + (skipped.isEmpty() ? "" : "; skipped: " + skipped.stream().map(s -> s.kind() + " " + s.name()).collect(Collectors.joining(", ")));
    return text.length() > 1000 ? text.substring(0, 997) + "..." : text;
  }
}
