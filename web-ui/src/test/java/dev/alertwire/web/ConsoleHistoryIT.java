package dev.alertwire.web;

import static dev.alertwire.web.Deliveries.awaitStatus;
import static dev.alertwire.web.Deliveries.channel;
import static dev.alertwire.web.Deliveries.create;
import static dev.alertwire.web.Deliveries.deliveryFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.File;
import java.net.URL;
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
import org.openqa.selenium.WebElement;

/**
 * Issue #13 for the delivery history: a reminder shows as a reminder (list, filter, detail), the alert's
 * title is shown beside its type, the filters are in the URL, and the detail follows a redelivery.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleHistoryIT {
  @Deployment(testable = false)
  static WebArchive app() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/alertwire.war"));
  }

  @ArquillianResource URL base;

  private final String run = Long.toString(System.currentTimeMillis() % 100_000_000L, 36).toUpperCase();

  @Test
  void remindersTitlesSharableFiltersAndARedeliveryTheDetailFollows() throws Exception {
    ApiClient api = new ApiClient(base);
    try (LoopbackReceiver receiver = new LoopbackReceiver();
        ConsoleBrowser browser = new ConsoleBrowser(base)) {
      receiver.otherwise(503, 3_000); // slow enough that a new delivery is seen unfinished first
      String channelId = create(api, channel("History " + run, receiver.url("/h")).add("maxRetries", 0).add("supersedeOlder", false)).getString("id");
      // A failure, then the same failure as a reminder, as the reminder timer (and the hosted product) sends it.
      JsonObject failure = post(api, Json.createObjectBuilder()
          .add("ALERT_TYPE", "ALERT_FAILURE").add("ALERT_TITLE", "Checkout " + run + " has failed").add("CHECK_ID", "co-" + run).build());
      JsonObject reminder = post(api, Json.createObjectBuilder()
          .add("ALERT_TYPE", "ALERT_FAILURE").add("ALERT_TITLE", "Checkout " + run + " still failing").add("CHECK_ID", "co-" + run)
          .add("IS_REMINDER", true).add("REMINDER_SEQUENCE", 1).build());
      String failureId = deliveryFor(api, failure, channelId);
      String reminderId = deliveryFor(api, reminder, channelId);
      awaitStatus(api, failureId, "FAILED");
      awaitStatus(api, reminderId, "FAILED");

      JsonObject listed = api.get("api/v1/deliveries?channelId=" + channelId + "&alertType=REMINDER").json();
      assertEquals(1, listed.getInt("total"), listed.toString());
      assertEquals("REMINDER", listed.getJsonArray("items").getJsonObject(0).getString("alertType"));
      assertEquals("Checkout " + run + " still failing", listed.getJsonArray("items").getJsonObject(0).getString("alertTitle"));

      browser.signIn("admin", ConsoleIT.ADMIN_PASSWORD);
      browser.waitFor(By.id("channels:table"));
      // A shared link: the channel and the type are in the URL, and the form shows them.
      browser.open("admin/deliveries.xhtml?channel=" + channelId + "&type=REMINDER");
      browser.waitForText(By.id("history:table"), "still failing");
      assertEquals("reminder", browser.byId("history:alertType_label").getText());
      assertEquals("History " + run, browser.byId("history:channel_label").getText());
      List<WebElement> rows = browser.driver.findElements(By.cssSelector("[id='history:table_data'] > tr"));
      assertEquals(1, rows.size(), "the reminder alone");
      assertTrue(rows.get(0).getText().contains("reminder") && rows.get(0).getText().contains("Checkout " + run + " still failing"), rows.get(0).getText());
      browser.screenshot("history-reminders");

      // Choosing in the form puts the choice in the URL.
      browser.choose("history:alertType", "failure");
      browser.byId("history:apply").click();
      browser.waitForUrl("type=ALERT_FAILURE");
      assertTrue(browser.driver.getCurrentUrl().contains("channel=" + channelId), browser.driver.getCurrentUrl());
      browser.waitForText(By.id("history:table"), "has failed");
      assertEquals(1, browser.driver.findElements(By.cssSelector("[id='history:table_data'] > tr")).size());

      // The detail says reminder, with the title; a redelivery opens the new delivery and follows it to its end.
      browser.open("admin/delivery.xhtml?id=" + reminderId);
      browser.waitFor(By.id("deliveryStatus"));
      assertEquals("reminder", browser.byId("alertType").getText());
      assertEquals("Checkout " + run + " still failing", browser.byId("detail:alertTitle").getText());
      browser.byId("detail:redeliver").click();
      browser.waitFor(By.id("detail:confirmYes")).click();
      browser.waitForText(By.id("messages"), "Queued a redelivery");
      String again = browser.driver.getCurrentUrl().replaceAll(".*[?&]id=([^&]+).*", "$1");
      assertNotEquals(reminderId, again, "the page is the new delivery's");
      browser.waitForText(By.id("deliveryStatus"), "failed"); // without a reload: the page follows it
      assertTrue(browser.driver.findElement(By.cssSelector(".attempt-card")).getText().contains("HTTP 503"));
      assertEquals("reminder", browser.byId("alertType").getText());
      browser.screenshot("delivery-redelivered");
    }
  }

  /**
   * Layout at the widths people use: the history at 1,024 px shows every channel name whole, and the channel
   * editor at 390 px (a phone) fits the screen with no field over another. Screenshots in target/screenshots.
   */
  @Test
  void theHistoryAt1024AndTheEditorAt390FitTheirScreens() throws Exception {
    ApiClient api = new ApiClient(base);
    String longName = "Payments on-call escalation " + run + " (EU primary)";
    try (LoopbackReceiver receiver = new LoopbackReceiver();
        ConsoleBrowser browser = new ConsoleBrowser(base)) {
      String channelId = create(api, channel(longName, receiver.url("/w"))).getString("id");
      JsonObject accepted = post(api, Json.createObjectBuilder()
          .add("ALERT_TYPE", "ALERT_RECOVERY").add("ALERT_TITLE", "Check \"Checkout API " + run + "\" has recovered").build());
      awaitStatus(api, deliveryFor(api, accepted, channelId), "SUCCEEDED");
      browser.signIn("admin", ConsoleIT.ADMIN_PASSWORD);
      browser.waitFor(By.id("channels:table"));

      browser.viewport(1024, 768);
      browser.open("admin/deliveries.xhtml?channel=" + channelId);
      browser.waitForText(By.id("history:table"), longName);
      browser.screenshot("history-1024");
      String clipped = (String) browser.driver.executeScript(
          "var out = [];"
              + " document.querySelectorAll(\"[id='history:table'] td, [id='history:table'] th\").forEach(function (c) {"
              + "   var r = c.getBoundingClientRect();"
              + "   if (c.scrollWidth > c.clientWidth + 1 || r.right > window.innerWidth + 1) out.push(c.textContent.trim().substring(0, 40) + ' (' + c.scrollWidth + ' > ' + c.clientWidth + ', right ' + Math.round(r.right) + ')');"
              + " });"
              + " return out.join(' | ');");
      assertEquals("", clipped, "cells clipped or past the window at 1,024 px");
      assertTrue((Boolean) browser.driver.executeScript("return document.documentElement.scrollWidth <= window.innerWidth + 1;"), "no sideways scrolling at 1,024 px");

      browser.viewport(390, 844);
      browser.open("admin/channel.xhtml?id=" + channelId);
      browser.waitFor(By.id("editor:name"));
      browser.ajaxDone();
      browser.screenshot("channel-editor-390");
      String overlaps = (String) browser.driver.executeScript(
          "var fields = Array.prototype.slice.call(document.querySelectorAll('.editor-grid .field, .editor-grid .card'));"
              + " var out = [];"
              + " fields.forEach(function (a, i) { fields.slice(i + 1).forEach(function (b) {"
              + "   if (a.contains(b) || b.contains(a)) return;"
              + "   var p = a.getBoundingClientRect(), q = b.getBoundingClientRect();"
              + "   var w = Math.min(p.right, q.right) - Math.max(p.left, q.left), h = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);"
              + "   if (w > 2 && h > 2) out.push((a.textContent.trim().substring(0, 25)) + ' / ' + (b.textContent.trim().substring(0, 25)));"
              + " }); });"
              + " var controls = document.querySelectorAll('.editor-grid .field, .editor-grid .card, .editor-grid button, .editor-grid input, .editor-grid label, .editor-grid .ui-selectonemenu, .editor-grid .CodeMirror');"
              + " Array.prototype.forEach.call(controls, function (a) { var r = a.getBoundingClientRect(); if (r.width > 0 && (r.right > window.innerWidth + 1 || r.left < -1)) out.push((a.id || a.className || a.tagName) + ' ' + a.textContent.trim().substring(0, 25) + ' past the screen (' + Math.round(r.left) + '..' + Math.round(r.right) + ')'); });"
              + " return out.join(' | ');");
      assertEquals("", overlaps, "editor parts overlapping or off screen at 390 px");
      assertTrue((Boolean) browser.driver.executeScript(
              "return document.documentElement.scrollWidth <= window.innerWidth + 1 && document.body.scrollWidth <= window.innerWidth + 1;"),
          "no sideways scrolling at 390 px: " + browser.driver.executeScript("return document.documentElement.scrollWidth + ' / ' + document.body.scrollWidth;"));
    }
  }

  private static JsonObject post(ApiClient api, JsonObject alert) throws Exception {
    ApiClient.Reply accepted = api.post("api/v1/alerts", alert.toString());
    assertEquals(202, accepted.status(), accepted.body());
    return accepted.json();
  }
}
