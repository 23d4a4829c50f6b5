package dev.alertwire.web;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through /usr/bin/chromedriver, with a fresh profile per browser. Every
 * HTTP response the page receives (documents and PrimeFaces' ajax answers alike) is read back through the
 * DevTools protocol, so tests can prove what the browser was sent.
 */
final class ConsoleBrowser implements AutoCloseable {
  static final Path SCREENSHOTS = Path.of("target/screenshots");
  private static final Duration WAIT = Duration.ofSeconds(20);

  final ChromeDriver driver;
  private final Path profile;
  private final String base;
  private final List<String> responses = new ArrayList<>();
  private final Map<String, String> seen = new java.util.HashMap<>();
  private final List<String> fetched = new ArrayList<>();
  private final List<String> missed = new ArrayList<>();

  ConsoleBrowser(URL deployment) throws IOException {
    base = deployment.toString().endsWith("/") ? deployment.toString() : deployment + "/";
    profile = Files.createTempDirectory("alertwire-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,800",
        "--user-data-dir=" + profile.toAbsolutePath());
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.PERFORMANCE, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    options.setExperimentalOption("perfLoggingPrefs", Map.of("enableNetwork", true, "enablePage", false));
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    // The window size includes the browser's frame: grow it until the page itself is 1280x800.
    driver.manage().window().setSize(new Dimension(1280, 800));
    long innerWidth = (Long) driver.executeScript("return window.innerWidth;");
    long innerHeight = (Long) driver.executeScript("return window.innerHeight;");
    driver.manage().window().setSize(new Dimension((int) (1280 + 1280 - innerWidth), (int) (800 + 800 - innerHeight)));
    // Response bodies are kept for, and only readable through, the DevTools session that enabled Network.
    driver.executeCdpCommand("Network.enable", Map.of());
  }

  void open(String path) {
    collectResponses();
    driver.get(base + path);
  }

  void signIn(String username, String password) {
    open("admin/channels.xhtml");
    waitFor(By.id("j_username"));
    driver.findElement(By.id("j_username")).sendKeys(username);
    driver.findElement(By.id("j_password")).sendKeys(password);
    collectResponses();
    driver.findElement(By.id("signin")).click();
  }

  WebElement waitFor(By by) {
    try {
      return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    } catch (org.openqa.selenium.TimeoutException e) {
      throw evidence(e);
    }
  }

  void waitForText(By by, String text) {
    try {
      new WebDriverWait(driver, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    } catch (org.openqa.selenium.TimeoutException e) {
      throw evidence(e);
    }
  }

  /** A screenshot of what the page showed when an expectation failed, named in the error. */
  private RuntimeException evidence(RuntimeException failure) {
    try {
      String name = "failed-" + System.currentTimeMillis();
      screenshotHere(name);
      String messages =
          driver.findElements(By.cssSelector(".ui-messages, .ui-message-error")).stream()
              .map(WebElement::getText)
              .filter(t -> !t.isBlank())
              .collect(java.util.stream.Collectors.joining(" | "));
      return new org.openqa.selenium.TimeoutException(
          "see " + SCREENSHOTS.resolve(name + ".png") + " (" + driver.getCurrentUrl() + "); messages: " + messages, failure);
    } catch (IOException | RuntimeException e) {
      failure.addSuppressed(e);
      return failure;
    }
  }

  /** Waits until PrimeFaces has no ajax request in flight. */
  void ajaxDone() {
    new WebDriverWait(driver, WAIT)
        .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
            "return !window.PrimeFaces || !PrimeFaces.ajax || PrimeFaces.ajax.Queue.isEmpty();")));
  }

  /** Picks an option of a PrimeFaces selectOneMenu the way a user does: open it, click the item. */
  void choose(String menuId, String label) {
    By item = By.cssSelector("[id='" + menuId + "_panel'] li[data-label='" + label + "']");
    for (int attempt = 0; attempt < 3; attempt++) {
      driver.findElement(By.id(menuId)).click();
      waitFor(item).click();
      try {
        // The panel opens with an animation: a click during it can miss, so check the choice took.
        new WebDriverWait(driver, Duration.ofSeconds(2))
            .until(ExpectedConditions.textToBe(By.id(menuId + "_label"), label));
        return;
      } catch (org.openqa.selenium.TimeoutException missed) {
        driver.findElement(By.tagName("body")).sendKeys(Keys.ESCAPE);
      }
    }
    throw evidence(new org.openqa.selenium.TimeoutException("could not choose " + label + " in " + menuId));
  }

  WebElement byId(String id) {
    return driver.findElement(By.id(id));
  }

  /** The page from its top, as a person arriving on it sees it. */
  void screenshot(String name) throws IOException {
    driver.executeScript("window.scrollTo(0, 0); if (document.activeElement) document.activeElement.blur();");
    screenshotHere(name);
  }

  /** The page where it is scrolled to (the part the test just worked on). */
  void screenshotHere(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Path file = driver.getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(file, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  /**
   * Every response body received since the last call, plus the current DOM. Bodies are fetched while the
   * page that received them is still open, so call this before navigating away (open() does).
   */
  List<String> collectResponses() {
    for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
      JsonObject message = Json.createReader(new StringReader(entry.getMessage())).readObject().getJsonObject("message");
      String method = message.getString("method", "");
      JsonObject params = message.getJsonObject("params");
      if ("Network.responseReceived".equals(method)) {
        seen.put(params.getString("requestId"), params.getString("type", "?") + " " + params.getJsonObject("response").getString("url", ""));
      } else if ("Network.loadingFinished".equals(method)) {
        String requestId = params.getString("requestId");
        if (!seen.getOrDefault(requestId, "").contains(" " + base)) {
          continue; // the browser's own pages (new tab and such)
        }
        try {
          Map<String, Object> body = driver.executeCdpCommand("Network.getResponseBody", Map.of("requestId", requestId));
          responses.add(String.valueOf(body.get("body")));
          fetched.add(seen.getOrDefault(requestId, "?"));
        } catch (RuntimeException evictedOrNoBody) {
          missed.add(seen.getOrDefault(requestId, "?") + ": " + evictedOrNoBody.getMessage().lines().findFirst().orElse(""));
        }
      }
    }
    responses.add(driver.getPageSource());
    return List.copyOf(responses);
  }

  /** What was fetched and what could not be, for assertion messages. */
  String networkSummary() {
    return "fetched " + fetched + "; missed " + missed;
  }

  /** The SameSite attribute of a cookie as the browser stored it. */
  String cookieSameSite(String name) {
    var cookie = driver.manage().getCookieNamed(name);
    return cookie == null ? null : cookie.getSameSite();
  }

  @Override
  public void close() throws IOException {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
