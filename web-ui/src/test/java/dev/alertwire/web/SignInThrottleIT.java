package dev.alertwire.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.File;
import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue #12, findings 8 and 11 on the shipped WAR: console sign-in and API token throttling, an audit that
 * never holds a password typed as a user name, and the smaller points (page overflow, whsec_ drafts, minimum
 * secret length, no-store answers, non-ASCII header values). The throttle lives in this deployment's memory
 * and counts per client address (all of these tests come from loopback), so the tests run in order and the
 * ones that exhaust the address's allowance come last.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignInThrottleIT {
  @Deployment(testable = false)
  static WebArchive app() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/alertwire.war"));
  }

  @ArquillianResource URL base;

  private final String run = Long.toString(System.currentTimeMillis() % 100_000_000L, 36).toUpperCase();

  /** A browser-like client without a browser: keeps the session cookie, follows no redirect. */
  private final class Console {
    final HttpClient http =
        HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();

    /** Opens a console page (the server saves it and sends the login page), then posts the form. */
    HttpResponse<String> signIn(String username, String password) throws Exception {
      HttpResponse<String> page = get("admin/channels.xhtml");
      assertEquals(302, page.statusCode());
      return http.send(
          HttpRequest.newBuilder(URI.create(base + "j_security_check"))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(
                  "j_username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                      + "&j_password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws Exception {
      return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
  }

  private static boolean refusedAsWrong(HttpResponse<String> answer) {
    return answer.statusCode() == 302 && answer.headers().firstValue("location").orElse("").endsWith("/login.xhtml?failed=true");
  }

  private static boolean signedIn(HttpResponse<String> answer) {
    return answer.statusCode() == 302 && answer.headers().firstValue("location").orElse("").endsWith("/admin/channels.xhtml");
  }

  private static long retryAfter(HttpResponse<String> answer) {
    return Long.parseLong(answer.headers().firstValue("retry-after").orElseThrow());
  }

  @Test
  @Order(1)
  void fiveWrongPasswordsThenTheNameWaitsEvenWithTheRightOneAndSignsInAfterTheWindow() throws Exception {
    Console console = new Console();
    assertEquals(200, console.get("login.xhtml").statusCode(), "the login page is compiled before the clock matters");
    for (int i = 1; i <= 4; i++) {
      assertTrue(refusedAsWrong(console.signIn("admin", "wrong-password-" + i)), "attempt " + i + " is an ordinary refusal");
    }
    HttpResponse<String> fifth = console.signIn("admin", "wrong-password-5");
    assertEquals(429, fifth.statusCode(), "the fifth failure in a row starts a wait: " + fifth.headers());
    assertEquals(5, retryAfter(fifth));
    assertTrue(fifth.body().contains("Too many failed sign-ins. Wait 5 seconds, then try again."), fifth.body());
    assertEquals("no-store", fifth.headers().firstValue("cache-control").orElse(null), "the forwarded login page has the console's headers");

    HttpResponse<String> during = console.signIn("admin", ConsoleIT.ADMIN_PASSWORD);
    assertEquals(429, during.statusCode(), "during the wait even the right password is refused, unchecked");
    assertTrue(during.body().contains("Too many failed sign-ins."), during.body());

    // The same answer for a name that is no user: the throttle does not tell which names exist.
    Console other = new Console();
    HttpResponse<String> unknown = null;
    for (int i = 1; i <= 5; i++) {
      unknown = other.signIn("nobody-" + run, "wrong-password-" + i);
    }
    assertEquals(429, unknown.statusCode());
    assertEquals(5, retryAfter(unknown));
    assertTrue(unknown.body().contains("Too many failed sign-ins. Wait 5 seconds, then try again."), unknown.body());

    Thread.sleep(retryAfter(during) * 1000 + 300);
    HttpResponse<String> after = console.signIn("admin", ConsoleIT.ADMIN_PASSWORD);
    assertTrue(signedIn(after), "after the window the right password signs in: " + after.statusCode() + " " + after.headers());
    assertEquals(200, console.get("admin/channels.xhtml").statusCode());
    // The success cleared the name's count: a typo afterwards is an ordinary refusal again.
    assertTrue(refusedAsWrong(new Console().signIn("admin", "one-typo-later")));
  }

  @Test
  @Order(2)
  void theAuditNeverHoldsAPasswordTypedIntoTheUserNameField() throws Exception {
    String typedAsName = "Tr0ub4dor&3-" + run;
    assertTrue(refusedAsWrong(new Console().signIn(typedAsName, "whatever-it-was")));
    Console admin = new Console();
    assertTrue(signedIn(admin.signIn("admin", ConsoleIT.ADMIN_PASSWORD)));
    assertEquals(200, admin.get("admin/channels.xhtml").statusCode(), "the page asked for first completes the sign-in");
    String audit = admin.get("admin/audit.xhtml").body();
    assertTrue(audit.contains("login refused"), audit);
    assertTrue(audit.contains("unknown user"), "a name that is no user is audited as such");
    assertTrue(audit.contains("login throttled"), "the start of a wait is audited");
    assertFalse(audit.contains(typedAsName) || audit.contains("Tr0ub4dor"), "the typed text is not in the audit log");
    assertFalse(audit.contains("nobody-" + run), "nor the unknown name of the first test");
  }

  @Test
  @Order(3)
  void answersThatMayCarryASecretAreNotStored() throws Exception {
    ApiClient api = new ApiClient(base);
    ApiClient.Reply token = api.post("api/v1/api-tokens", "{\"name\": \"no-store-" + run + "\", \"role\": \"viewer\"}");
    assertEquals(201, token.status(), token.body());
    assertEquals("no-store", token.header("cache-control"), "a new API token is shown once and never cached");
    ApiClient.Reply channel =
        api.post("api/v1/alert-channels", "{\"name\": \"Standard " + run + "\", \"url\": \"http://127.0.0.1:9/hook\", \"signatureScheme\": \"STANDARD_WEBHOOKS\"}");
    assertEquals(201, channel.status(), channel.body());
    assertTrue(channel.json().getString("generatedWebhookSecret").startsWith("whsec_"));
    assertEquals("no-store", channel.header("cache-control"));
    for (String path : List.of("api/v1/alert-channels", "api/v1/variables", "api/v1/export")) {
      assertEquals("no-store", api.get(path).header("cache-control"), path);
    }
    assertEquals("no-store", api.as("wrong-but-counted-" + run).get("api/v1/alert-channels").header("cache-control"), "refusals too");
    assertEquals("no-store", new Console().get("login.xhtml").headers().firstValue("cache-control").orElse(null));
  }

  @Test
  @Order(4)
  void aPageBeyondAnyOffsetIsRefusedNamingTheFieldNotA500() throws Exception {
    ApiClient api = new ApiClient(base);
    for (String page : List.of("2147483647", "99999999999", "0", "-1", "x")) {
      ApiClient.Reply reply = api.get("api/v1/deliveries?page=" + page);
      assertEquals(400, reply.status(), page + ": " + reply.body());
      assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
      assertEquals("page", reply.json().getJsonArray("errors").getJsonObject(0).getString("field"), reply.body());
    }
    ApiClient.Reply size = api.get("api/v1/deliveries?size=2147483647");
    assertEquals(400, size.status());
    assertEquals("size", size.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    ApiClient.Reply last = api.get("api/v1/deliveries?page=10000000&size=200");
    assertEquals(200, last.status(), last.body());
    assertEquals(0, last.json().getJsonArray("items").size());
  }

  @Test
  @Order(5)
  void aStandardWebhooksDraftWithANonWhsecSecretIs400NamingTheFieldAndQuotingNoPartOfIt() throws Exception {
    ApiClient api = new ApiClient(base);
    // Not whsec_ at all, and whsec_ with a character base64 refuses (the decoder's message would name it).
    for (String secret : List.of("sk-live-Zq9-Xy_" + run + "-K7pW", "whsec_Zq9-Xy_" + run + "-K7pW")) {
      ApiClient.Reply reply =
          api.post("api/v1/templates/preview",
              "{\"url\": \"http://127.0.0.1:9/hook\", \"template\": \"{}\", \"signatureScheme\": \"STANDARD_WEBHOOKS\", \"webhookSecret\": \"" + secret + "\"}");
      assertEquals(400, reply.status(), secret + ": " + reply.body());
      JsonObject error = reply.json().getJsonArray("errors").getJsonObject(0);
      assertEquals("webhookSecret", error.getString("field"));
      assertTrue(error.getString("message").startsWith("must be whsec_ followed by base64"), error.getString("message"));
      assertNoPartOf(secret.substring(secret.indexOf('_') + 1), reply.body());
    }

    // A saved CHECKLY secret previewed under the other scheme: refused as the field, not a 500 either.
    String stored = "ck-Zq9Xy" + run + "-0123456789";
    ApiClient.Reply saved =
        api.post("api/v1/alert-channels", "{\"name\": \"Checkly " + run + "\", \"url\": \"http://127.0.0.1:9/hook\", \"webhookSecret\": \"" + stored + "\"}");
    assertEquals(201, saved.status(), saved.body());
    ApiClient.Reply switched =
        api.post("api/v1/templates/preview",
            "{\"channelId\": \"" + saved.json().getString("id") + "\", \"url\": \"http://127.0.0.1:9/hook\", \"template\": \"{}\", \"signatureScheme\": \"STANDARD_WEBHOOKS\"}");
    assertTrue(switched.status() < 500, switched.status() + " " + switched.body());
    assertFalse(switched.json().getBoolean("valid"), switched.body());
    assertEquals("webhookSecret", switched.json().getJsonArray("errors").getJsonObject(0).getString("field"), switched.body());
    assertNoPartOf(stored, switched.body());
  }

  @Test
  @Order(6)
  void aChecklySecretNeedsSixteenCharacters() throws Exception {
    ApiClient api = new ApiClient(base);
    ApiClient.Reply reply =
        api.post("api/v1/alert-channels", "{\"name\": \"Short " + run + "\", \"url\": \"http://127.0.0.1:9/hook\", \"webhookSecret\": \"abcd\"}");
    assertEquals(400, reply.status(), reply.body());
    JsonObject error = reply.json().getJsonArray("errors").getJsonObject(0);
    assertEquals("webhookSecret", error.getString("field"));
    assertEquals("must be at least 16 characters", error.getString("message"));
  }

  @Test
  @Order(7)
  void aHeaderValueBeyondAsciiIsRefusedAtSaveAndPreviewWithoutEchoingTheSecret() throws Exception {
    ApiClient api = new ApiClient(base);
    String lockedValue = "Bearer p\u00e4sswort-" + run + "-0123";
    ApiClient.Reply save =
        api.post("api/v1/alert-channels",
            "{\"name\": \"Latin-1 " + run + "\", \"url\": \"http://127.0.0.1:9/hook\", \"headers\": [{\"key\": \"Authorization\", \"value\": \""
                + lockedValue + "\", \"locked\": true}]}");
    assertEquals(400, save.status(), save.body());
    JsonObject error = save.json().getJsonArray("errors").getJsonObject(0);
    assertEquals("headers[0].value", error.getString("field"));
    assertTrue(error.getString("message").contains("outside printable ASCII"), error.getString("message"));
    assertNoPartOf(lockedValue.substring(7), save.body());

    // A secret variable only meets a header when rendered. The preview renders secrets as their {{NAME}}
    // (it never touches a value, issue #12), so it cannot see this; the delivery refuses it before sending,
    // naming the field, and records no part of the value.
    String key = "LATIN1_KEY_" + run;
    // Not built from run: the channel's name holds run, and a six-character run would then be "part of the
    // secret" in every answer that names the channel (the test failed so for 17 hours of each 28).
    String value = "schl\u00fcssel-geheim-0123";
    assertEquals(201, api.post("api/v1/variables", "{\"key\": \"" + key + "\", \"value\": \"" + value + "\", \"locked\": true}").status());
    try (LoopbackReceiver receiver = new LoopbackReceiver()) {
      String check = api.post("api/v1/checks", "{\"name\": \"Latin-1 " + run + "\", \"checkType\": \"API\"}").json().getString("id");
      ApiClient.Reply channel =
          api.post("api/v1/alert-channels",
              "{\"name\": \"Latin-1 var " + run + "\", \"url\": \"" + receiver.url("/latin1") + "\", \"template\": \"{}\", "
                  + "\"headers\": [{\"key\": \"X-Key\", \"value\": \"{{" + key + "}}\"}], \"maxRetries\": 0, "
                  + "\"subscriptions\": [{\"checkId\": \"" + check + "\"}]}");
      assertEquals(201, channel.status(), channel.body());
      String delivery = Deliveries.deliveryFor(api, Deliveries.alert(api, "ALERT_FAILURE", check), channel.json().getString("id"));
      JsonObject failed = Deliveries.awaitStatus(api, delivery, "FAILED");
      assertTrue(failed.toString().contains("headers[0].value"), failed.toString());
      assertNoPartOf(value, failed.toString());
      assertTrue(receiver.received().isEmpty(), "nothing was sent");
      api.delete("api/v1/alert-channels/" + channel.json().getString("id"));
    }
    api.delete("api/v1/variables/" + key);
  }

  @Test
  @Order(8)
  void wrongApiTokensFromOneAddressAreThrottled() throws Exception {
    ApiClient api = new ApiClient(base);
    ApiClient.Reply answer = null;
    int attempts = 0;
    // Order 3 sent one wrong token already; the 20th from this address starts a wait.
    while (attempts < 25) {
      answer = api.as("aw_wrong-token-" + run + "-" + attempts).get("api/v1/alert-channels");
      attempts++;
      if (answer.status() != 401) {
        break;
      }
    }
    assertEquals(429, answer.status(), "after " + attempts + " wrong tokens: " + answer.body());
    assertEquals(19, attempts, "19 here plus 1 earlier: the 20th wrong token from the address");
    assertTrue(answer.contentType().startsWith("application/problem+json"));
    assertEquals("5", answer.header("retry-after"));
    assertEquals(429, api.get("api/v1/alert-channels").status(), "during the wait even the right token is not looked at");
    assertEquals(401, api.as(null).get("api/v1/alert-channels").status(), "no token is no guess: answered as before");
    Thread.sleep(5300);
    assertEquals(200, api.get("api/v1/alert-channels").status(), "after the window the right token works");
  }

  @Test
  @Order(9)
  void sprayingUserNamesFromOneAddressSlowsTheAddressDown() throws Exception {
    HttpResponse<String> answer = null;
    int names = 0;
    while (names < 25) {
      answer = new Console().signIn("spray-" + run + "-" + names, "wrong-password");
      names++;
      if (answer.statusCode() == 429) {
        break;
      }
      assertTrue(refusedAsWrong(answer), "name " + names + ": " + answer.statusCode());
    }
    assertEquals(429, answer.statusCode(), "a name never tried before is throttled: the address has had 20 failures");
    assertTrue(names < 20, "earlier tests' failures from this address count too: " + names);
    HttpResponse<String> admin = new Console().signIn("admin", ConsoleIT.ADMIN_PASSWORD);
    assertEquals(429, admin.statusCode(), "any name from that address waits");
    Thread.sleep(retryAfter(admin) * 1000 + 300);
    assertTrue(signedIn(new Console().signIn("admin", ConsoleIT.ADMIN_PASSWORD)), "after the window the right password signs in");
  }

  /** No run of 6 characters of the secret appears in the text. */
  private static void assertNoPartOf(String secret, String text) {
    for (int i = 0; i + 6 <= secret.length(); i++) {
      String part = secret.substring(i, i + 6);
      assertFalse(text.contains(part), "the answer contains \"" + part + "\" of the secret: " + text);
    }
    assertNotNull(text);
  }
}
