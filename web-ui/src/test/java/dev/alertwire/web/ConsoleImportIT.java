package dev.alertwire.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.File;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The console's import page in Chromium: upload the fixture of the hosted product's export, see the dry run
 * (will create, skipped with why, hidden secrets), give the secrets, confirm, find the channel listed.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleImportIT {
  @Deployment(testable = false)
  static WebArchive app() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/alertwire.war"));
  }

  @ArquillianResource URL base;

  @Test
  void uploadDryRunConfirmAndTheChannelIsListed() throws Exception {
    ApiClient admin = new ApiClient(base);
    ChecklyImportIT.removeImported(admin);
    Path export = Files.createTempFile("checkly-export-", ".json");
    Files.writeString(export, ChecklyImportIT.fixture("http://127.0.0.1:9"), StandardCharsets.UTF_8);
    try (ConsoleBrowser browser = new ConsoleBrowser(base)) {
      browser.signIn("admin", ConsoleIT.ADMIN_PASSWORD);
      browser.waitFor(By.id("channels:table"));
      browser.byId("importLink").click();
      browser.waitFor(By.id("upload:file")).sendKeys(export.toAbsolutePath().toString());
      browser.byId("upload:dryRun").click();

      browser.waitForText(By.id("confirm:created"), "Ops webhook");
      String created = browser.byId("confirm:created").getText();
      assertTrue(created.contains("Teams notifications") && created.contains("WEBHOOK_MSTEAMS"), created);
      assertTrue(created.contains("OPS_TEAM") && created.contains("PAGER_API_KEY"), created);
      String skipped = browser.byId("confirm:skipped").getText();
      assertTrue(skipped.contains("Broken template") && skipped.contains("line 3"), skipped);
      assertTrue(skipped.contains("email channel 1004") && skipped.contains("webhooks only"), skipped);
      String secrets = browser.byId("confirm:secrets").getText();
      assertTrue(secrets.contains("PAGER_API_KEY") && secrets.contains("webhookSecret") && secrets.contains("token"), secrets);
      browser.screenshot("import-dry-run");
      assertFalse(channelExists(admin), "the dry run created nothing");

      // Confirming without the hidden values is refused beside each input, and creates nothing.
      browser.byId("confirm:import").click();
      browser.waitForText(By.id("confirm:secrets"), "give its value");
      assertFalse(channelExists(admin), "refused: nothing created");

      browser.byId("confirm:secrets:0:value").sendKeys("pager-key-3e9d51");
      browser.byId("confirm:secrets:1:value").sendKeys("query-token-77c1a0");
      browser.byId("confirm:secrets:2:value").sendKeys("sig-secret-from-the-hosted-product");
      browser.byId("confirm:import").click();
      browser.waitForUrl("channels.xhtml");
      browser.waitForText(By.id("channels:table"), "Ops webhook");
      browser.waitForText(By.id("messages"), "Imported 5 item(s)");
      browser.screenshot("import-done");
      String everything = String.join("\n", browser.collectResponses());
      for (String secret : new String[] {"pager-key-3e9d51", "query-token-77c1a0", "sig-secret-from-the-hosted-product", "ops-token-5b1c9e"}) {
        assertFalse(everything.contains(secret), "the browser was never sent " + secret);
      }
      assertTrue(channelExists(admin));
      assertEquals(true, admin.get("api/v1/variables/PAGER_API_KEY").json().getBoolean("locked"));
    } finally {
      Files.deleteIfExists(export);
      ChecklyImportIT.removeImported(admin);
    }
  }

  private static boolean channelExists(ApiClient admin) throws Exception {
    return admin.get("api/v1/alert-channels").jsonValue().asJsonArray().getValuesAs(JsonObject.class).stream()
        .anyMatch(c -> c.getString("name").equals("Ops webhook"));
  }
}
