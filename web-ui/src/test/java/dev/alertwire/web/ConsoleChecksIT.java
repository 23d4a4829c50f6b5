package dev.alertwire.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
 * Checks and groups created and edited in the console (issue #16), in Chromium against the shipped WAR: the
 * console calls the API's boundary, so what the dialogs save is what the API shows, a refused field carries
 * the API's message beside it, the audit log has one entry per change, and a viewer can change nothing by
 * either door.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleChecksIT {
  @Deployment(testable = false)
  static WebArchive app() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/alertwire.war"));
  }

  @ArquillianResource URL base;

  /** Names are unique per run: the IT database (target/it-data) lives until mvn clean. */
  private final String run = Long.toString(System.currentTimeMillis() % 100_000_000L, 36).toUpperCase();

  @Test
  void anAdminCreatesAndEditsGroupsAndChecksWithTheApisRulesAndAViewerCannot() throws Exception {
    ApiClient api = new ApiClient(base);
    String groupName = "Payments " + run;
    String checkName = "Checkout " + run;
    String checkId;
    String groupId;
    try (ConsoleBrowser browser = new ConsoleBrowser(base)) {
      browser.signIn("admin", ConsoleIT.ADMIN_PASSWORD);
      browser.waitFor(By.id("channels:table"));
      browser.open("admin/checks.xhtml");

      // A group, with its own escalation and reminders.
      browser.waitFor(By.id("checks:newGroup")).click();
      browser.waitFor(By.id("groupForm:name")).sendKeys(groupName);
      type(browser, "groupForm:failedRunThreshold", "2");
      type(browser, "groupForm:reminderAmount", "3");
      browser.choose("groupForm:reminderIntervalMinutes", "10");
      browser.screenshotHere("checks-new-group");
      browser.click("groupForm:save");
      browser.waitForText(By.id("messages"), "Saved group \"" + groupName + "\".");
      JsonObject group = byName(api.get("api/v1/check-groups").jsonValue().asJsonArray(), groupName);
      groupId = group.getString("id");
      assertEquals(2, group.getInt("failedRunThreshold"), group.toString());
      assertEquals(3, group.getInt("reminderAmount"), group.toString());
      assertEquals(10, group.getInt("reminderIntervalMinutes"), group.toString());

      // A check with no name and eleven reminders: each refusal beside its field, in the API's words; nothing stored.
      int checksBefore = api.get("api/v1/checks").jsonValue().asJsonArray().size();
      browser.click("checks:newCheck");
      browser.waitFor(By.id("checkForm:name"));
      type(browser, "checkForm:reminderAmount", "11");
      browser.click("checkForm:save");
      browser.ajaxDone();
      browser.waitFor(By.cssSelector("[id='checkForm'] .ui-message-error"));
      assertEquals("is required", messageFor(browser, "checkForm:name"));
      assertEquals("must be 0 to 5, or -1 for no limit", messageFor(browser, "checkForm:reminderAmount"));
      ApiClient.Reply apiRefusal = api.post("api/v1/checks", "{\"name\":\"\",\"reminderAmount\":11}");
      assertEquals(400, apiRefusal.status(), apiRefusal.body());
      assertTrue(apiRefusal.body().contains("must be 0 to 5, or -1 for no limit") && apiRefusal.body().contains("is required"),
          "the same words as the API: " + apiRefusal.body());
      assertTrue(browser.byId("checkDialog").isDisplayed(), "the dialog stays open with what was typed");
      assertEquals("11", browser.byId("checkForm:reminderAmount").getAttribute("value"));
      browser.screenshotHere("checks-new-check-invalid");
      assertEquals(checksBefore, api.get("api/v1/checks").jsonValue().asJsonArray().size(), "nothing stored");

      // Corrected: a TCP check in the group, with a tag.
      browser.byId("checkForm:name").sendKeys(checkName);
      type(browser, "checkForm:reminderAmount", "0");
      browser.choose("checkForm:checkType", "TCP");
      browser.driver.findElement(By.cssSelector("[id='checkForm:tags'] input")).sendKeys("team:payments", Keys.ENTER);
      browser.choose("checkForm:groupId", groupName);
      browser.click("checkForm:save");
      browser.waitForText(By.id("messages"), "Saved check \"" + checkName + "\".");
      browser.waitForText(By.id("checks:table"), checkName);
      checkId = byName(api.get("api/v1/checks").jsonValue().asJsonArray(), checkName).getString("id");

      // Edit its alert settings and mute it: its own settings, not the group's.
      browser.driver.findElement(By.xpath("//*[@id='checks:table']//tr[contains(., '" + checkName + "')]//button[contains(@id, ':edit')]")).click();
      browser.waitForText(By.id("checkForm"), "Edit check " + checkName);
      assertEquals(checkName, browser.byId("checkForm:name").getAttribute("value"));
      tickBox(browser, "checkForm:muted");
      tickBox(browser, "checkForm:useGroupSettings");
      browser.choose("checkForm:escalationType", "after minutes failing");
      browser.choose("checkForm:minutesFailingThreshold", "15");
      type(browser, "checkForm:failedRunThreshold", "4");
      type(browser, "checkForm:reminderAmount", "-1");
      browser.choose("checkForm:reminderIntervalMinutes", "30");
      browser.screenshotHere("checks-edit-check");
      // The page already says "Saved check ..." from the create: wait for the page the save redirects to.
      WebElement createdPage = browser.byId("messages");
      browser.click("checkForm:save");
      new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, java.time.Duration.ofSeconds(30))
          .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(createdPage));
      browser.waitForText(By.id("messages"), "Saved check \"" + checkName + "\".");
      String row = browser.driver.findElement(By.xpath("//*[@id='checks:table']//tr[contains(., '" + checkName + "')]")).getText();
      assertTrue(row.contains("muted") && row.contains("15 min failing") && row.contains("until it recovers, every 30 min"), row);
      browser.screenshot("checks-after-edit");

      JsonObject check = api.get("api/v1/checks/" + checkId).json();
      assertEquals(checkName, check.getString("name"), check.toString());
      assertEquals("TCP", check.getString("checkType"), check.toString());
      assertEquals(List.of("team:payments"), check.getJsonArray("tags").getValuesAs(jakarta.json.JsonString.class).stream().map(s -> s.getString()).toList());
      assertEquals(groupId, check.getString("groupId"), check.toString());
      assertTrue(check.getBoolean("muted"), check.toString());
      assertTrue(check.getBoolean("activated"), check.toString());
      assertFalse(check.getBoolean("useGroupSettings"), check.toString());
      assertEquals("TIME_BASED", check.getString("escalationType"), check.toString());
      assertEquals(4, check.getInt("failedRunThreshold"), check.toString());
      assertEquals(15, check.getInt("minutesFailingThreshold"), check.toString());
      assertEquals(-1, check.getInt("reminderAmount"), check.toString());
      assertEquals(30, check.getInt("reminderIntervalMinutes"), check.toString());

      // The group edited: an emptied name is refused beside it (nothing stored), then renamed with new reminders.
      browser.driver.findElement(By.xpath("//*[@id='checks:groups']//tr[contains(., '" + groupName + "')]//button[contains(@id, ':edit')]")).click();
      browser.waitForText(By.id("groupForm"), "Edit group " + groupName);
      type(browser, "groupForm:name", "");
      browser.click("groupForm:save");
      browser.ajaxDone();
      browser.waitFor(By.cssSelector("[id='groupForm'] .ui-message-error"));
      assertEquals("is required", messageFor(browser, "groupForm:name"));
      assertEquals(groupName, api.get("api/v1/check-groups/" + groupId).json().getString("name"), "nothing stored");
      String renamed = groupName + " EU";
      type(browser, "groupForm:name", renamed);
      browser.choose("groupForm:reminderIntervalMinutes", "15");
      browser.click("groupForm:save");
      browser.waitForText(By.id("messages"), "Saved group \"" + renamed + "\".");
      group = api.get("api/v1/check-groups/" + groupId).json();
      assertEquals(renamed, group.getString("name"), group.toString());
      assertEquals(3, group.getInt("reminderAmount"), group.toString());
      assertEquals(15, group.getInt("reminderIntervalMinutes"), group.toString());

      // Each console change is in the audit log once, under the signed-in user.
      assertEquals(List.of("check updated", "check created"), auditActions(api, checkName));
      assertEquals(List.of("group created"), auditActions(api, groupName));
      assertEquals(List.of("group updated"), auditActions(api, renamed));
      browser.open("admin/audit.xhtml");
      browser.waitForText(By.id("audit:table"), checkName);
      String audit = browser.byId("audit:table").getText();
      assertTrue(audit.contains("check updated") && audit.contains("group created"), audit);
    }

    // A viewer reads the lists without any way to change them; a forged save changes nothing, and the API
    // refuses the viewer's token (its door refuses before CheckAdministration's own @Permit would).
    String viewerPassword = "viewer-password-5b2e";
    try (ConsoleBrowser admin = new ConsoleBrowser(base)) {
      admin.signIn("admin", ConsoleIT.ADMIN_PASSWORD);
      admin.open("admin/users.xhtml");
      admin.waitFor(By.id("create:username")).sendKeys("vic-" + run);
      admin.byId("create:password").sendKeys(viewerPassword);
      admin.byId("create:add").click();
      admin.waitForText(By.id("messages"), "Created vic-" + run + " (viewer)");
    }
    String before = api.get("api/v1/checks/" + checkId).body();
    try (ConsoleBrowser viewer = new ConsoleBrowser(base)) {
      viewer.signIn("vic-" + run, viewerPassword);
      viewer.waitFor(By.id("channels:table"));
      viewer.open("admin/checks.xhtml");
      viewer.waitForText(By.id("checks:table"), checkName);
      viewer.waitForText(By.id("checks:groups"), groupName);
      assertTrue(viewer.driver.findElements(By.cssSelector(
          "[id='checks:newCheck'], [id='checks:newGroup'], [id$=':edit'], [id='checkForm'], [id='groupForm'], [id='checkDialog']")).isEmpty(),
          "no edit controls for a viewer");
      viewer.screenshot("checks-viewer");

      String session = viewer.driver.manage().getCookieNamed("JSESSIONID").getValue();
      HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
      HttpResponse<String> page =
          http.send(HttpRequest.newBuilder(URI.create(base + "admin/checks.xhtml")).header("Cookie", "JSESSIONID=" + session).build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, page.statusCode());
      Matcher nonce = Pattern.compile("PrimeFaces\\.csp\\.init\\('([^']+)'\\)").matcher(page.body());
      assertTrue(nonce.find(), "the page's CSP nonce");
      HttpResponse<String> forged =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "admin/checks.xhtml"))
                  .header("Cookie", "JSESSIONID=" + session)
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .header("Faces-Request", "partial/ajax")
                  .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                      "checkForm", "checkForm",
                      "jakarta.faces.ViewState", viewState(page.body()),
                      "jakarta.faces.source", "checkForm:save",
                      "jakarta.faces.partial.ajax", "true",
                      "jakarta.faces.partial.execute", "checkForm",
                      "jakarta.faces.partial.render", "checkForm",
                      "primefaces.nonce", nonce.group(1),
                      "checkForm:name", "Renamed by a viewer " + run,
                      "checkForm:muted_input", "off",
                      "checkForm:save", "checkForm:save"))))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertTrue(forged.statusCode() < 500, forged.statusCode() + " " + forged.body());
      assertEquals(before, api.get("api/v1/checks/" + checkId).body(), "the forged save changed nothing");
    }

    ApiClient.Reply issued = api.post("api/v1/api-tokens", "{\"name\":\"checks viewer " + run + "\",\"role\":\"viewer\"}");
    assertEquals(201, issued.status(), issued.body());
    ApiClient viewerApi = api.as(issued.json().getString("token"));
    assertEquals(200, viewerApi.get("api/v1/checks/" + checkId).status(), "a viewer reads");
    ApiClient.Reply refused = viewerApi.put("api/v1/checks/" + checkId, "{\"muted\":false}");
    assertEquals(403, refused.status(), refused.body());
    assertTrue(refused.contentType().startsWith("application/problem+json"), refused.contentType());
    ApiClient.Reply refusedGroup = viewerApi.post("api/v1/check-groups", "{\"name\":\"Viewer group " + run + "\"}");
    assertEquals(403, refusedGroup.status(), refusedGroup.body());
    assertEquals(before, api.get("api/v1/checks/" + checkId).body(), "still as the admin left it");
    assertEquals(List.of("check updated", "check created"), auditActions(api, checkName), "refusals change nothing and audit nothing");
  }

  /** The audit log's actions about this object by the console's admin, newest first. */
  private static List<String> auditActions(ApiClient api, String target) throws Exception {
    JsonObject page = api.get("api/v1/audit?actor=admin&target=" + URLEncoder.encode(target, StandardCharsets.UTF_8)).json();
    return page.getJsonArray("items").getValuesAs(JsonObject.class).stream().map(e -> e.getString("action")).toList();
  }

  private static JsonObject byName(JsonArray items, String name) {
    return items.getValuesAs(JsonObject.class).stream()
        .filter(o -> name.equals(o.getString("name")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " in " + items));
  }

  private static void type(ConsoleBrowser browser, String id, String text) {
    WebElement input = browser.byId(id);
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    input.sendKeys(text);
  }

  private static void tickBox(ConsoleBrowser browser, String id) {
    browser.byId(id).findElement(By.cssSelector(".ui-chkbox-box")).click();
  }

  /** The message shown in the form field of this component (the field's div holds label, input, message). */
  private static String messageFor(ConsoleBrowser browser, String inputId) {
    WebElement field = browser.byId(inputId).findElement(By.xpath("ancestor::div[contains(@class,'field')][1]"));
    return field.findElements(By.cssSelector(".ui-message")).stream().map(WebElement::getText).collect(Collectors.joining(" | ")).trim();
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
