package dev.alertwire.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The admin console in a real browser against the shipped WAR on Payara Micro: sign-in, a channel from a
 * preset with live preview and a test-send to a loopback receiver, the history, secrets that never reach
 * the browser, and a viewer who can change nothing. Screenshots of each page go to target/screenshots.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleIT {
  /** Set for the server in arquillian.xml (alertwire.admin.password): the first admin's password. */
  static final String ADMIN_PASSWORD = "it-admin-password-4d7f";

  @Deployment(testable = false)
  static WebArchive app() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/alertwire.war"));
  }

  @ArquillianResource URL base;

  /** Names are unique per run: the IT database (target/it-data) lives until mvn clean. */
  private final String run = Long.toString(System.currentTimeMillis() % 100_000_000L, 36).toUpperCase();

  @Test
  void signInGuardsTheConsoleButNotTheApiAndTheSessionCookieIsStrict() throws Exception {
    try (ConsoleBrowser browser = new ConsoleBrowser(base)) {
      browser.signIn("admin", "not-the-password");
      browser.waitFor(By.id("loginError"));
      browser.screenshot("login-failed");
      assertFalse(browser.driver.getPageSource().contains("not-the-password"));

      browser.signIn("admin", ADMIN_PASSWORD);
      browser.waitFor(By.id("channels:table"));
      assertTrue(browser.driver.findElement(By.cssSelector(".topbar .who")).getText().contains("admin"));
      assertEquals("Strict", browser.cookieSameSite("JSESSIONID"));
      assertTrue(browser.driver.manage().getCookieNamed("JSESSIONID").isHttpOnly());
      browser.screenshot("channels");

      browser.byId("session:logout").click();
      browser.waitFor(By.id("j_username"));
      browser.open("admin/variables.xhtml");
      browser.waitFor(By.id("j_username"));
    }
    HttpClient http = HttpClient.newHttpClient();
    // The API answers for itself with bearer tokens: a 401 problem, never the console's login page.
    HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(base + "api/v1/alert-channels")).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(401, anonymous.statusCode(), anonymous.body());
    assertTrue(anonymous.headers().firstValue("content-type").orElse("").startsWith("application/problem+json"), anonymous.headers().toString());
    HttpResponse<String> api =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "api/v1/alert-channels")).header("Authorization", "Bearer " + ApiClient.ADMIN_TOKEN).build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, api.statusCode(), "the REST API is not behind the console's form login");
    HttpResponse<String> console = http.send(HttpRequest.newBuilder(URI.create(base + "admin/channels.xhtml")).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(302, console.statusCode());
    assertTrue(console.headers().firstValue("location").orElse("").endsWith("/login.xhtml"));
    HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "login.xhtml")).build(), HttpResponse.BodyHandlers.ofString());
    // One policy, scripts by nonce only (there were two, one with 'unsafe-inline' for scripts).
    List<String> policies = login.headers().allValues("content-security-policy");
    assertEquals(1, policies.size(), policies.toString());
    String policy = policies.get(0);
    assertTrue(policy.contains("frame-ancestors 'none'"), policy);
    String scripts = policy.substring(policy.indexOf("script-src"));
    assertTrue(scripts.contains("'nonce-") && !scripts.contains("unsafe-inline"), policy);
    assertEquals("nosniff", login.headers().firstValue("x-content-type-options").orElse(null));
  }

  @Test
  void channelFromPresetPreviewsLiveTestSendsAndShowsInTheHistory() throws Exception {
    ApiClient api = new ApiClient(base);
    String checkName = "Console check " + run;
    String checkId = api.post("api/v1/checks", "{\"name\":\"" + checkName + "\",\"checkType\":\"API\"}").json().getString("id");
    try (ConsoleBrowser browser = new ConsoleBrowser(base);
        LoopbackReceiver receiver = new LoopbackReceiver()) {
      browser.signIn("admin", ADMIN_PASSWORD);
      browser.waitFor(By.id("newChannel")).click();
      browser.waitFor(ConsoleBrowser.editor("editor:body"));

      browser.choose("editor:preset", "OpsGenie");
      browser.byId("editor:applyPreset").click();
      browser.ajaxDone();
      browser.waitForText(By.id("previewBody"), "\"priority\": \"P1\"");
      assertEquals("OpsGenie", browser.byId("editor:name").getAttribute("value"));
      assertTrue(browser.byId("editor:previewWarnings").getText().contains("OPSGENIE_API_KEY is not defined"),
          "the preset's key is not defined yet, and the preview says so: " + browser.byId("editor:previewWarnings").getText());
      assertTrue(browser.byId("editor:preview").getText().contains("https://api.opsgenie.com/v2/alerts"));
      assertTrue(browser.byId("editor:preview").getText().contains("Check &quot;Checkout API&quot; has failed"), "the sample alert renders");

      WebElement name = browser.byId("editor:name");
      name.clear();
      name.sendKeys("On-call loopback " + run);
      WebElement url = browser.byId("editor:url");
      url.clear();
      url.sendKeys(receiver.url("/hook"));
      browser.waitForText(By.id("editor:previewUrl"), receiver.url("/hook"));

      // The body is a code editor with Handlebars highlighting: tags get their own token style.
      browser.clearEditor("editor:body");
      browser.typeInEditor("editor:body", "{\"text\": \"hello from the console\"}");
      browser.waitForText(By.id("previewBody"), "{\"text\": \"hello from the console\"}");
      browser.screenshotHere("channel-editor-preview");

      browser.clearEditor("editor:body");
      browser.typeInEditor("editor:body", "{\"check\": \"");
      browser.driver.findElement(By.cssSelector("button.insert-var[data-name='CHECK_NAME']")).click();
      browser.typeInEditor("editor:body", "\", \"type\": \"{{ALERT_TYPE}}\"}");
      browser.waitForText(By.id("previewBody"), "{\"check\": \"Checkout API\", \"type\": \"ALERT_FAILURE\"}");
      assertEquals("{\"check\": \"{{CHECK_NAME}}\", \"type\": \"{{ALERT_TYPE}}\"}", browser.editorValue("editor:body"));
      List<String> tagTokens =
          browser.editorOf("editor:body").findElements(By.cssSelector(".cm-tag, .cm-variable, .cm-variable-2")).stream()
              .map(WebElement::getText).toList();
      assertTrue(tagTokens.contains("{{") && tagTokens.contains("CHECK_NAME"), "Handlebars tokens are highlighted: " + tagTokens);
      assertFalse(browser.editorOf("editor:body").findElements(By.cssSelector(".cm-string")).isEmpty(), "the JSON around them is too");

      // Ctrl+Space lists the variables that start with the word at the cursor.
      browser.clearEditor("editor:body");
      browser.typeInEditor("editor:body", "{\"when\": \"{{ALERT_T");
      browser.pressInEditor("editor:body", Keys.CONTROL, Keys.SPACE);
      browser.waitForText(By.cssSelector(".CodeMirror-hints"), "ALERT_TITLE");
      assertTrue(browser.driver.findElement(By.cssSelector(".CodeMirror-hints")).getText().contains("ALERT_TYPE"));
      browser.typeInEditor("editor:body", Keys.ESCAPE);

      browser.clearEditor("editor:body");
      browser.typeInEditor("editor:body", "{\"check\": \"{{#if CHECK_NAME}}\"}");
      // Read through a wait: the live preview's ajax update may replace the element between a find and a read.
      browser.waitForText(By.id("editor:previewErrors"), "line 1");
      browser.waitFor(By.cssSelector(".CodeMirror .template-error-line"));
      browser.clearEditor("editor:body");
      browser.typeInEditor("editor:body", "{\"check\": \"{{CHECK_NAME}}\", \"recovered\": {{#eq ALERT_TYPE 'ALERT_RECOVERY'}}true{{else}}false{{/eq}} }");
      browser.waitForText(By.id("previewBody"), "\"recovered\": false");

      browser.choose("editor:sampleKind", "recovery");
      browser.waitForText(By.id("previewBody"), "\"recovered\": true");

      browser.click("editor:sendTest");
      browser.waitFor(By.id("editor:testStatus"));
      assertEquals("HTTP 200", browser.byId("editor:testStatus").getText());
      assertEquals("{\"received\":1}", browser.byId("testResponseBody").getText());
      LoopbackReceiver.Received sent = receiver.await(1, Duration.ofSeconds(10)).get(0);
      assertEquals("{\"check\": \"Checkout API\", \"recovered\": true }", sent.bodyText(), "the unsaved draft was sent as on screen");
      assertEquals("/hook", sent.path());
      String deliveryId = sent.header("x-alertwire-delivery-id");
      assertNotNull(deliveryId);
      browser.screenshotHere("channel-editor-test-send");

      // Alert settings and a subscription, by mouse: degraded alerts on, only this check.
      browser.byId("editor:sendDegraded").findElement(By.cssSelector(".ui-chkbox-box")).click();
      browser.tick("editor:subscribedChecks", checkName);
      browser.screenshotHere("channel-editor-subscriptions");

      browser.click("editor:save");
      browser.waitForText(By.id("messages"), "Saved \"On-call loopback " + run + "\"");
      assertTrue(browser.driver.getCurrentUrl().contains("id="), "post-redirect-get to the saved channel");
      assertEquals(1, receiver.received().size(), "saving sends nothing");
      String savedId = browser.driver.getCurrentUrl().replaceAll(".*[?&]id=([^&]+).*", "$1");
      jakarta.json.JsonObject saved = api.get("api/v1/alert-channels/" + savedId).json();
      assertTrue(saved.getBoolean("sendDegraded"), saved.toString());
      assertEquals(checkId, saved.getJsonArray("subscriptions").getJsonObject(0).getString("checkId"), saved.toString());

      // A real alert of the check reaches the channel; the channel list shows the subscription and the day's rate.
      String alert = "{\"ALERT_TYPE\":\"ALERT_FAILURE\",\"CHECK_ID\":\"" + checkId + "\",\"CHECK_NAME\":\"" + checkName + "\"}";
      assertEquals(202, api.post("api/v1/alerts", alert).status());
      receiver.await(2, Duration.ofSeconds(20));
      String channelRow = "";
      for (int look = 0; look < 20 && !channelRow.contains("of 1"); look++) { // the attempt is recorded just after the receiver answers
        Thread.sleep(look == 0 ? 0 : 500);
        browser.open("admin/channels.xhtml");
        browser.waitForText(By.id("channels:table"), "On-call loopback " + run);
        channelRow = browser.driver.findElement(By.xpath("//tr[contains(., 'On-call loopback " + run + "')]")).getText();
      }
      assertTrue(channelRow.contains(checkName), "the list names the check subscribed to: " + channelRow);
      assertTrue(channelRow.contains("100%") && channelRow.contains("of 1"), "one real delivery in 24 h, succeeded: " + channelRow);

      browser.open("admin/checks.xhtml");
      browser.waitForText(By.id("checks:table"), checkName);
      String checkRow = browser.driver.findElement(By.xpath("//tr[contains(., '" + checkName + "')]")).getText();
      assertTrue(checkRow.contains("On-call loopback " + run), "the check lists the channel subscribed to it: " + checkRow);
      browser.screenshot("checks-and-groups");

      browser.open("admin/deliveries.xhtml");
      browser.waitFor(By.id("history:table"));
      // The page as the server sends it has the table and no chart: the chart's count comes in a request of its
      // own after the page, so the table never waits for it. Fetched by the signed-in browser, as it fetched the page.
      String asSent =
          (String) ((org.openqa.selenium.JavascriptExecutor) browser.driver)
              .executeAsyncScript("const done = arguments[arguments.length - 1]; fetch(location.href).then(r => r.text()).then(done, e => done('fetch failed: ' + e));");
      assertTrue(asSent.contains("id=\"history:table\""), "the deliveries page itself: " + asSent.substring(0, Math.min(300, asSent.length())));
      assertFalse(asSent.contains("class=\"hour\""), "no bar of the chart in the page the server sends");
      new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, Duration.ofSeconds(30))
          .until(org.openqa.selenium.support.ui.ExpectedConditions.numberOfElementsToBe(By.cssSelector("#perHour .hour"), 24));
      List<WebElement> hours = browser.driver.findElements(By.cssSelector("#perHour .hour"));
      assertEquals(24, hours.size(), "a bar per hour of the last day");
      assertTrue(hours.get(23).getAttribute("title").matches(".*: [1-9][0-9]* succeeded.*"), hours.get(23).getAttribute("title"));
      // The channel too: earlier tests leave channels with no subscriptions, which take the check's alert as
      // well, and with enough of them this channel's row was past the first page (the full run failed so).
      browser.choose("history:channel", "On-call loopback " + run);
      browser.choose("history:check", checkName);
      browser.byId("history:apply").click();
      browser.waitForUrl("check=" + checkId); // the filters are in the URL now
      browser.ajaxDone();
      browser.waitForText(By.id("history:table"), "On-call loopback " + run);
      assertEquals(1, browser.driver.findElements(By.xpath("//*[@id='history:table_data']/tr[contains(., 'On-call loopback " + run + "')]")).size(),
          "of the channel's two deliveries (the test-send and the alert), only the alert is the check's");
      browser.driver.findElement(By.xpath("//tr[contains(., 'On-call loopback " + run + "')]//a[contains(@class,'delivery-link')]")).click();
      browser.waitFor(By.id("deliveryStatus"));
      assertEquals(checkName, browser.driver.findElement(By.cssSelector(".check-name")).getText(), "the detail names the check");
      browser.open("admin/deliveries.xhtml");
      browser.waitFor(By.id("history:table"));
      browser.choose("history:kind", "Test-sends only");
      browser.byId("history:apply").click();
      browser.waitForUrl("kind=test");
      browser.ajaxDone();
      browser.waitForText(By.id("history:table"), "On-call loopback " + run);
      browser.screenshot("delivery-history");
      browser.driver.findElement(By.xpath("//tr[contains(., 'On-call loopback " + run + "')]//a[contains(@class,'delivery-link')]")).click();
      browser.waitFor(By.id("deliveryStatus"));
      assertEquals("succeeded", browser.byId("deliveryStatus").getText());
      assertTrue(browser.driver.getPageSource().contains(deliveryId), "the detail shows the id the receiver saw");
      assertTrue(browser.driver.findElement(By.cssSelector(".response-body")).getText().contains("{\"received\":1}"));
      assertTrue(browser.driver.findElement(By.cssSelector(".request-body")).getText().contains("\"recovered\": true"));
      browser.screenshot("delivery-detail");

      browser.open("admin/audit.xhtml");
      browser.waitForText(By.id("audit:table"), "test sent");
      assertTrue(browser.byId("audit:table").getText().contains("channel created"));
      browser.screenshot("audit-log");
    }
  }

  @Test
  void invalidInputIsShownBesideItsFieldAndSavesNothing() throws Exception {
    ApiClient api = new ApiClient(base);
    int before = api.get("api/v1/alert-channels").jsonValue().asJsonArray().size();
    try (ConsoleBrowser browser = new ConsoleBrowser(base)) {
      browser.signIn("admin", ADMIN_PASSWORD);
      browser.open("admin/channel.xhtml");
      browser.waitFor(By.id("editor:url")).sendKeys("ftp://example.com/hook");
      browser.typeInEditor("editor:body", "{\"a\": \"{{#if X}}\"}");
      // 99 retries used to become 9 as it was typed (the number widget dropped what passed its maximum).
      WebElement retries = browser.byId("editor:maxRetries_input");
      retries.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), "99");
      browser.click("editor:save");
      browser.ajaxDone();
      browser.waitFor(By.cssSelector(".ui-message-error"));
      String page = browser.driver.getPageSource();
      assertTrue(messageFor(browser, "editor:name").contains("is required"), messageFor(browser, "editor:name"));
      assertTrue(messageFor(browser, "editor:url").contains("http://"), messageFor(browser, "editor:url"));
      assertTrue(messageFor(browser, "editor:body").contains("line 1"), messageFor(browser, "editor:body"));
      assertTrue(messageFor(browser, "editor:maxRetries").contains("between 0 and 20"), messageFor(browser, "editor:maxRetries"));
      assertEquals("99", browser.byId("editor:maxRetries_input").getAttribute("value"), "what was typed stays, with the reason beside it");
      assertFalse(page.contains("Saved \""));
      assertTrue(browser.byId("editor:saveMessage").getText().matches("Not saved: \\d+ fields need a change, marked in red\\."),
          browser.byId("editor:saveMessage").getText());
      new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, Duration.ofSeconds(5))
          .withMessage("the first refused field is scrolled into view")
          .until(d -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
              "var r = document.querySelector('form .field .ui-message-error').getBoundingClientRect();"
                  + " return r.top >= 0 && r.bottom <= window.innerHeight;"));
      browser.screenshotHere("channel-editor-invalid");
    }
    assertEquals(before, api.get("api/v1/alert-channels").jsonValue().asJsonArray().size(), "nothing stored");
  }

  /** Issue #12 finding 7: a test-send aimed at the app's own listener is refused with the rule named. */
  @Test
  void aTestSendToTheAppsOwnListenerIsRefusedWithTheRuleNamed() throws Exception {
    int port = base.getPort();
    try (ConsoleBrowser browser = new ConsoleBrowser(base)) {
      browser.signIn("admin", ADMIN_PASSWORD);
      browser.open("admin/channel.xhtml");
      browser.waitFor(By.id("editor:name")).sendKeys("Own listener " + run);
      browser.byId("editor:url").sendKeys("http://2130706433:" + port + "/api/v1/export");
      browser.typeInEditor("editor:body", "{\"t\": \"{{ALERT_TITLE}}\"}");
      browser.waitForText(By.id("editor:previewUrl"), "2130706433");
      browser.click("editor:sendTest");
      browser.waitFor(By.id("editor:testError"));
      assertEquals(
          "ADDRESS_REFUSED: 2130706433 is 127.0.0.1: 127.0.0.1:" + port + " is Alertwire's own listener",
          browser.byId("editor:testError").getText());
      assertEquals("", browser.byId("testResponseBody").getText(), "nothing from the app's own answer");
      browser.screenshotHere("channel-editor-test-send-refused");
    }
  }

  @Test
  void aMalformedStandardWebhooksSecretIsRefusedInTheEditorWithoutBeingEchoed() throws Exception {
    // Base64 refuses '-': its own message would name that character of the secret.
    String secret = "whsec_Qm7-Zx" + run + "-Lp4";
    try (ConsoleBrowser browser = new ConsoleBrowser(base)) {
      browser.signIn("admin", ADMIN_PASSWORD);
      browser.open("admin/channel.xhtml");
      browser.waitFor(By.id("editor:url")).sendKeys("http://127.0.0.1:9/hook");
      browser.choose("editor:signatureScheme", "Standard Webhooks");
      browser.byId("editor:webhookSecret").sendKeys(secret);
      browser.click("editor:sendTest");
      browser.waitForText(By.id("editor:previewErrors"), "webhookSecret: must be whsec_ followed by base64");
      browser.screenshotHere("channel-editor-bad-whsec");
      String part = secret.substring("whsec_".length());
      assertTrue(browser.collectResponses().stream().noneMatch(r -> r.contains(part)), "a response contained the secret");
    }
  }

  /** The text of the p:message placed beside a field (it follows the input in the same .field block). */
  private static String messageFor(ConsoleBrowser browser, String inputId) {
    WebElement field = browser.byId(inputId).findElement(By.xpath("ancestor::div[contains(@class,'field')][1]"));
    return field.findElements(By.cssSelector(".ui-message")).stream().map(WebElement::getText).collect(Collectors.joining(" | "));
  }

  @Test
  void secretValuesNeverReachTheBrowser() throws Exception {
    String variableSecret = "pt-9f3c2a71e5d4b8c6";
    String lockedHeader = "xk-51d0c9e7b2a4f3e8";
    String webhookSecret = "whs-5e8d1c3b7a9f2d4c";
    String groupSecret = "gs-7c1e4a9d2b8f3e60";
    try (ConsoleBrowser browser = new ConsoleBrowser(base);
        LoopbackReceiver receiver = new LoopbackReceiver()) {
      browser.signIn("admin", ADMIN_PASSWORD);
      browser.open("admin/variables.xhtml");
      browser.waitFor(By.id("create:newKey")).sendKeys("PAGER_TOKEN_" + run);
      browser.byId("create:newValue").sendKeys(variableSecret);
      browser.driver.findElement(By.cssSelector("[id='create:newLocked'] .ui-chkbox-box")).click();
      browser.byId("create:add").click();
      browser.waitForText(By.id("messages"), "Secret PAGER_TOKEN_" + run + " created");
      browser.waitForText(By.id("list:table"), "PAGER_TOKEN_" + run);
      browser.screenshot("variables");

      // A group's variables are edited on the same page, reached from the group's row on the checks page.
      String groupName = "Payments " + run;
      String groupId = new ApiClient(base).post("api/v1/check-groups", "{\"name\":\"" + groupName + "\"}").json().getString("id");
      browser.open("admin/checks.xhtml");
      browser.waitForText(By.id("checks:groups"), groupName);
      browser.driver.findElement(By.xpath("//tr[contains(., '" + groupName + "')]//a[contains(@id,'editVariables')]")).click();
      browser.waitForText(By.cssSelector("#create h2"), "to group " + groupName);
      assertTrue(browser.driver.getCurrentUrl().contains("group=" + groupId), browser.driver.getCurrentUrl());
      browser.byId("create:newKey").sendKeys("PAYMENTS_TOKEN_" + run);
      browser.byId("create:newValue").sendKeys(groupSecret);
      browser.driver.findElement(By.cssSelector("[id='create:newLocked'] .ui-chkbox-box")).click();
      browser.byId("create:add").click();
      browser.waitForText(By.id("messages"), "Secret PAYMENTS_TOKEN_" + run + " created");
      browser.waitForText(By.id("list:table"), "PAYMENTS_TOKEN_" + run);
      assertFalse(browser.byId("list:table").getText().contains("PAGER_TOKEN_" + run), "the group's scope lists only its own variables");
      assertEquals(1, new ApiClient(base).get("api/v1/check-groups/" + groupId + "/variables").jsonValue().asJsonArray().size());
      browser.screenshot("group-variables");

      browser.open("admin/channel.xhtml");
      browser.waitFor(By.cssSelector("#variablesPanel button.insert-var[data-name='PAYMENTS_TOKEN_" + run + "']"));
      browser.waitFor(By.id("editor:name")).sendKeys("Secret carrier " + run);
      browser.byId("editor:url").sendKeys(receiver.url("/secret"));
      browser.typeInEditor("editor:body", "{\"token\": \"{{PAGER_TOKEN_" + run + "}}\"}");
      browser.waitForText(By.id("previewBody"), "{\"token\": \"{{PAGER_TOKEN_" + run + "}}\"}");

      browser.byId("editor:addHeader").click();
      browser.ajaxDone();
      browser.waitFor(By.id("editor:headers:1:key")).sendKeys("X-Api-Key");
      browser.driver.findElement(By.cssSelector("[id='editor:headers:1:locked'] .ui-chkbox-box")).click();
      browser.ajaxDone();
      browser.waitFor(By.id("editor:headers:1:secretValue")).sendKeys(lockedHeader);
      browser.byId("editor:webhookSecret").sendKeys(webhookSecret);
      browser.click("editor:sendTest");
      browser.waitFor(By.id("editor:testStatus"));
      browser.screenshotHere("channel-editor-secrets");

      LoopbackReceiver.Received sent = receiver.await(1, Duration.ofSeconds(10)).get(0);
      assertEquals("{\"token\": \"" + variableSecret + "\"}", sent.bodyText(), "the receiver gets the real values");
      assertEquals(lockedHeader, sent.header("x-api-key"));
      assertNotNull(sent.header("x-checkly-signature"));

      browser.click("editor:save");
      browser.waitForText(By.id("messages"), "Saved \"Secret carrier " + run + "\"");
      browser.waitFor(By.id("editor:headers:1:secretValue"));
      browser.open("admin/deliveries.xhtml");
      browser.waitForText(By.id("history:table"), "Secret carrier " + run);
      browser.driver.findElement(By.xpath("//tr[contains(., 'Secret carrier " + run + "')]//a[contains(@class,'delivery-link')]")).click();
      browser.waitFor(By.id("deliveryStatus"));
      browser.open("admin/audit.xhtml");
      browser.waitForText(By.id("audit:table"), "secret created");
      assertTrue(browser.byId("audit:table").getText().contains("group " + groupName), "the audit says which group");

      List<String> everything = browser.collectResponses();
      assertTrue(everything.size() > 10, "documents and ajax answers were captured: " + everything.size());
      assertTrue(everything.stream().anyMatch(r -> r.startsWith("<?xml") && r.contains("<partial-response")), "ajax answers were captured: " + browser.networkSummary());
      for (String secret : List.of(variableSecret, lockedHeader, webhookSecret, groupSecret)) {
        assertTrue(everything.stream().noneMatch(r -> r.contains(secret)), "a response contained " + secret);
      }
    }
  }

  /**
   * Issue #17: a credential typed into the URL's user-info and one typed into a header become named
   * environment secrets from the lock beside the field. The channel stores only the references, a real alert
   * carries the values, and from the first lock on no page or ajax answer holds them.
   */
  @Test
  void aValueTypedInTheUrlOrAHeaderBecomesANamedSecretFromItsLock() throws Exception {
    String urlKey = "0a1b2c3d4e5f" + run.toLowerCase();
    String headerKey = "hk-7e2d9c4b1a" + run.toLowerCase();
    String bodyKey = "rk=4f8a2c6e" + run.toLowerCase(); // '=' is escaped by {{...}}: the body gets {{{...}}}
    String urlSecret = "PROMOTED_URL_KEY_" + run;
    String headerSecret = "PROMOTED_HEADER_" + run;
    ApiClient api = new ApiClient(base);
    String checkName = "Promotion check " + run;
    String checkId = api.post("api/v1/checks", "{\"name\":\"" + checkName + "\",\"checkType\":\"API\"}").json().getString("id");
    try (ConsoleBrowser browser = new ConsoleBrowser(base);
        LoopbackReceiver receiver = new LoopbackReceiver()) {
      browser.signIn("admin", ADMIN_PASSWORD);
      browser.open("admin/channel.xhtml");
      browser.waitFor(By.id("editor:name")).sendKeys("Promoted " + run);
      String hook = receiver.url("/promoted");
      String withKey = hook.replace("http://", "http://" + urlKey + "@");
      browser.byId("editor:url").sendKeys(withKey);
      browser.typeInEditor("editor:body", "{\"t\": \"{{ALERT_TYPE}}\", \"routing_key\": \"" + bodyKey + "\"}");
      browser.byId("editor:addHeader").click();
      browser.ajaxDone();
      browser.waitFor(By.id("editor:headers:1:key")).sendKeys("X-Api-Key");
      browser.byId("editor:headers:1:value").sendKeys(headerKey);
      browser.waitForText(By.id("editor:preview"), headerKey);
      browser.ajaxDone();
      // Until its lock the user typed a plain value and the preview showed it; from its lock on, never again.
      int urlTyped = browser.collectResponses().size();

      browser.byId("editor:urlPromote").click();
      browser.waitFor(By.id("promote:name"));
      assertEquals("URL_CREDENTIALS", browser.byId("promote:name").getAttribute("value"), "a loopback address names no service");
      browser.byId("promote:name").clear();
      browser.byId("promote:name").sendKeys(urlSecret);
      browser.screenshotHere("channel-editor-promote-dialog");
      browser.byId("promote:confirm").click();
      browser.waitForText(By.id("messages"), "Secret " + urlSecret + " created");
      String urlWithReference = hook.replace("http://", "http://{{" + urlSecret + "}}@");
      assertEquals(urlWithReference, browser.byId("editor:url").getAttribute("value"));

      int headerTyped = browser.collectResponses().size();
      browser.byId("editor:headers:1:promote").click();
      browser.waitFor(By.id("promote:name"));
      new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, Duration.ofSeconds(10))
          .until(d -> "X_API_KEY".equals(d.findElement(By.id("promote:name")).getAttribute("value")));
      // A name in use asks: replace that secret's value, or choose another name.
      browser.byId("promote:name").clear();
      browser.byId("promote:name").sendKeys(urlSecret, Keys.TAB);
      browser.waitForText(By.id("promote"), "A secret named " + urlSecret + " exists already");
      browser.byId("promote:confirm").click();
      browser.waitForText(By.id("promote"), "Choose another name, or replace the value of " + urlSecret);
      browser.byId("promote:name").clear();
      browser.byId("promote:name").sendKeys(headerSecret);
      browser.byId("promote:confirm").click();
      browser.waitForText(By.id("messages"), "Secret " + headerSecret + " created");
      assertEquals("{{" + headerSecret + "}}", browser.byId("editor:headers:1:value").getAttribute("value"));
      browser.waitForText(By.id("editor:preview"), "X-Api-Key: {{" + headerSecret + "}}");

      // In the body, the selection is the literal.
      int bodyTyped = browser.collectResponses().size();
      browser.driver.executeScript(
          "var cm = arguments[0].CodeMirror, text = cm.getValue(), at = text.indexOf(arguments[1]);"
              + " cm.focus(); cm.setSelection(cm.posFromIndex(at), cm.posFromIndex(at + arguments[1].length));",
          browser.editorOf("editor:body"), bodyKey);
      browser.byId("editor:bodyPromote").click();
      browser.waitFor(By.id("promote:name"));
      new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, Duration.ofSeconds(10))
          .until(d -> "ROUTING_KEY".equals(d.findElement(By.id("promote:name")).getAttribute("value")));
      browser.byId("promote:name").clear();
      browser.byId("promote:name").sendKeys("PROMOTED_BODY_" + run);
      browser.byId("promote:confirm").click();
      browser.waitForText(By.id("messages"), "Secret PROMOTED_BODY_" + run + " created");
      browser.waitFor(ConsoleBrowser.editor("editor:body"));
      assertEquals("{\"t\": \"{{ALERT_TYPE}}\", \"routing_key\": \"{{{PROMOTED_BODY_" + run + "}}}\"}", browser.editorValue("editor:body"));


      browser.byId("editor:sendDegraded").findElement(By.cssSelector(".ui-chkbox-box")).click();
      browser.tick("editor:subscribedChecks", checkName);
      browser.click("editor:save");
      browser.waitForText(By.id("messages"), "Saved \"Promoted " + run + "\"");
      String channelId = browser.driver.getCurrentUrl().replaceAll(".*[?&]id=([^&]+).*", "$1");

      jakarta.json.JsonObject stored = api.get("api/v1/alert-channels/" + channelId).json();
      assertEquals(urlWithReference, stored.getString("url"), stored.toString());
      jakarta.json.JsonObject apiKey =
          stored.getJsonArray("headers").getValuesAs(jakarta.json.JsonObject.class).stream()
              .filter(h -> h.getString("key").equals("X-Api-Key")).findFirst().orElseThrow();
      assertEquals("{{" + headerSecret + "}}", apiKey.getString("value"), stored.toString());
      assertFalse(stored.toString().contains(urlKey) || stored.toString().contains(headerKey) || stored.toString().contains(bodyKey), stored.toString());

      browser.open("admin/variables.xhtml");
      browser.waitForText(By.id("list:table"), urlSecret);
      String variables = browser.byId("list:table").getText();
      assertTrue(variables.contains(headerSecret), variables);
      browser.screenshot("variables-promoted");

      // A real alert (degraded: the channel sends those, and only for its check) carries the values.
      assertEquals(202, api.post("api/v1/alerts",
          "{\"ALERT_TYPE\":\"ALERT_DEGRADED\",\"CHECK_ID\":\"" + checkId + "\",\"CHECK_NAME\":\"" + checkName + "\"}").status());
      LoopbackReceiver.Received sent = receiver.await(1, Duration.ofSeconds(30)).get(0);
      assertEquals("/promoted", sent.path());
      assertEquals("Basic " + java.util.Base64.getEncoder().encodeToString((urlKey + ":").getBytes(StandardCharsets.UTF_8)),
          sent.header("authorization"), "the URL's user-info, as Basic auth");
      assertEquals(headerKey, sent.header("x-api-key"));
      assertEquals("{\"t\": \"ALERT_DEGRADED\", \"routing_key\": \"" + bodyKey + "\"}", sent.bodyText());

      browser.open("admin/channel.xhtml?id=" + channelId);
      browser.waitFor(By.id("editor:url"));
      assertEquals(urlWithReference, browser.byId("editor:url").getAttribute("value"));
      browser.open("admin/deliveries.xhtml");
      browser.waitForText(By.id("history:table"), "Promoted " + run);
      browser.driver.findElement(By.xpath("//tr[contains(., 'Promoted " + run + "')]//a[contains(@class,'delivery-link')]")).click();
      browser.waitFor(By.id("deliveryStatus"));
      browser.open("admin/audit.xhtml");
      browser.waitForText(By.id("audit:table"), urlSecret);

      List<String> answers = browser.collectResponses();
      assertTrue(answers.subList(headerTyped, answers.size()).stream().anyMatch(r -> r.contains("<partial-response")), "the lock's ajax answers were captured");
      assertEquals(List.of(), leaks(answers.subList(urlTyped, answers.size()), urlKey), "pages or ajax answers with the URL's key");
      assertEquals(List.of(), leaks(answers.subList(headerTyped, answers.size()), headerKey), "pages or ajax answers with the header's key");
      assertEquals(List.of(), leaks(answers.subList(bodyTyped, answers.size()), bodyKey), "pages or ajax answers with the body's key");
    }
  }

  /**
   * Issue #17, a saved channel: the promotion itself replaces the literal in the stored channel (wherever it
   * stands), in the transaction that creates the secret, with nothing saved from the editor. A name in use
   * can take the value instead, and stays a secret.
   */
  @Test
  void promotingInASavedChannelRewritesTheStoredChannelAndCanReplaceASecret() throws Exception {
    String literal = "qk-93b1e7d5a2" + run.toLowerCase();
    String secret = "REPLACED_TOKEN_" + run;
    ApiClient api = new ApiClient(base);
    assertEquals(201, api.post("api/v1/variables", "{\"key\":\"" + secret + "\",\"value\":\"old-value-1234\",\"locked\":true}").status());
    try (ConsoleBrowser browser = new ConsoleBrowser(base);
        LoopbackReceiver receiver = new LoopbackReceiver()) {
      String channelId =
          Deliveries.create(api, Deliveries.channel("Saved literal " + run, receiver.url("/saved"))
                  .add("queryParameters", jakarta.json.Json.createArrayBuilder().add(jakarta.json.Json.createObjectBuilder().add("key", "token").add("value", literal)))
                  .add("template", "{\"token\": \"" + literal + "\"}"))
              .getString("id");
      browser.signIn("admin", ADMIN_PASSWORD);
      browser.waitFor(By.id("channels:table"));
      browser.open("admin/channel.xhtml?id=" + channelId);
      browser.waitFor(By.id("editor:queryParameters:0:promote"));
      int opened = browser.collectResponses().size();
      browser.byId("editor:queryParameters:0:promote").click();
      browser.waitFor(By.id("promote:name"));
      new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, Duration.ofSeconds(10))
          .until(d -> "TOKEN".equals(d.findElement(By.id("promote:name")).getAttribute("value")));
      browser.byId("promote:name").clear();
      browser.byId("promote:name").sendKeys(secret, Keys.TAB);
      browser.waitForText(By.id("promote"), "A secret named " + secret + " exists already");
      browser.driver.findElement(By.cssSelector("label[for='promote:onTaken:0']")).click();
      browser.byId("promote:confirm").click();
      browser.waitForText(By.id("messages"), "Secret " + secret + " replaced");
      assertTrue(browser.byId("messages").getText().contains("in the saved channel too"), browser.byId("messages").getText());

      jakarta.json.JsonObject stored = api.get("api/v1/alert-channels/" + channelId).json();
      assertEquals("{{" + secret + "}}", stored.getJsonArray("queryParameters").getJsonObject(0).getString("value"), stored.toString());
      assertEquals("{\"token\": \"{{" + secret + "}}\"}", stored.getString("template"), "the same literal elsewhere in the channel too");
      assertTrue(api.get("api/v1/variables/" + secret).json().getBoolean("locked"));

      browser.click("editor:sendTest");
      browser.waitFor(By.id("editor:testStatus"));
      LoopbackReceiver.Received sent = receiver.await(1, Duration.ofSeconds(10)).get(0);
      assertEquals("/saved?token=" + literal, sent.path(), "the secret holds the promoted value now");
      assertEquals("{\"token\": \"" + literal + "\"}", sent.bodyText());
      browser.open("admin/audit.xhtml");
      browser.waitForText(By.id("audit:table"), "made secret " + secret);
      List<String> answers = browser.collectResponses();
      assertEquals(List.of(), leaks(answers.subList(opened, answers.size()), literal), "pages or ajax answers with the value");
    }
  }

  /** Where the value stands in each answer that holds it, with some context, for the failure message. */
  private static List<String> leaks(List<String> answers, String value) {
    return answers.stream()
        .filter(r -> r.contains(value))
        .map(r -> r.substring(Math.max(0, r.indexOf(value) - 300), Math.min(r.length(), r.indexOf(value) + value.length() + 100)))
        .toList();
  }

  @Test
  void aViewerSeesNoEditControlsAndForgedEditsAreRefused() throws Exception {
    ApiClient api = new ApiClient(base);
    ApiClient.Reply created =
        api.post("api/v1/alert-channels", "{\"name\":\"Viewer can see me " + run + "\",\"url\":\"http://127.0.0.1:9/hook\",\"template\":\"{}\"}");
    assertEquals(201, created.status(), created.body());
    String channelId = created.json().getString("id");
    int channelCount = api.get("api/v1/alert-channels").jsonValue().asJsonArray().size();
    String viewerPassword = "viewer-password-8c1e";
    try (ConsoleBrowser admin = new ConsoleBrowser(base)) {
      admin.signIn("admin", ADMIN_PASSWORD);
      admin.open("admin/users.xhtml");
      admin.waitFor(By.id("create:username")).sendKeys("vera-" + run);
      admin.byId("create:password").sendKeys("short");
      admin.byId("create:add").click();
      admin.waitForText(By.id("create"), "at least 12 characters");
      admin.byId("create:password").sendKeys(viewerPassword);
      admin.byId("create:add").click();
      admin.waitForText(By.id("messages"), "Created vera-" + run + " (viewer)");
      admin.screenshot("users");
    }
    try (ConsoleBrowser viewer = new ConsoleBrowser(base)) {
      viewer.signIn("vera-" + run, viewerPassword);
      viewer.waitForText(By.id("channels:table"), "Viewer can see me " + run);
      assertTrue(viewer.driver.findElements(By.id("newChannel")).isEmpty());
      assertTrue(viewer.driver.findElements(By.cssSelector("[id$=':delete'], [id$=':duplicate'], [id$=':toggle']")).isEmpty());
      assertTrue(viewer.driver.findElements(By.linkText("Users")).isEmpty());
      viewer.screenshot("channels-viewer");
      viewer.open("admin/variables.xhtml");
      viewer.waitFor(By.id("list:table"));
      assertTrue(viewer.driver.findElements(By.id("create")).isEmpty(), "no add form for a viewer");

      String session = viewer.driver.manage().getCookieNamed("JSESSIONID").getValue();
      HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
      HttpResponse<String> usersPage = http.send(get("admin/users.xhtml", session), HttpResponse.BodyHandlers.ofString());
      assertEquals(403, usersPage.statusCode());

      // The viewer reads a channel's settings in the editor, read-only, and a forged save is refused.
      viewer.open("admin/channels.xhtml");
      viewer.driver.findElement(By.linkText("Viewer can see me " + run)).click();
      viewer.waitFor(By.id("editor:url"));
      assertEquals("http://127.0.0.1:9/hook", viewer.byId("editor:url").getAttribute("value"));
      assertFalse(viewer.byId("editor:url").isEnabled(), "a viewer's inputs are disabled");
      assertFalse(viewer.byId("editor:name").isEnabled(), "a viewer's inputs are disabled");
      assertTrue(viewer.driver.findElements(By.cssSelector(
          "[id='editor:save'], [id='editor:sendTest'], [id='editor:applyPreset'], [id='editor:addHeader'], [id='editor:addQuery']")).isEmpty());
      assertTrue(viewer.driver.findElements(By.cssSelector(".promote-lock, [id='promote']")).isEmpty(), "no lock for a viewer");
      viewer.screenshot("channel-viewer");
      HttpResponse<String> editor = http.send(get("admin/channel.xhtml?id=" + channelId, session), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, editor.statusCode());
      Matcher editorNonce = Pattern.compile("PrimeFaces\\.csp\\.init\\('([^']+)'\\)").matcher(editor.body());
      assertTrue(editorNonce.find(), "the editor's CSP nonce");
      HttpResponse<String> forgedSave =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "admin/channel.xhtml?id=" + channelId))
                  .header("Cookie", "JSESSIONID=" + session)
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .header("Faces-Request", "partial/ajax")
                  .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                      "editor", "editor",
                      "jakarta.faces.ViewState", viewState(editor.body()),
                      "jakarta.faces.source", "editor:save",
                      "jakarta.faces.partial.ajax", "true",
                      "jakarta.faces.partial.execute", "editor:save editor:name",
                      "jakarta.faces.partial.render", "editor",
                      "primefaces.nonce", editorNonce.group(1),
                      "editor:name", "Renamed by a viewer " + run,
                      "editor:save", "editor:save"))))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertTrue(forgedSave.statusCode() < 500, forgedSave.statusCode() + " " + forgedSave.body());
      assertEquals("Viewer can see me " + run, api.get("api/v1/alert-channels/" + channelId).json().getString("name"), "not renamed");

      // The viewer's own page and view state, with the delete button an admin would have: refused.
      HttpResponse<String> list = http.send(get("admin/channels.xhtml", session), HttpResponse.BodyHandlers.ofString());
      String viewState = viewState(list.body());
      Matcher nonce = Pattern.compile("PrimeFaces\\.csp\\.init\\('([^']+)'\\)").matcher(list.body());
      assertTrue(nonce.find(), "the page's CSP nonce");
      String button = "channels:table:0:delete";
      HttpResponse<String> forged =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "admin/channels.xhtml"))
                  .header("Cookie", "JSESSIONID=" + session)
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .header("Faces-Request", "partial/ajax")
                  .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                      "channels", "channels",
                      "jakarta.faces.ViewState", viewState,
                      "jakarta.faces.source", button,
                      "jakarta.faces.partial.ajax", "true",
                      "jakarta.faces.partial.execute", button,
                      "jakarta.faces.partial.render", "channels",
                      "primefaces.nonce", nonce.group(1),
                      button, button))))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, forged.statusCode(), forged.body());
      assertTrue(forged.body().contains("<partial-response"), forged.body());
      assertEquals(200, api.get("api/v1/alert-channels/" + channelId).status(), "the channel still exists");
      assertEquals(channelCount, api.get("api/v1/alert-channels").jsonValue().asJsonArray().size(), "no channel was deleted");
    }
    assertTrue(auditText().contains("user created"));
  }

  private String auditText() throws Exception {
    try (ConsoleBrowser admin = new ConsoleBrowser(base)) {
      admin.signIn("admin", ADMIN_PASSWORD);
      admin.open("admin/audit.xhtml");
      return admin.waitFor(By.id("audit:table")).getText();
    }
  }

  private HttpRequest get(String path, String session) {
    return HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", "JSESSIONID=" + session).build();
  }

  private static String viewState(String html) {
    Matcher m = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"").matcher(html);
    assertTrue(m.find(), "no view state in " + html);
    return m.group(1);
  }

  private static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
