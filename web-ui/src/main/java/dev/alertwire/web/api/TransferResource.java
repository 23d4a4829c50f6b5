package dev.alertwire.web.api;

import dev.alertwire.delivery.json.JsonBodies;
import dev.alertwire.delivery.channel.ChannelAdministration;
import dev.alertwire.delivery.check.CheckAdministration;
import dev.alertwire.delivery.transfer.ConfigurationDocument;
import dev.alertwire.delivery.transfer.ConfigurationDocument.NamedSubscription;
import dev.alertwire.delivery.transfer.ConfigurationTransfer;
import dev.alertwire.delivery.variable.VariableAdministration;
import dev.alertwire.persistence.channel.AlertChannel;
import dev.alertwire.persistence.check.CheckGroup;
import dev.alertwire.persistence.check.MonitoredCheck;
import dev.alertwire.persistence.variable.Variable;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Configuration as code: export the whole configuration as one document (secrets by name only), import
 * one by name, all or nothing, with a dry run that reports what would change.
 */
@Path("v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class TransferResource {
  private static final Set<String> INSTANCE_FIELDS = Set.of("id", "type", "created", "updated", "flagged", "flaggedReason", "subscriptions");

  @Inject ConfigurationTransfer transfer;
  @Inject VariableAdministration variables;
  @Inject CheckAdministration checks;
  @Inject ChannelAdministration channels;

  @GET
  @Path("export")
  public String export() {
    List<CheckGroup> groups = checks.groups();
    List<MonitoredCheck> allChecks = checks.all();
    Map<String, CheckGroup> groupsById = groups.stream().collect(Collectors.toMap(CheckGroup::id, Function.identity()));
    Map<String, MonitoredCheck> checksById = allChecks.stream().collect(Collectors.toMap(MonitoredCheck::id, Function.identity()));

    JsonArrayBuilder groupArray = Json.createArrayBuilder();
    for (CheckGroup g : groups) {
      groupArray.add(Json.createObjectBuilder(withoutInstanceFields(CheckJson.of(g))).add("variables", variablesOf(g.id())));
    }
    JsonArrayBuilder checkArray = Json.createArrayBuilder();
    for (MonitoredCheck c : allChecks) {
      JsonObjectBuilder o = Json.createObjectBuilder(withoutInstanceFields(CheckJson.of(c)));
      o.remove("groupId");
      o.remove("alertState");
      o.remove("remindersSent");
      o.remove("lastResultAt");
      o.remove("nextReminderAt");
      c.groupId().map(groupsById::get).ifPresentOrElse(g -> o.add("group", g.name()), () -> o.addNull("group"));
      checkArray.add(o);
    }
    JsonArrayBuilder channelArray = Json.createArrayBuilder();
    for (AlertChannel ch : channels.all()) {
      JsonObjectBuilder o = Json.createObjectBuilder(withoutInstanceFields(ChannelJson.of(ch)));
      JsonArrayBuilder subs = Json.createArrayBuilder();
      ch.subscriptions().forEach(s -> {
        if (s.checkId() != null && checksById.containsKey(s.checkId())) {
          MonitoredCheck c = checksById.get(s.checkId());
          subs.add(Json.createObjectBuilder().add("check", c.name()).add("checkType", c.checkType()).add("activated", s.activated()));
        } else if (s.label() != null) {
          subs.add(Json.createObjectBuilder().add("label", s.label()).add("activated", s.activated()));
        } else if (s.groupId() != null && groupsById.containsKey(s.groupId())) {
          subs.add(Json.createObjectBuilder().add("group", groupsById.get(s.groupId()).name()).add("activated", s.activated()));
        }
      });
      channelArray.add(o.add("subscriptions", subs));
    }
    return Json.createObjectBuilder()
        .add("version", 1)
        .add("variables", variablesOf(Variable.GLOBAL))
        .add("groups", groupArray)
        .add("checks", checkArray)
        .add("alertChannels", channelArray)
        .build()
        .toString();
  }

  @POST
  @Path("import")
  public String importDocument(String body, @QueryParam("dryRun") @DefaultValue("false") boolean dryRun) {
    JsonObject o = JsonBodies.object(body);
    ConfigurationDocument document =
        new ConfigurationDocument(
            JsonBodies.objects(o, "variables").orElse(List.of()).stream().map(TransferResource::variable).toList(),
            JsonBodies.objects(o, "groups").orElse(List.of()).stream()
                .map(g -> new ConfigurationDocument.GroupItem(CheckJson.input(g), JsonBodies.objects(g, "variables").orElse(List.of()).stream().map(TransferResource::variable).toList()))
                .toList(),
            JsonBodies.objects(o, "checks").orElse(List.of()).stream()
                .map(c -> new ConfigurationDocument.CheckItem(CheckJson.input(c), JsonBodies.string(c, "group")))
                .toList(),
            JsonBodies.objects(o, "alertChannels").orElse(List.of()).stream()
                .map(c -> new ConfigurationDocument.ChannelItem(ChannelResource.input(Json.createObjectBuilder(c).remove("subscriptions").build()), subscriptions(c)))
                .toList());
    JsonArrayBuilder changes = Json.createArrayBuilder();
    transfer.apply(document, dryRun).forEach(ch -> changes.add(Json.createObjectBuilder().add("kind", ch.kind()).add("name", ch.name()).add("action", ch.action())));
    return Json.createObjectBuilder().add("dryRun", dryRun).add("changes", changes).build().toString();
  }

  private JsonArrayBuilder variablesOf(String scope) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    variables.list(scope).forEach(v -> {
      JsonObjectBuilder item = VariableResource.json(v);
      item.remove("updated");
      array.add(item);
    });
    return array;
  }

  private static JsonObject withoutInstanceFields(JsonObject o) {
    JsonObjectBuilder b = Json.createObjectBuilder(o);
    INSTANCE_FIELDS.forEach(b::remove);
    return b.build();
  }

  private static ConfigurationDocument.VariableItem variable(JsonObject v) {
    return new ConfigurationDocument.VariableItem(JsonBodies.string(v, "key"), JsonBodies.string(v, "value"), Boolean.TRUE.equals(JsonBodies.bool(v, "locked")));
  }

  private static List<NamedSubscription> subscriptions(JsonObject channel) {
    return JsonBodies.objects(channel, "subscriptions")
        .map(list -> list.stream()
            .map(s -> new NamedSubscription(JsonBodies.string(s, "check"), JsonBodies.string(s, "checkType"), JsonBodies.string(s, "group"),
                JsonBodies.string(s, "label"), !Boolean.FALSE.equals(JsonBodies.bool(s, "activated"))))
            .toList())
        .orElse(null);
  }
}
