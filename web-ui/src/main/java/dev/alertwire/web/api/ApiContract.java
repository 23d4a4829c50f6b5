package dev.alertwire.web.api;

import static dev.alertwire.web.api.ApiSchemas.anyObject;
import static dev.alertwire.web.api.ApiSchemas.array;
import static dev.alertwire.web.api.ApiSchemas.bool;
import static dev.alertwire.web.api.ApiSchemas.concat;
import static dev.alertwire.web.api.ApiSchemas.enumOf;
import static dev.alertwire.web.api.ApiSchemas.input;
import static dev.alertwire.web.api.ApiSchemas.instant;
import static dev.alertwire.web.api.ApiSchemas.integer;
import static dev.alertwire.web.api.ApiSchemas.lowerCaseEnumOf;
import static dev.alertwire.web.api.ApiSchemas.nullable;
import static dev.alertwire.web.api.ApiSchemas.number;
import static dev.alertwire.web.api.ApiSchemas.object;
import static dev.alertwire.web.api.ApiSchemas.oneOf;
import static dev.alertwire.web.api.ApiSchemas.opt;
import static dev.alertwire.web.api.ApiSchemas.ref;
import static dev.alertwire.web.api.ApiSchemas.req;
import static dev.alertwire.web.api.ApiSchemas.string;
import static dev.alertwire.web.api.ApiSchemas.without;

import dev.alertwire.domain.channel.HttpMethod;
import dev.alertwire.domain.check.AlertState;
import dev.alertwire.domain.check.Escalation;
import dev.alertwire.domain.check.TransitionCode;
import dev.alertwire.domain.delivery.Backoff;
import dev.alertwire.domain.delivery.DeliveryKind;
import dev.alertwire.domain.delivery.DeliveryStatus;
import dev.alertwire.domain.delivery.ErrorClass;
import dev.alertwire.domain.event.SampleEvents;
import dev.alertwire.persistence.channel.AlertChannel;
import dev.alertwire.persistence.token.ApiToken;
import dev.alertwire.web.api.ApiSchemas.Property;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASModelReader;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.Paths;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * The API's contract, served at {@code /openapi} (mp.openapi.model.reader; annotation scanning is off, see
 * package-info). Each schema here describes what the resource's JSON-P code writes or reads; enum values
 * come from the Java enums the code writes with {@code name()}. OpenApiContractIT calls every operation
 * and checks each answer against this document, and checks that every JAX-RS method is described here.
 */
public class ApiContract implements OASModelReader {
  static final String JSON = "application/json";
  /** The one answer that is not JSON: the Prometheus scrape. */
  static final String TEXT = "text/plain";
  private static final ApiToken.Role ADMIN = ApiToken.Role.ADMIN;
  private static final ApiToken.Role VIEWER = ApiToken.Role.VIEWER;
  private static final ApiToken.Role INGEST = ApiToken.Role.INGEST;

