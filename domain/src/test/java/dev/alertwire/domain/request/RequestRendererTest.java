package dev.alertwire.domain.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.alertwire.domain.channel.HttpMethod;
import dev.alertwire.domain.channel.KeyValue;
import dev.alertwire.domain.channel.WebhookTemplate;
import dev.alertwire.domain.template.TemplateEngine;
import dev.alertwire.domain.validation.FieldError;
import dev.alertwire.domain.validation.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestRendererTest {
  private final RequestRenderer renderer = new RequestRenderer(new TemplateEngine());

  private OutgoingRequest render(WebhookTemplate t, Map<String, Object> context) {
    return renderer.render(t, context);
  }

  @Test
  void rendersEveryPartWithTheSameContext() {
    var t =
        new WebhookTemplate(
            "{{BASE}}/rest/api/3/issue",
            HttpMethod.POST,
            List.of(KeyValue.plain("X-Check", "{{CHECK_NAME}}")),
            List.of(KeyValue.plain("name", "{{CHECK_NAME}}")),
            "{\"summary\":\"{{CHECK_NAME}}\"}");
    OutgoingRequest r = render(t, Map.of("BASE", "https://jira.example.com", "CHECK_NAME", "Home page"));
    assertEquals("https://jira.example.com/rest/api/3/issue?name=Home%20page", r.uri().toString());
    assertEquals("Home page", r.header("X-Check").orElseThrow());
    assertEquals("{\"summary\":\"Home page\"}", r.body());
    assertEquals("application/json", r.header("Content-Type").orElseThrow());
  }

  @Test
  void encodesIllegalCharactersWithoutDoubleEncoding() {
    var t = new WebhookTemplate("https://api.trello.com/1/cards?idList=5b&name={{{CHECK_NAME}}}&already=a%20b", HttpMethod.POST, null, null, "");
    OutgoingRequest r = render(t, Map.of("CHECK_NAME", "Prüfung läuft"));
    assertEquals("https://api.trello.com/1/cards?idList=5b&name=Pr%C3%BCfung%20l%C3%A4uft&already=a%20b", r.uri().toString());
  }

  @Test
  void appendsQueryParametersToAnExistingQuery() {
    var t = new WebhookTemplate("https://x.example/p?a=1", HttpMethod.GET, null, List.of(KeyValue.plain("b", "x&y=z")), "");
    assertEquals("https://x.example/p?a=1&b=x%26y%3Dz", render(t, Map.of()).uri().toString());
  }

  @Test
  void urlCredentialsBecomeBasicAuthAndLeaveTheUrl() {
    var t = new WebhookTemplate("https://{{OPSGENIE_API_KEY}}@api.opsgenie.com/v2/alerts", HttpMethod.POST, null, null, "{}");
    OutgoingRequest r = render(t, Map.of("OPSGENIE_API_KEY", "abc-123"));
    assertEquals("https://api.opsgenie.com/v2/alerts", r.uri().toString());
    String expected = "Basic " + Base64.getEncoder().encodeToString("abc-123:".getBytes(StandardCharsets.UTF_8));
    assertEquals(expected, r.header("Authorization").orElseThrow());
  }

  @Test
  void getAndHeadSendNoBody() {
    var t = new WebhookTemplate("https://x.example/", HttpMethod.GET, null, null, "{\"a\":1}");
    OutgoingRequest r = render(t, Map.of());
    assertEquals("", r.body());
    assertTrue(r.header("Content-Type").isEmpty());
  }

  @Test
  void explicitContentTypeWins() {
    var t = new WebhookTemplate("https://x.example/", HttpMethod.PUT, List.of(KeyValue.plain("content-type", "text/plain")), null, "hi");
    OutgoingRequest r = render(t, Map.of());
    assertEquals(1, r.headers().stream().filter(h -> h.name().equalsIgnoreCase("content-type")).count());
  }

  @Test
  void headerWithLineBreakFromAVariableIsRefused() {
    var t = new WebhookTemplate("https://x.example/", HttpMethod.POST, List.of(KeyValue.plain("X-Name", "{{{NAME}}}")), null, "");
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> render(t, Map.of("NAME", "a\r\nX-Evil: 1")));
    assertEquals("headers[0].value", e.errors().get(0).field());
  }

  @Test
  void aHeaderNameWithALineBreakIsRefusedWhenTheChannelIsSaved() {
    var t = new WebhookTemplate("https://x.example/", HttpMethod.POST,
        List.of(KeyValue.plain("X-Ok", "1"), KeyValue.plain("X-A\r\nX-Injected", "1")), null, "");
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> renderer.validate(t));
    assertEquals("headers[1].key", e.errors().get(0).field());
    assertTrue(e.errors().get(0).message().contains("X-A\\u000d\\u000aX-Injected"), e.errors().get(0).message());
    var restricted = new WebhookTemplate("https://x.example/", HttpMethod.POST, List.of(KeyValue.plain("Host", "a")), null, "");
    assertEquals("headers[0].key", assertThrows(InvalidInputException.class, () -> renderer.validate(restricted)).errors().get(0).field());
  }

  @Test
  void aHeaderValueBeyondAsciiIsRefusedBeforeSendingWithoutNamingTheCharacter() {
    var t = new WebhookTemplate("https://x.example/", HttpMethod.POST, List.of(KeyValue.plain("X-Title", "{{T}}")), null, "");
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> render(t, Map.of("T", "Störung ✓ 🚨")));
    assertEquals("headers[0].value", e.errors().get(0).field());
    assertTrue(e.errors().get(0).message().contains("outside printable ASCII"), e.errors().get(0).message());
    assertFalse(e.errors().get(0).message().contains("U+2713"), "the character may be part of a secret");
    // ISO-8859-1 too: the JDK client writes header values as US-ASCII and would send "St?rung".
    for (String latin1 : List.of("Störung", "p\u00e4ss-\u00ff", "\u0080")) {
      InvalidInputException refused = assertThrows(InvalidInputException.class, () -> render(t, Map.of("T", latin1)), latin1);
      assertFalse(refused.getMessage().contains(latin1) || refused.getMessage().contains("ö"), refused.getMessage());
    }
    assertEquals("Stoerung\tok ~", render(t, Map.of("T", "Stoerung\tok ~")).header("X-Title").orElseThrow());
  }

  @Test
  void aLiteralHeaderValueBeyondAsciiIsRefusedWhenTheChannelIsSaved() {
    var t = new WebhookTemplate("https://x.example/", HttpMethod.POST,
        List.of(KeyValue.plain("X-Ok", "{{T}}"), new KeyValue("Authorization", "Bearer s\u00e9cret-token-value", true)), null, "");
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> renderer.validate(t));
    assertEquals(1, e.errors().size(), e.getMessage());
    assertEquals("headers[1].value", e.errors().get(0).field());
    assertFalse(e.getMessage().contains("cret"), e.getMessage());
  }

  @Test
  void urlWithoutHostOrWithBadSchemeIsRefused() {
    for (String url : List.of("{{BASE}}/path", "ftp://x.example/", "https:///nohost")) {
      var t = new WebhookTemplate(url, HttpMethod.POST, null, null, "");
      InvalidInputException e = assertThrows(InvalidInputException.class, () -> render(t, Map.of()), url);
      assertEquals("url", e.errors().get(0).field(), url);
    }
  }

  @Test
  void templateErrorsAreReportedPerFieldWithPosition() {
    var t = new WebhookTemplate("https://x.example/{{#if", HttpMethod.POST, null, null, "{\n  \"a\": {{#each X}}\n}");
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> renderer.validate(t));
    List<String> fields = e.errors().stream().map(FieldError::field).toList();
    assertEquals(List.of("url", "template"), fields);
    FieldError body = e.errors().get(1);
    assertTrue(body.line() >= 2, "line of the body error: " + body);
    assertFalse(body.message().isBlank());
  }

  @Test
  void aSecretWithSlashOrEqualsInTheUserInfoCannotSplitTheUrl() {
    // {{...}} HTML-escapes '=' to &#x3D;, whose '#' would start a fragment, and '/' would end the authority:
    // rendered whole, the request went to host "sekret-123" with the rest of the secret in its path.
    var t = new WebhookTemplate("http://{{SECRET}}@127.0.0.1:9/hook", HttpMethod.POST, null,
        List.of(KeyValue.plain("name", "x")), "");
    OutgoingRequest r = render(t, Map.of("SECRET", "sekret-123/+="));
    assertEquals("127.0.0.1", r.uri().getHost());
    assertEquals("/hook", r.uri().getPath());
    assertEquals("name=x", r.uri().getRawQuery());
    assertFalse(r.uri().toString().contains("sekret"), r.uri().toString());
    String basic = r.header("Authorization").orElseThrow();
    assertEquals("sekret-123/+&#x3D;:",
        new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8));
    var raw = new WebhookTemplate("https://{{{USER}}}:{{{KEY}}}@127.0.0.1/v2/alerts", HttpMethod.POST, null, null, "");
    OutgoingRequest r2 = render(raw, Map.of("USER", "u@x", "KEY", "k/?#=1"));
    assertEquals("127.0.0.1", r2.uri().getHost());
    assertEquals("u@x:k/?#=1",
        new String(Base64.getDecoder().decode(r2.header("Authorization").orElseThrow().substring(6)), StandardCharsets.UTF_8));
  }

  @Test
  void userInfoIsFoundOutsideMustachesOnly() {
    assertEquals(null, RequestRenderer.userInfoSpan("{{BASE}}/path"));
    assertEquals(null, RequestRenderer.userInfoSpan("https://host/a@b"));
    String url = "https://{{U}}:{{#if X}}{{A}}{{else}}{{{B}}}{{/if}}@host/p@q";
    int[] span = RequestRenderer.userInfoSpan(url);
    assertEquals("{{U}}:{{#if X}}{{A}}{{else}}{{{B}}}{{/if}}", url.substring(span[0], span[1]));
  }

  @Test
  void rowAndSizeLimitsHoldOnEveryRenderingNotOnlyOnSave() {
    List<KeyValue> many = java.util.stream.IntStream.range(0, RequestRenderer.MAX_ROWS + 1)
        .mapToObj(i -> KeyValue.plain("X-" + i, "v")).toList();
    InvalidInputException rows = assertThrows(InvalidInputException.class,
        () -> render(new WebhookTemplate("http://127.0.0.1/", HttpMethod.POST, many, null, ""), Map.of()));
    assertEquals("headers", rows.errors().get(0).field());
    InvalidInputException body = assertThrows(InvalidInputException.class,
        () -> render(new WebhookTemplate("http://127.0.0.1/", HttpMethod.POST, null, null, "x".repeat(RequestRenderer.MAX_BODY + 1)), Map.of()));
    assertEquals("template", body.errors().get(0).field());
    assertTrue(body.errors().get(0).message().contains("512 KiB"));
  }

  @Test
  void theWholeRequestSharesOneRenderBudget() {
    // Each header alone renders well within the budget; 100 of them together do not.
    String heavy = "{{#each L}}{{#each @root.L}}.{{/each}}{{/each}}";
    List<Object> list = java.util.Collections.nCopies(200, "a");
    List<KeyValue> headers = java.util.stream.IntStream.range(0, 100).mapToObj(i -> KeyValue.plain("X-" + i, heavy)).toList();
    render(new WebhookTemplate("http://127.0.0.1/", HttpMethod.POST, headers.subList(0, 1), null, ""), Map.of("L", list));
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> render(new WebhookTemplate("http://127.0.0.1/", HttpMethod.POST, headers, null, ""), Map.of("L", list)));
    assertTrue(e.getMessage().contains("rendering steps") || e.getMessage().contains("MiB"), e.getMessage());
  }

  @Test
  void renderErrorsFindWhatCompilingCannot() {
    var t = new WebhookTemplate("http://127.0.0.1/{{#if}}x{{/if}}", HttpMethod.POST,
        List.of(KeyValue.plain("X-A", "{{nosuchhelper 1 2}}")), null, "{\n  \"a\": \"{{#if}}x{{/if}}\"\n}");
    renderer.validate(t); // compiles: the reference fails these only when it renders
    List<FieldError> errors = renderer.renderErrors(t, Map.of());
    assertEquals(List.of("url", "headers[0].value", "template"), errors.stream().map(FieldError::field).toList(), errors.toString());
    FieldError body = errors.get(2);
    assertEquals(2, body.line(), body.toString());
    assertTrue(body.column() > 1, body.toString());
    assertEquals(List.of(), renderer.renderErrors(new WebhookTemplate("{{BASE}}/x", HttpMethod.POST, null, null, "{{#if A}}a{{/if}}"), Map.of()),
        "an empty URL is not a template error: BASE may be defined later");
  }

  @Test
  void urlErrorsSayWhatIsWrongInPlainWords() {
    String[][] cases = {
      {"ht tp://127.0.0.1/", "must start with http:// or https://"},
      {"http://", "no host"},
      {"http://my_host.local/", "\"_\""},
      {"http://127.0.0.1:99999999999/", "port"},
    };
    for (String[] c : cases) {
      InvalidInputException e = assertThrows(InvalidInputException.class,
          () -> render(new WebhookTemplate(c[0], HttpMethod.POST, null, null, ""), Map.of()), c[0]);
      String message = e.errors().get(0).message();
      assertTrue(message.contains(c[1]), c[0] + " -> " + message);
      assertFalse(message.contains("Illegal character") || message.contains("Expected authority"), message);
    }
  }
}
