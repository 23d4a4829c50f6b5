package dev.alertwire.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Issue #13, "what the console says is what happens", for accounts: API tokens from the console (shown
 * once, listed, revoked), a user changing their own password, and the console's own page, not Payara's,
 * when a viewer opens an admin-only page.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleAccountsIT {
  @Deployment(testable = false)
  static WebArchive app() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/alertwire.war"));
  }

  @ArquillianResource URL base;

  private final String run = Long.toString(System.currentTimeMillis() % 100_000_000L, 36).toUpperCase();

  @Test
  void anAdminCreatesATokenSeesItOnceAndRevokesIt() throws Exception {
    String name = "ci-" + run;
    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    try (ConsoleBrowser browser = new ConsoleBrowser(base)) {
      browser.signIn("admin", ConsoleIT.ADMIN_PASSWORD);
      browser.waitFor(By.id("channels:table"));
      browser.driver.findElement(By.linkText("API tokens")).click();
      browser.waitFor(By.id("create:name")).sendKeys(name);
      browser.choose("create:role", "viewer: reads everything, changes nothing");
      browser.byId("create:add").click();
      browser.waitFor(By.id("createdValue"));
      String token = browser.byId("createdValue").getText().trim();
      assertTrue(token.startsWith("aw_") && token.length() > 40, token);
      browser.waitForText(By.id("list:table"), name);
      assertTrue(browser.driver.findElement(By.xpath("//tr[contains(., '" + name + "')]")).getText().contains("viewer"));
      browser.screenshot("tokens-created");

      // The page that showed it is never cached, and the token is not on the page when it is opened again.
      String session = browser.driver.manage().getCookieNamed("JSESSIONID").getValue();
      HttpResponse<String> page =
          http.send(HttpRequest.newBuilder(URI.create(base + "admin/tokens.xhtml")).header("Cookie", "JSESSIONID=" + session).build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, page.statusCode());
      assertEquals("no-store", page.headers().firstValue("cache-control").orElse(""));
      assertTrue(page.body().contains(name) && !page.body().contains(token), "listed by name, never by value");

      ApiClient api = new ApiClient(base, token);
      assertEquals(200, api.get("api/v1/alert-channels").status(), "the new token reads, as a viewer");
      assertEquals(403, api.post("api/v1/variables", "{\"key\":\"X_" + run + "\",\"value\":\"v\"}").status(), "and changes nothing");

      browser.driver.findElement(By.xpath("//tr[contains(., '" + name + "')]//button[contains(@id,'revoke')]")).click();
      browser.waitFor(By.id("list:confirmYes")).click();
      browser.waitForText(By.id("messages"), "Revoked " + name);
      browser.ajaxDone();
      assertFalse(browser.byId("list:table").getText().contains(name), "no longer listed");
      assertEquals(401, api.get("api/v1/alert-channels").status(), "a revoked token opens nothing");
    }
    String audit = new ApiClient(base).get("api/v1/audit?target=" + URLEncoder.encode(name, StandardCharsets.UTF_8)).body();
    assertTrue(audit.contains("API token created") && audit.contains("API token revoked") && audit.contains("role viewer"), audit);
  }

  @Test
  void aUserChangesTheirOwnPasswordWithTheCurrentOne() throws Exception {
    String user = "pat-" + run;
    String first = "first-password-" + run;
    String second = "second-password-" + run;
    createUser(user, first, false);
    try (ConsoleBrowser browser = new ConsoleBrowser(base)) {
      browser.signIn(user, first);
      browser.waitFor(By.id("session:account")).click();
      browser.waitFor(By.id("password:currentPassword")).sendKeys("not-my-password");
      browser.byId("password:newPassword").sendKeys(second);
      browser.byId("password:change").click();
      browser.waitForText(By.id("password"), "is not your current password");
      browser.byId("password:currentPassword").sendKeys(first);
      browser.byId("password:newPassword").sendKeys("short");
      browser.byId("password:change").click();
      browser.waitForText(By.id("password"), "must be at least 12 characters");
      browser.screenshot("account-refused");
      browser.byId("password:currentPassword").sendKeys(first);
      browser.byId("password:newPassword").sendKeys(second);
      browser.byId("password:change").click();
      browser.waitForText(By.id("messages"), "Password changed");
      browser.byId("session:logout").click();
      browser.waitFor(By.id("j_username"));
    }
    try (ConsoleBrowser browser = new ConsoleBrowser(base)) {
      browser.signIn(user, first);
      browser.waitFor(By.id("loginError"));
      browser.signIn(user, second);
      browser.waitFor(By.id("channels:table"));
    }
    String audit = new ApiClient(base).get("api/v1/audit?target=" + user).body();
    assertTrue(audit.contains("password changed"), audit);
    assertFalse(audit.contains(first) || audit.contains(second), "no password in the audit");
  }

  @Test
  void aViewerOpeningAnAdminPageGetsTheConsolesOwnPage() throws Exception {
    String user = "vic-" + run;
    String password = "viewer-password-" + run;
    createUser(user, password, false);
    try (ConsoleBrowser browser = new ConsoleBrowser(base)) {
      browser.signIn(user, password);
      browser.waitFor(By.id("channels:table"));
      assertTrue(browser.driver.findElements(By.linkText("API tokens")).isEmpty(), "no tokens link for a viewer");
      assertTrue(browser.driver.findElements(By.id("importLink")).isEmpty(), "no import link for a viewer");
      String session = browser.driver.manage().getCookieNamed("JSESSIONID").getValue();
      HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
      for (String page : List.of("admin/users.xhtml", "admin/audit.xhtml", "admin/tokens.xhtml", "admin/import.xhtml")) {
        HttpResponse<String> answer =
            http.send(HttpRequest.newBuilder(URI.create(base + page)).header("Cookie", "JSESSIONID=" + session).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, answer.statusCode(), page);
        assertTrue(answer.body().contains("Only admins can open this page"), page + ": " + answer.body());
        assertTrue(answer.body().contains("class=\"topbar\""), page + " uses the console's template");
      }
      browser.open("admin/tokens.xhtml");
      browser.waitForText(By.id("forbidden"), "Only admins can open this page");
      browser.screenshot("forbidden-viewer");
      browser.byId("back").click();
      browser.waitFor(By.id("channels:table"));
    }
  }

  /** Users are created in the console only: as the admin, on the Users page. */
  private void createUser(String username, String password, boolean admin) throws Exception {
    try (ConsoleBrowser browser = new ConsoleBrowser(base)) {
      browser.signIn("admin", ConsoleIT.ADMIN_PASSWORD);
      browser.open("admin/users.xhtml");
      browser.waitFor(By.id("create:username")).sendKeys(username);
      browser.byId("create:password").sendKeys(password);
      if (admin) {
        browser.choose("create:role", "admin: reads and changes everything");
      }
      browser.byId("create:add").click();
      browser.waitForText(By.id("messages"), "Created " + username);
    }
  }
}