  @Override
  public OpenAPI buildModel() {
    Components components = OASFactory.createComponents();
    components.addSecurityScheme(
        "bearer",
        OASFactory.createSecurityScheme()
            .type(SecurityScheme.Type.HTTP)
            .scheme("bearer")
            .description(
                "An API token (Authorization: Bearer <token>). Roles: admin reads and writes; viewer reads and"
                    + " previews; ingest only posts alerts and check results. Each operation lists its roles in"
                    + " x-roles; another role gets 403."));
    schemas().forEach(components::addSchema);
    problems().forEach(components::addResponse);
    return OASFactory.createOpenAPI()
        .openapi("3.0.3")
        .info(
            OASFactory.createInfo()
                .title("Alertwire API")
                .version("1")
                .description(
                    "Webhook alert channels, checks, groups, results, alerts, variables and the delivery record."
                        + " Every call needs a bearer token; secret values are accepted and never returned."
                        + " Refusals are RFC 9457 problem details (application/problem+json)."))
        .addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("bearer"))
        .components(components)
        .paths(paths());
  }

  // ---------------------------------------------------------------------------------------------- paths

  private static Paths paths() {
    Paths paths = OASFactory.createPaths();
    String channels = "/api/v1/alert-channels";
    paths.addPathItem(
        channels,
        OASFactory.createPathItem()
            .GET(op("listChannels", "Channels", "All alert channels, secret values left out.", VIEWER_READ).responses(ok("200", array(ref("Channel")))))
            .POST(
                op("createChannel", "Channels", "A new webhook channel. With STANDARD_WEBHOOKS the answer carries the generated secret, once.", ADMIN_ONLY)
                    .requestBody(body(ref("ChannelInput")))
                    .responses(ok("201", ref("SavedChannel"), 400, 413))));
    paths.addPathItem(
        channels + "/{id}",
        withId(
            OASFactory.createPathItem()
                .GET(op("getChannel", "Channels", "One channel.", VIEWER_READ).responses(ok("200", ref("Channel"), 404)))
                .PUT(
                    op("updateChannel", "Channels", "Replaces the channel's settings; null or absent fields keep theirs (name and url are required).", ADMIN_ONLY)
                        .requestBody(body(ref("ChannelInput")))
                        .responses(ok("200", ref("SavedChannel"), 400, 404, 413)))
                .DELETE(op("deleteChannel", "Channels", "Deletes the channel; its delivery record stays.", ADMIN_ONLY).responses(noContent(404))),
            "id"));

    paths.addPathItem(
        "/api/v1/alerts",
        OASFactory.createPathItem()
            .POST(
                op("acceptAlert", "Alerts", "An alert decided elsewhere: a JSON object of event variables (ALERT_TYPE, CHECK_NAME, ...), queued for every matching channel.", INGESTION)
                    .requestBody(body(ref("AlertVariables")))
                    .responses(ok("202", ref("AcceptedAlert"), 400, 413))));
    for (String source : List.of("alertmanager", "grafana")) {
      paths.addPathItem(
          "/api/v1/sources/" + source,
          OASFactory.createPathItem()
              .POST(
                  op("accept" + Character.toUpperCase(source.charAt(0)) + source.substring(1) + "Webhook", "Alerts",
                          "Prometheus Alertmanager's webhook_config payload (version 4) or Grafana's webhook contact point payload, as those tools"
                              + " send it: each alert becomes a ready-made alert (see the README's mapping table), all queued in one transaction.",
                          INGESTION)
                      .requestBody(body(ref("AlertmanagerWebhook")))
                      .responses(ok("202", ref("AcceptedSourceAlerts"), 400, 413))));
    }
    paths.addPathItem(
        "/api/v1/check-results",
        OASFactory.createPathItem()
            .POST(
                op("acceptCheckResult", "Checks", "One check result; the answer says what it did to the check and which alerts it sent. 404 when check.id names no check.", INGESTION)
                    .requestBody(body(ref("CheckResultInput")))
                    .responses(ok("202", ref("CheckResultOutcome"), 400, 404, 413))));

    String checks = "/api/v1/checks";
    paths.addPathItem(
        checks,
        OASFactory.createPathItem()
            .GET(op("listChecks", "Checks", "All checks.", VIEWER_READ).responses(ok("200", array(ref("Check")))))
            .POST(op("createCheck", "Checks", "Registers a check.", ADMIN_ONLY).requestBody(body(ref("CheckInput"))).responses(ok("201", ref("Check"), 400, 413))));
    paths.addPathItem(
        checks + "/{id}",
        withId(
            OASFactory.createPathItem()
                .GET(op("getCheck", "Checks", "One check.", VIEWER_READ).responses(ok("200", ref("Check"), 404)))
                .PUT(op("updateCheck", "Checks", "Changes a check; null or absent fields keep theirs.", ADMIN_ONLY).requestBody(body(ref("CheckChanges"))).responses(ok("200", ref("Check"), 400, 404, 413)))
                .DELETE(op("deleteCheck", "Checks", "Deletes a check.", ADMIN_ONLY).responses(noContent(404))),
            "id"));

    String groups = "/api/v1/check-groups";
    paths.addPathItem(
        groups,
        OASFactory.createPathItem()
            .GET(op("listGroups", "Groups", "All check groups.", VIEWER_READ).responses(ok("200", array(ref("Group")))))
            .POST(op("createGroup", "Groups", "A new check group.", ADMIN_ONLY).requestBody(body(ref("GroupInput"))).responses(ok("201", ref("Group"), 400, 413))));
    paths.addPathItem(
        groups + "/{id}",
        withId(
            OASFactory.createPathItem()
                .GET(op("getGroup", "Groups", "One check group.", VIEWER_READ).responses(ok("200", ref("Group"), 404)))
                .PUT(op("updateGroup", "Groups", "Changes a group; null or absent fields keep theirs.", ADMIN_ONLY).requestBody(body(ref("GroupChanges"))).responses(ok("200", ref("Group"), 400, 404, 413)))
                .DELETE(op("deleteGroup", "Groups", "Deletes a group.", ADMIN_ONLY).responses(noContent(404))),
            "id"));
    paths.addPathItem(
        groups + "/{id}/variables",
        withId(
            OASFactory.createPathItem()
                .GET(op("listGroupVariables", "Groups", "The group's variables (they override the global ones for its checks); secret values left out.", VIEWER_READ).responses(ok("200", array(ref("Variable")), 404)))
                .POST(op("createGroupVariable", "Groups", "A new group variable or secret (locked).", ADMIN_ONLY).requestBody(body(ref("VariableInput"))).responses(ok("201", ref("Variable"), 400, 404, 409, 413))),
            "id"));
    paths.addPathItem(
        groups + "/{id}/variables/{key}",
        withId(
            OASFactory.createPathItem()
                .PUT(op("updateGroupVariable", "Groups", "Changes a group variable's value; a secret stays locked.", ADMIN_ONLY).requestBody(body(ref("VariableChanges"))).responses(ok("200", ref("Variable"), 400, 404, 413)))
                .DELETE(op("deleteGroupVariable", "Groups", "Deletes a group variable.", ADMIN_ONLY).responses(noContent(404))),
            "id",
            "key"));

    String variables = "/api/v1/variables";
    paths.addPathItem(
        variables,
        OASFactory.createPathItem()
            .GET(op("listVariables", "Variables", "Global variables; secret values left out.", VIEWER_READ).responses(ok("200", array(ref("Variable")))))
            .POST(op("createVariable", "Variables", "A new global variable or secret (locked). 409 if the key exists.", ADMIN_ONLY).requestBody(body(ref("VariableInput"))).responses(ok("201", ref("Variable"), 400, 409, 413))));
    paths.addPathItem(
        variables + "/{key}",
        withId(
            OASFactory.createPathItem()
                .GET(op("getVariable", "Variables", "One global variable.", VIEWER_READ).responses(ok("200", ref("Variable"), 404)))
                .PUT(op("updateVariable", "Variables", "Changes a variable's value; a secret stays locked.", ADMIN_ONLY).requestBody(body(ref("VariableChanges"))).responses(ok("200", ref("Variable"), 400, 404, 413)))
                .DELETE(op("deleteVariable", "Variables", "Deletes a global variable.", ADMIN_ONLY).responses(noContent(404))),
            "key"));

    String deliveries = "/api/v1/deliveries";
    Operation listDeliveries =
        op("listDeliveries", "Deliveries", "The delivery record, newest first; filters combine.", VIEWER_READ).responses(ok("200", ref("DeliveryPage"), 400));
    query(listDeliveries, "channelId", string(), "Only this channel's deliveries.");
    query(listDeliveries, "checkId", string(), "Only this check's deliveries.");
    query(listDeliveries, "alertType", string(), "Only this alert type (REMINDER for reminders).");
    query(listDeliveries, "status", enumOf(Arrays.stream(DeliveryStatus.values()).map(s -> s.name().toLowerCase(Locale.ROOT)).toList()), "Only this status (any case).");
    query(listDeliveries, "from", instant(), "Created at or after.");
    query(listDeliveries, "to", instant(), "Created before.");
    query(listDeliveries, "page", integer().minimum(java.math.BigDecimal.ONE).maximum(java.math.BigDecimal.valueOf(DeliveryResource.MAX_PAGE)), "From 1 (default 1).");
    query(listDeliveries, "size", integer().minimum(java.math.BigDecimal.ONE).maximum(java.math.BigDecimal.valueOf(200)), "Items per page (default 50).");
    paths.addPathItem(deliveries, OASFactory.createPathItem().GET(listDeliveries));
    paths.addPathItem(
        deliveries + "/{id}",
        withId(OASFactory.createPathItem().GET(op("getDelivery", "Deliveries", "One delivery with every attempt: request, response or error.", VIEWER_READ).responses(ok("200", ref("DeliveryDetail"), 404))), "id"));
    paths.addPathItem(
        deliveries + "/{id}/redeliver",
        withId(
            OASFactory.createPathItem()
                .POST(op("redeliver", "Deliveries", "Sends the same event to the same channel again as a new delivery. 400 when the channel was deleted.", ADMIN_ONLY).responses(ok("201", ref("Delivery"), 400, 404))),
            "id"));
    paths.addPathItem(
        deliveries + "/{id}/cancel",
        withId(
            OASFactory.createPathItem()
                .POST(op("cancelDelivery", "Deliveries", "Stops an unfinished delivery. 400 (field status) when it is already finished.", ADMIN_ONLY).responses(ok("200", ref("Delivery"), 400, 404))),
            "id"));

    paths.addPathItem(
        "/api/v1/templates/preview",
        OASFactory.createPathItem()
            .POST(
                op("previewTemplate", "Channels", "Renders a channel draft for a sample alert. Template errors are the answer (valid: false), not a 400; 429 when too many previews run at once.", VIEWER_READ)
                    .requestBody(body(ref("PreviewInput")))
                    .responses(ok("200", ref("Preview"), 400, 413))));

    String tokens = "/api/v1/api-tokens";
    paths.addPathItem(
        tokens,
        OASFactory.createPathItem()
            .GET(op("listTokens", "API tokens", "All API tokens (never their values).", ADMIN_ONLY).responses(ok("200", array(ref("ApiToken")))))
            .POST(op("createToken", "API tokens", "A new API token; its value is in this answer and nowhere else, ever.", ADMIN_ONLY).requestBody(body(ref("ApiTokenInput"))).responses(ok("201", ref("IssuedApiToken"), 400, 413))));
    paths.addPathItem(
        tokens + "/{id}",
        withId(OASFactory.createPathItem().DELETE(op("revokeToken", "API tokens", "Revokes an API token at once.", ADMIN_ONLY).responses(noContent(404))), "id"));

    Operation audit = op("listAudit", "Audit", "Every change from the console or the API, newest first, with who made it.", ADMIN_ONLY).responses(ok("200", ref("AuditPage"), 400));
    query(audit, "actor", string(), "Exact actor (a user name, or \"token NAME\").");
    query(audit, "target", string(), "Exact target.");
    query(audit, "page", integer().minimum(java.math.BigDecimal.ONE).maximum(java.math.BigDecimal.valueOf(AuditResource.MAX_PAGE)), "From 1 (default 1).");
    query(audit, "size", integer().minimum(java.math.BigDecimal.ONE).maximum(java.math.BigDecimal.valueOf(AuditResource.MAX_PAGE_SIZE)), "Items per page (default 50).");
    paths.addPathItem("/api/v1/audit", OASFactory.createPathItem().GET(audit));

    paths.addPathItem(
        "/api/v1/export",
        OASFactory.createPathItem().GET(op("exportConfiguration", "Configuration", "The whole configuration as one document; secrets by name only.", VIEWER_READ).responses(ok("200", ref("ConfigurationExport")))));
    Operation importDocument =
        op("importConfiguration", "Configuration", "Imports a document like the export's, by name, all or nothing; dryRun=true only reports what would change.", ADMIN_ONLY)
            .requestBody(body(ref("ConfigurationImport")))
            .responses(ok("200", ref("ImportResult"), 400, 413));
    query(importDocument, "dryRun", bool(), "true: change nothing, report what would change (default false).");
    paths.addPathItem("/api/v1/import", OASFactory.createPathItem().POST(importDocument));
    Operation checklyImport =
        op("importFromChecklyExport", "Configuration", "Webhook channels and variables as the hosted product's API returns them (GET /v1/alert-channels, GET /v1/variables); other channel types and existing names are skipped, hidden secrets are listed and need a value in secretValues. All or nothing; a dry run unless dryRun=false.", ADMIN_ONLY)
            .requestBody(body(ref("ChecklyExport")))
            .responses(ok("200", ref("ChecklyImportReport"), 400, 413));
    query(checklyImport, "dryRun", bool(), "false: create what the dry run lists (default true: change nothing).");
    paths.addPathItem(
        "/api/v1/metrics",
        OASFactory.createPathItem()
            .GET(
                op("scrapeMetrics", "Operations", "Delivery metrics in Prometheus' text exposition format 0.0.4 (docs/operations.md names each one).", VIEWER_READ)
                    .responses(
                        refusals(
                            OASFactory.createAPIResponses()
                                .addAPIResponse(
                                    "200",
                                    OASFactory.createAPIResponse()
                                        .description("OK")
                                        .content(content(TEXT, string("Prometheus text exposition format, version 0.0.4"))))))));
    paths.addPathItem("/api/v1/import/checkly", OASFactory.createPathItem().POST(checklyImport));
    return paths;
  }

  private static final List<ApiToken.Role> ADMIN_ONLY = List.of(ADMIN);
  private static final List<ApiToken.Role> VIEWER_READ = List.of(ADMIN, VIEWER);
  private static final List<ApiToken.Role> INGESTION = List.of(ADMIN, INGEST);

  /** An operation with its roles, as {@code x-roles} (OpenAPI 3.0 bearer schemes carry no scopes) and in words. */
  private static Operation op(String id, String tag, String description, List<ApiToken.Role> roles) {
    List<String> names = roles.stream().map(r -> r.name().toLowerCase(Locale.ROOT)).toList();
    return OASFactory.createOperation()
        .operationId(id)
        .addTag(tag)
        .description(description + " Roles: " + String.join(", ", names) + ".")
        .addExtension("x-roles", new ArrayList<>(names));
  }

  private static PathItem withId(PathItem item, String... names) {
    for (String name : names) {
      item.addParameter(OASFactory.createParameter().name(name).in(Parameter.In.PATH).required(true).schema(string()));
    }
    return item;
  }

  private static void query(Operation op, String name, Schema schema, String description) {
    op.addParameter(OASFactory.createParameter().name(name).in(Parameter.In.QUERY).schema(schema).description(description));
  }

  private static org.eclipse.microprofile.openapi.models.parameters.RequestBody body(Schema schema) {
    return OASFactory.createRequestBody().required(true).content(content(JSON, schema));
  }

  private static Content content(String mediaType, Schema schema) {
    return OASFactory.createContent().addMediaType(mediaType, OASFactory.createMediaType().schema(schema));
  }

  /**
   * The success answer and the refusals this operation can give, besides those every operation can give:
   * 401, 403, 429 (wrong tokens, or too many previews), 500 and 503.
   */
  private static APIResponses ok(String status, Schema schema, int... refusals) {
    APIResponses responses = OASFactory.createAPIResponses();
    responses.addAPIResponse(status, OASFactory.createAPIResponse().description(status.equals("201") ? "Created" : status.equals("202") ? "Accepted" : "OK").content(content(JSON, schema)));
    return refusals(responses, refusals);
  }

  private static APIResponses noContent(int... refusals) {
    return refusals(OASFactory.createAPIResponses().addAPIResponse("204", OASFactory.createAPIResponse().description("Done; no body")), refusals);
  }

  private static APIResponses refusals(APIResponses responses, int... refusals) {
    int[] always = {401, 403, 429, 500, 503};
    int[] all = java.util.stream.IntStream.concat(Arrays.stream(refusals), Arrays.stream(always)).sorted().toArray();
    for (int status : all) {
      responses.addAPIResponse(Integer.toString(status), OASFactory.createAPIResponse().ref("#/components/responses/" + PROBLEMS.get(status)));
    }
    return responses;
  }

  // ------------------------------------------------------------------------------------------ refusals

  private static final Map<Integer, String> PROBLEMS =
      Map.of(
          400, "InvalidInput",
          401, "Unauthorized",
          403, "Forbidden",
          404, "NotFound",
          409, "Conflict",
          413, "PayloadTooLarge",
          429, "TooManyRequests",
          500, "InternalError",
          503, "DatabaseUnavailable");

  private static Map<String, org.eclipse.microprofile.openapi.models.responses.APIResponse> problems() {
    Map<Integer, String> descriptions =
        Map.of(
            400, "Refused input: errors names each field (with line and column for JSON and templates); nothing was stored",
            401, "No or wrong bearer token",
            403, "The token's role may not do this",
            404, "No such resource",
            409, "The key is taken",
            413, "The body is over 1 MiB",
            429, "Too many wrong tokens from this address, or too many previews at once; Retry-After says when to try again",
            500, "The request could not be completed; the server log has the cause",
            503, "The database is unavailable; nothing was stored; Retry-After says when to try again");
    Map<String, org.eclipse.microprofile.openapi.models.responses.APIResponse> responses = new LinkedHashMap<>();
    new java.util.TreeMap<>(PROBLEMS)
        .forEach((status, name) -> responses.put(name, OASFactory.createAPIResponse().description(descriptions.get(status)).content(content(Problem.MEDIA_TYPE, ref("Problem")))));
    return responses;
  }

  // ------------------------------------------------------------------------------------------- schemas

  private static Map<String, Schema> schemas() {
    Map<String, Schema> s = new LinkedHashMap<>();
    s.put(
        "Problem",
        object(
                req("type", string("always about:blank")),
                req("title", string()),
                req("status", integer()),
                opt("detail", string()),
                opt("errors", array(ref("FieldError"))))
            .description("RFC 9457 problem details"));
    s.put("FieldError", object(req("field", string()), req("message", string()), opt("line", integer()), opt("column", integer())));

    s.put("KeyValue", object(req("key", string()), req("value", nullable(string("null when locked: a secret value is never returned"))), req("locked", bool())));
    s.put(
        "ChannelSubscription",
        oneOf(
            object(req("checkId", string()), req("activated", bool())),
            object(req("groupId", string()), req("activated", bool())),
            object(req("label", string("name=value: alerts whose LABELS hold that pair")), req("activated", bool()))));
    s.put("Channel", object(channel()).description("A webhook channel; secret values are never included, only whether they are set."));
    s.put(
        "SavedChannel",
        object(concat(channel(), opt("generatedWebhookSecret", string("The server-generated whsec_ secret (STANDARD_WEBHOOKS), in this answer only"))))
            .description("A channel as saved; a generated webhook secret is shown in this answer and never again."));
    s.put("ChannelInput", input(List.of("name", "url"), channelInput()));
    s.put("KeyValueInput", input(List.of("key"), List.of(opt("key", string()), opt("value", string("Absent or null on a locked row keeps the stored value")), opt("locked", bool()))));
    s.put(
        "SubscriptionInput",
        input(List.of(), List.of(opt("checkId", string()), opt("groupId", string()), opt("label", string("name=value, e.g. team=payments")), opt("activated", bool()))));
    s.put("AlertmanagerWebhook", anyObject().description("Alertmanager's webhook payload (version 4: status, groupLabels, commonLabels, commonAnnotations,"
        + " externalURL, alerts[] with status, labels, annotations, startsAt, endsAt, generatorURL, fingerprint), or Grafana's (version 1, plus orgId,"
        + " title, state, message and per alert values, dashboardURL, panelURL, silenceURL)"));
    s.put(
        "AcceptedSourceAlerts",
        object(
            req("source", string("alertmanager or grafana: the path it came in on")),
            req("alerts", array(object(
                req("checkId", string("the alert's fingerprint")), req("alertname", string()), req("alertType", string("ALERT_FAILURE or ALERT_RECOVERY")),
                req("eventId", string()), req("deliveries", array(string())), req("ignoredVariables", array(string())))))));

    s.put("AlertVariables", anyObject().description("Event variables by name (ALERT_TYPE, ALERT_TITLE, CHECK_ID, CHECK_NAME, TAGS, ...); names the templates do not know are reported back as ignoredVariables"));
    s.put("AcceptedAlert", object(req("id", string("the event's id")), req("deliveries", array(string())), req("ignoredVariables", array(string()))));

    s.put("CheckResultInput", input(List.of("hasFailures"), checkResultInput()));
    s.put(
        "CheckResultOutcome",
        object(
            req("resultId", string()),
            req("checkId", string()),
            req("transition", enumOf(TransitionCode.values())),
            req("alertState", enumOf(AlertState.values())),
            req("alerts", array(object(req("alertType", string()), req("eventId", string()), req("deliveries", array(string())))))));

    s.put("Check", object(check()));
    s.put("CheckInput", input(List.of("name"), checkInput()));
    s.put("CheckChanges", input(List.of(), checkInput()));
    s.put("Group", object(group()));
    s.put("GroupInput", input(List.of("name"), checkInput()).description("The check fields a group reads: name, tags and the alerting settings"));
    s.put("GroupChanges", input(List.of(), checkInput()).description("The check fields a group reads: name, tags and the alerting settings"));

    s.put("Variable", object(variable(true)));
    s.put("VariableInput", input(List.of("key", "value"), List.of(opt("key", string()), opt("value", string()), opt("locked", bool()))));
    s.put("VariableChanges", input(List.of(), List.of(opt("value", string("required to replace a secret")), opt("locked", bool().description("a secret cannot be unlocked")))));

    s.put("Delivery", object(delivery()));
    s.put("DeliveryListItem", object(concat(delivery(), labels().toArray(Property[]::new))));
    s.put("DeliveryDetail", object(concat(concat(delivery(), labels().toArray(Property[]::new)), req("attempts", array(ref("DeliveryAttempt"))))));
    s.put("DeliveryPage", page(ref("DeliveryListItem")));
    s.put(
        "DeliveryAttempt",
        object(
            req("number", integer()),
            req("startedAt", instant()),
            req("durationMs", integer()),
            req(
                "request",
                object(
                    req("method", nullable(string())),
                    req("url", nullable(string())),
                    req("headers", array(object(req("name", string()), req("value", string("secret values are redacted"))))),
                    req("body", nullable(string())))),
            req(
                "response",
                nullable(
                    object(
                        req("status", integer()),
                        req("headers", anyObject().additionalPropertiesSchema(array(string())).description("header name to its values")),
                        req("body", string())))
                    .description("null when no answer came (see error)")),
            opt("error", object(req("class", enumOf(ErrorClass.values())), req("message", string()))),
            req("nextAttemptAt", nullable(instant()))));

    s.put("PreviewInput", input(List.of(), previewInput()));
    s.put(
        "Preview",
        object(
            req("valid", bool()),
            req("alertType", enumOf(SampleEvents.Kind.values())),
            opt(
                "request",
                object(
                        req("method", string()),
                        req("url", string()),
                        req("headers", array(object(req("name", string()), req("value", string())))),
                        req("body", string()))
                    .description("the request that would be sent; absent when the draft does not render")),
            req("errors", array(ref("FieldError"))),
            req("warnings", array(string()))));

    s.put("ApiToken", object(token()));
    s.put("IssuedApiToken", object(concat(token(), req("token", string("the token's value: shown in this answer only")))));
    s.put("ApiTokenInput", input(List.of("name", "role"), List.of(opt("name", string()), opt("role", lowerCaseEnumOf(ApiToken.Role.values()).description("read in any case")))));

    s.put(
        "AuditPage",
        page(
            object(
                req("at", instant()),
                req("actor", string("a user name, or \"token NAME\"")),
                req("action", string()),
                req("target", nullable(string())),
                req("detail", nullable(string())))));

    s.put(
        "ConfigurationExport",
        object(
            req("version", integer()),
            req("variables", array(ref("ExportedVariable"))),
            req("groups", array(object(concat(without(group(), "id", "created"), req("variables", array(ref("ExportedVariable"))))))),
            req("checks", array(object(concat(exportedCheck(), req("group", nullable(string("the group's name"))))))),
            req("alertChannels", array(object(concat(without(channel(), "id", "type", "created", "updated", "flagged", "flaggedReason", "subscriptions"), req("subscriptions", array(ref("NamedSubscription")))))))));
    s.put("ExportedVariable", object(variable(false)));
    s.put(
        "NamedSubscription",
        oneOf(
            object(req("check", string()), req("checkType", string()), req("activated", bool())),
            object(req("group", string()), req("activated", bool())),
            object(req("label", string()), req("activated", bool()))));
    Schema namedSubscriptionInput =
        input(List.of(), List.of(opt("check", string()), opt("checkType", string()), opt("group", string()), opt("label", string()), opt("activated", bool())));
    Schema importedChannel =
        input(List.of("name", "url"), concat(without(channelInput(), "subscriptions"), opt("subscriptions", array(namedSubscriptionInput))));
    Schema importedGroup = input(List.of("name"), concat(checkInput(), opt("variables", array(ref("VariableInput")))));
    Schema importedCheck = input(List.of("name"), concat(checkInput(), opt("group", string("the group's name"))));
    s.put(
        "ConfigurationImport",
        input(
                List.of(),
                List.of(
                    opt("variables", array(ref("VariableInput"))),
                    opt("groups", array(importedGroup)),
                    opt("checks", array(importedCheck)),
                    opt("alertChannels", array(importedChannel))))
            .description("The export's shape; fields the import does not read (webhookSecretSet, ...) are ignored"));
    s.put(
        "ChecklyExport",
        input(
                List.of(),
                List.of(
                    opt("alertChannels", array(anyObject().description("as GET /v1/alert-channels returns it: type, config {name, url, method, headers, queryParameters, template, webhookSecret, webhookType}, sendRecovery, sendFailure, sendDegraded, sslExpiry, sslExpiryThreshold, autoSubscribe"))),
                    opt("variables", array(anyObject().description("as GET /v1/variables returns it: key, value, locked, secret"))),
                    opt("secretValues", anyObject().additionalPropertiesSchema(string()).description("a value for each ref the dry run lists under secretsNeeded"))))
            .description("The hosted product's export; a {\"data\": [...]} wrapper around either array is accepted"));
    s.put(
        "ChecklyImportReport",
        object(
            req("dryRun", bool()),
            req("created", array(object(req("kind", string()), req("name", string()), req("detail", string()), opt("id", string())))),
            req("skipped", array(object(req("kind", string()), req("name", string()), req("reason", string()), opt("type", string()), opt("errors", array(ref("FieldError")))))),
            req("secretsNeeded", array(object(req("ref", string()), req("kind", string()), req("owner", string()), req("name", string()), req("given", bool()))))));
    s.put(
        "ImportResult",
        object(req("dryRun", bool()), req("changes", array(object(req("kind", string()), req("name", string()), req("action", string()))))));
    return s;
  }

  private static Schema page(Schema item) {
    return object(req("items", array(item)), req("total", integer()), req("page", integer()), req("size", integer()));
  }

  private static List<Property> channel() {
    return List.of(
        req("id", string()),
        req("name", string()),
        req("type", enumOf(List.of("WEBHOOK"))),
        req("url", string()),
        req("method", enumOf(HttpMethod.values())),
        req("headers", array(ref("KeyValue"))),
        req("queryParameters", array(ref("KeyValue"))),
        req("template", string("the body template (Handlebars)")),
        req("webhookSecretSet", bool()),
        req("signatureScheme", enumOf(AlertChannel.SignatureScheme.values())),
        req("activated", bool()),
        req("maxRetries", integer()),
        req("retryDelayMs", integer()),
        req("backoff", enumOf(Backoff.values())),
        req("connectTimeoutMs", integer()),
        req("responseTimeoutMs", integer()),
        req("supersedeOlder", bool()),
        req("sendFailure", bool()),
        req("sendRecovery", bool()),
        req("sendDegraded", bool()),
        req("sslExpiry", bool()),
        req("sslExpiryThreshold", integer()),
        req("autoSubscribe", bool()),
        req("subscriptions", array(ref("ChannelSubscription"))),
        req("flagged", bool()),
        opt("flaggedReason", string("present when flagged: the receiver answered 410 Gone")),
        req("created", instant()),
        req("updated", instant()),
        req("rateLimitPerMinute", nullable(integer())));
  }

  private static List<Property> channelInput() {
    return List.of(
        opt("name", string()),
        opt("url", string()),
        opt("method", enumOf(HttpMethod.values())),
        opt("headers", array(ref("KeyValueInput"))),
        opt("queryParameters", array(ref("KeyValueInput"))),
        opt("template", string()),
        opt("webhookSecret", string("null keeps the stored secret, \"\" removes it")),
        opt("signatureScheme", enumOf(AlertChannel.SignatureScheme.values())),
        opt("activated", bool()),
        opt("maxRetries", integer()),
        opt("retryDelayMs", integer()),
        opt("backoff", enumOf(Backoff.values())),
        opt("connectTimeoutMs", integer()),
        opt("responseTimeoutMs", integer()),
        opt("supersedeOlder", bool()),
        opt("rateLimitPerMinute", integer()),
        opt("rotateWebhookSecret", bool()),
        opt("subscriptions", array(ref("SubscriptionInput"))),
        opt("sendFailure", bool()),
        opt("sendRecovery", bool()),
        opt("sendDegraded", bool()),
        opt("sslExpiry", bool()),
        opt("sslExpiryThreshold", integer()),
        opt("autoSubscribe", bool()));
  }

  private static List<Property> alertingSettings() {
    return List.of(
        req("escalationType", enumOf(Escalation.Type.values())),
        req("failedRunThreshold", integer()),
        req("minutesFailingThreshold", integer()),
        req("reminderAmount", integer()),
        req("reminderIntervalMinutes", integer()));
  }

  private static List<Property> exportedCheck() {
    List<Property> p = new ArrayList<>(List.of(
        req("name", string()),
        req("checkType", string()),
        req("tags", array(string())),
        req("activated", bool()),
        req("muted", bool()),
        req("useGroupSettings", bool()),
        req("description", string())));
    p.addAll(alertingSettings());
    return p;
  }

  private static List<Property> check() {
    List<Property> p = new ArrayList<>(List.of(req("id", string())));
    p.addAll(exportedCheck());
    p.addAll(List.of(
        req("alertState", enumOf(AlertState.values())),
        req("remindersSent", integer()),
        req("created", instant()),
        req("groupId", nullable(string())),
        req("lastResultAt", nullable(instant())),
        req("nextReminderAt", nullable(instant()))));
    return p;
  }

  private static List<Property> group() {
    List<Property> p = new ArrayList<>(List.of(req("id", string()), req("name", string()), req("tags", array(string())), req("created", instant())));
    p.addAll(alertingSettings());
    return p;
  }

  private static List<Property> checkInput() {
    return List.of(
        opt("name", string()),
        opt("checkType", string("API (default), BROWSER, HEARTBEAT, MULTI_STEP, TCP, PLAYWRIGHT, URL, DNS or ICMP")),
        opt("description", string()),
        opt("tags", array(string())),
        opt("groupId", string()),
        opt("activated", bool()),
        opt("muted", bool()),
        opt("useGroupSettings", bool()),
        opt("escalationType", enumOf(Escalation.Type.values())),
        opt("failedRunThreshold", integer()),
        opt("minutesFailingThreshold", integer()),
        opt("reminderAmount", integer()),
        opt("reminderIntervalMinutes", integer()));
  }

  private static List<Property> checkResultInput() {
    return List.of(
        opt("check", input(List.of(), List.of(opt("id", string()), opt("name", string()), opt("checkType", string()), opt("tags", array(string())), opt("groupName", string()))))
            ,
        opt("checkId", string("instead of check.id")),
        opt("hasFailures", bool()),
        opt("isDegraded", bool()),
        opt("responseTime", number().minimum(java.math.BigDecimal.ZERO).description("milliseconds")),
        opt("runLocation", string()),
        opt("region", string()),
        opt("startedAt", instant()),
        opt("errorMessage", string()),
        opt("response", input(List.of(), List.of(opt("statusCode", integer()), opt("statusText", string()), opt("body", string()), opt("url", string())))),
        opt("checkUrl", string()),
        opt("sslCertificate", input(List.of(), List.of(opt("domain", string()), opt("daysRemaining", integer())))),
        opt("aiAnalysis", input(List.of(), aiAnalysis())),
        opt("rootCause", string("or inside aiAnalysis")),
        opt("userImpact", string("or inside aiAnalysis")),
        opt("classification", string("or inside aiAnalysis")),
        opt("codeFix", string("or inside aiAnalysis")),
        opt("link", string("or inside aiAnalysis")),
        opt("resultLink", string()));
  }

  private static List<Property> aiAnalysis() {
    return List.of(opt("rootCause", string()), opt("userImpact", string()), opt("classification", string()), opt("codeFix", string()), opt("link", string()));
  }

  private static List<Property> variable(boolean withUpdated) {
    List<Property> p = new ArrayList<>(List.of(req("key", string()), req("locked", bool()), req("value", nullable(string("null when locked: a secret value is never returned")))));
    if (withUpdated) {
      p.add(req("updated", instant()));
    }
    return p;
  }

  private static List<Property> delivery() {
    return List.of(
        req("id", string()),
        req("eventId", string()),
        req("channelName", string()),
        req("kind", enumOf(DeliveryKind.values())),
        req("status", enumOf(DeliveryStatus.values())),
        req("attemptCount", integer()),
        req("created", instant()),
        req("channelId", nullable(string("null once the channel is deleted"))),
        req("checkId", nullable(string())),
        req("nextAttemptAt", nullable(instant())),
        req("finished", nullable(instant())),
        req("lastResponseStatus", nullable(integer())),
        req("lastError", nullable(string())));
  }

  private static List<Property> labels() {
    return List.of(
        req("alertType", nullable(string("REMINDER for a reminder, else the event's ALERT_TYPE"))),
        req("alertTitle", nullable(string("ALERT_TITLE, else the check's name"))));
  }

  private static List<Property> token() {
    return List.of(req("id", string()), req("name", string()), req("role", lowerCaseEnumOf(ApiToken.Role.values())), req("created", instant()));
  }

  private static List<Property> previewInput() {
    return List.of(
        opt("alertType", enumOf(SampleEvents.Kind.values()).description("default ALERT_FAILURE; also read as ALERT_TYPE")),
        opt("ALERT_TYPE", enumOf(SampleEvents.Kind.values())),
        opt("channelId", string("a saved channel whose stored secrets the preview uses")),
        opt("url", string()),
        opt("method", enumOf(HttpMethod.values())),
        opt("headers", array(ref("KeyValueInput"))),
        opt("queryParameters", array(ref("KeyValueInput"))),
        opt("template", string()),
        opt("webhookSecret", string()),
        opt("signatureScheme", enumOf(AlertChannel.SignatureScheme.values())));
  }
}
