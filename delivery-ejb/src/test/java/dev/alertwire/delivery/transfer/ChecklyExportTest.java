package dev.alertwire.delivery.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.alertwire.delivery.channel.ChannelInput;
import dev.alertwire.delivery.transfer.ChecklyExport.Channel;
import dev.alertwire.delivery.transfer.ChecklyExport.Hidden;
import dev.alertwire.domain.channel.KeyValue;
import dev.alertwire.domain.validation.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The mapping from the hosted product's export (the fixture in src/test/resources/checkly) to Alertwire's input. */
class ChecklyExportTest {
  static String fixture() throws IOException {
    return "{\"alertChannels\": " + resource("alert-channels.json") + ", \"variables\": " + resource("variables.json") + "}";
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = ChecklyExportTest.class.getResourceAsStream("/checkly/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void aWebhookChannelKeepsItsRequestAndHidesWhatTheExportMasked() throws IOException {
    ChecklyExport.Document doc = ChecklyExport.read(fixture());
    assertEquals(5, doc.channels().size());
    Channel ops = doc.channels().get(0);
    assertTrue(ops.webhook());
    assertEquals("Ops webhook", ops.name());
    ChannelInput in = ops.draft();
    assertEquals("http://127.0.0.1:9/hooks/ops", in.url());
    assertEquals("POST", in.method());
    assertEquals(List.of(KeyValue.plain("Content-Type", "application/json"), new KeyValue("Authorization", "Bearer ops-token-5b1c9e", true)), in.headers());
    assertEquals(List.of(KeyValue.plain("source", "checkly"), new KeyValue("token", "", true)), in.queryParameters());
    assertTrue(in.template().startsWith("{\n  \"title\": \"{{ALERT_TITLE}}\""));
    assertNull(in.webhookSecret(), "a masked secret is never taken as the secret");
    assertEquals(
        List.of(
            new Hidden("alertChannels.Ops webhook.queryParameters.token", "query parameter", "Ops webhook", "token", "queryParameters[1].value"),
            new Hidden("alertChannels.Ops webhook.webhookSecret", "webhook secret", "Ops webhook", "webhookSecret", "webhookSecret")),
        ops.hidden());
    assertEquals(1, ops.subscriptions());
    assertNull(in.subscriptions(), "the hosted product's subscriptions name its own checks: not imported");
    assertEquals(new ChannelInput.AlertSettingsInput(true, true, false, false, 30, false), in.alertSettings());

    ChannelInput filled = ops.filled(h -> "given-" + h.name() + "-0123456789");
    assertEquals("given-webhookSecret-0123456789", filled.webhookSecret());
    assertEquals(new KeyValue("token", "given-token-0123456789", true), filled.queryParameters().get(1));
    assertEquals(in.headers(), filled.headers());
  }

  @Test
  void whatTheExportDoesNotSayStaysNullForAlertwiresDefaults() {
    Channel c = ChecklyExport.read(
        "{\"alertChannels\":[{\"id\":7,\"type\":\"webhook\",\"config\":{\"name\":\"bare\",\"url\":\"http://127.0.0.1:9/\"}}]}").channels().get(0);
    ChannelInput in = c.draft();
    assertNull(in.method());
    assertNull(in.template());
    assertNull(in.signatureScheme());
    assertNull(in.activated());
    assertNull(in.maxRetries());
    assertNull(in.supersedeOlder());
    assertEquals(new ChannelInput.AlertSettingsInput(null, null, null, null, null, null), in.alertSettings());
    assertEquals(List.of(), in.headers());
    assertEquals(List.of(), c.hidden());
  }

  @Test
  void otherTypesAreReadButNotMapped() throws IOException {
    ChecklyExport.Document doc = ChecklyExport.read(fixture());
    Channel email = doc.channels().get(3);
    assertEquals("EMAIL", email.type());
    assertFalse(email.webhook());
    assertEquals("email channel 1004", email.name());
    assertEquals("SLACK", doc.channels().get(4).type());
    assertEquals("WEBHOOK_MSTEAMS", doc.channels().get(1).webhookType());
    assertNull(doc.channels().get(1).draft().webhookSecret(), "an empty webhookSecret is no secret");
  }

  @Test
  void secretAndLockedVariablesBecomeSecretsAndAHiddenValueNeedsOne() throws IOException {
    List<ChecklyExport.Variable> vars = ChecklyExport.read(fixture()).variables();
    assertEquals(new ChecklyExport.Variable(0, "OPS_TEAM", "payments", false, null), vars.get(0));
    assertEquals(
        new ChecklyExport.Variable(1, "PAGER_API_KEY", null, true, new Hidden("variables.PAGER_API_KEY", "variable", "environment", "PAGER_API_KEY", "value")),
        vars.get(1));
    assertEquals(new ChecklyExport.Variable(2, "STATUS_PAGE_URL", "https://status.example.com", true, null), vars.get(2));
    ChecklyExport.Variable masked = ChecklyExport.read("{\"variables\":[{\"key\":\"K\",\"value\":\"***masked***\",\"locked\":true}]}").variables().get(0);
    assertEquals("variables.K", masked.hidden().ref());
  }

  @Test
  void maskedValuesAreRecognised() {
    assertTrue(ChecklyExport.masked("***masked***"));
    assertTrue(ChecklyExport.masked("Token token=***masked***"));
    assertTrue(ChecklyExport.masked("********"));
    assertFalse(ChecklyExport.masked("**"));
    assertFalse(ChecklyExport.masked("secret"));
    assertFalse(ChecklyExport.masked(null));
  }

  @Test
  void theListWrappedInDataIsReadToo() {
    ChecklyExport.Document doc = ChecklyExport.read(
        "{\"alertChannels\":{\"data\":[{\"type\":\"SMS\",\"name\":\"pager\",\"config\":{\"number\":\"+1\"}}],\"meta\":{}},"
            + "\"variables\":{\"data\":[{\"key\":\"A\",\"value\":\"b\"}]}, \"secretValues\": {\"variables.X\": \"v\"}}");
    assertEquals("pager", doc.channels().get(0).name());
    assertEquals("A", doc.variables().get(0).key());
    assertEquals(Map.of("variables.X", "v"), doc.secretValues());
  }

  @Test
  void aWrongShapeIsRefusedNamingTheFieldFromTheRoot() {
    assertEquals("alertChannels[1].config.url", field("{\"alertChannels\":[{\"type\":\"EMAIL\"},{\"type\":\"WEBHOOK\",\"config\":{\"name\":\"x\"}}]}"));
    assertEquals("alertChannels[0].config.headers", field("{\"alertChannels\":[{\"type\":\"WEBHOOK\",\"config\":{\"name\":\"x\",\"url\":\"http://127.0.0.1:9\",\"headers\":\"a\"}}]}"));
    assertEquals("alertChannels[0].config.headers[0].locked",
        field("{\"alertChannels\":[{\"type\":\"WEBHOOK\",\"config\":{\"name\":\"x\",\"url\":\"http://127.0.0.1:9\",\"headers\":[{\"key\":\"a\",\"locked\":\"yes\"}]}}]}"));
    assertEquals("alertChannels[0].type", field("{\"alertChannels\":[{\"config\":{}}]}"));
    assertEquals("alertChannels[0].config", field("{\"alertChannels\":[{\"type\":\"WEBHOOK\"}]}"));
    assertEquals("alertChannels[0].sslExpiryThreshold",
        field("{\"alertChannels\":[{\"type\":\"WEBHOOK\",\"sslExpiryThreshold\":\"30\",\"config\":{\"name\":\"x\",\"url\":\"http://127.0.0.1:9\"}}]}"));
    assertEquals("variables[0].key", field("{\"variables\":[{\"value\":\"x\"}]}"));
    assertEquals("variables[0].secret", field("{\"variables\":[{\"key\":\"A\",\"secret\":1}]}"));
    assertEquals("alertChannels", field("{\"alertChannels\":[1]}"));
    assertEquals("body", field("{\"checks\":[]}"));
    assertEquals("body", field("[1]"));
    assertEquals("secretValues.x", field("{\"variables\":[],\"secretValues\":{\"x\":1}}"));
  }

  private static String field(String json) {
    return assertThrows(InvalidInputException.class, () -> ChecklyExport.read(json)).errors().get(0).field();
  }
}
