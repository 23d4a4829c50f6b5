package dev.alertwire.web;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
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
  private int documents;
  private int ajaxAnswers;

  /**
   * Installed in every document before its own scripts run: keeps each document as parsed and the text of
   * every XMLHttpRequest answer (all PrimeFaces ajax goes through it) in sessionStorage, which outlives
   * navigations within the tab. DevTools' Network.getResponseBody proved unreliable here (bodies evicted or
   * unknown to the session), so the page records what it received itself.
   */
  private static final String CAPTURE =
      """
      (function () {
        if (window.__alertwireCapture) return;
        window.__alertwireCapture = true;
        function keep(kind, text) {
          try {
            var n = Number(sessionStorage.getItem('aw-n') || '0');
            sessionStorage.setItem('aw-' + n, kind + '\\n' + text);
            sessionStorage.setItem('aw-n', String(n + 1));
          } catch (e) {
            try { sessionStorage.setItem('aw-overflow', String(e)); } catch (ignored) {}
          }
        }
        var send = XMLHttpRequest.prototype.send;
        XMLHttpRequest.prototype.send = function () {
          this.addEventListener('loadend', function () {
            if (this.responseType === '' || this.responseType === 'text') keep('xhr', this.responseText);
          });
          return send.apply(this, arguments);
        };
        document.addEventListener('DOMContentLoaded', function () {
          keep('document', document.documentElement.outerHTML);
        });
      })();
      """;

  ConsoleBrowser(URL deployment) throws IOException {
    base = deployment.toString().endsWith("/") ? deployment.toString() : deployment + "/";
    profile = Files.createTempDirectory("alertwire-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,800",
        "--user-data-dir=" + profile.toAbsolutePath());
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    // The window size includes the browser's frame: grow it until the page itself is 1280x800.
    driver.manage().window().setSize(new Dimension(1280, 800));
    long innerWidth = (Long) driver.executeScript("return window.innerWidth;");
    long innerHeight = (Long) driver.executeScript("return window.innerHeight;");
    driver.manage().window().setSize(new Dimension((int) (1280 + 1280 - innerWidth), (int) (800 + 800 - innerHeight)));
    driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", CAPTURE));
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
      return waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
    } catch (org.openqa.selenium.TimeoutException e) {
      throw evidence(e);
    }
  }

  void waitForText(By by, String text) {
    try {
      waiting().until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    } catch (org.openqa.selenium.TimeoutException e) {
      throw evidence(e);
    }
  }

  /**
   * A wait that looks again when an ajax update replaced the element while it was being read: Chromium then
   * answers "Node with given id does not belong to the document" (seen once under load in CI-like runs).
   */
  private WebDriverWait waiting() {
    WebDriverWait wait = new WebDriverWait(driver, WAIT);
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    wait.ignoring(org.openqa.selenium.WebDriverException.class);
    return wait;
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

  /** Waits until the browser's address contains this text (after a redirect). */
  void waitForUrl(String part) {
    try {
      waiting().until(ExpectedConditions.urlContains(part));
    } catch (org.openqa.selenium.TimeoutException e) {
      throw evidence(e);
    }
  }

  /** Sets the size of the page itself (the viewport), as a phone or a small laptop has it. */
  void viewport(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
    long innerWidth = (Long) driver.executeScript("return window.innerWidth;");
    long innerHeight = (Long) driver.executeScript("return window.innerHeight;");
    driver.manage().window().setSize(new Dimension((int) (width + width - innerWidth), (int) (height + height - innerHeight)));
  }

  /** Waits until PrimeFaces has no ajax request in flight. */
  /**
   * Clicks the element with this id once the page's ajax queue is empty, and again if an ajax update (the
   * live preview) replaced it between finding and clicking: seen under load as a stale element.
   */
  void click(String id) {
    for (int attempt = 0; ; attempt++) {
      try {
        ajaxDone();
        driver.findElement(By.id(id)).click();
        return;
      } catch (org.openqa.selenium.StaleElementReferenceException e) {
        if (attempt == 4) {
          throw e;
        }
      }
    }
  }

  void ajaxDone() {
    new WebDriverWait(driver, WAIT)
        .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
            "return !window.PrimeFaces || !PrimeFaces.ajax || PrimeFaces.ajax.Queue.isEmpty();")));
  }

  /** Ticks an item of a PrimeFaces selectCheckboxMenu by its label: scroll it to the middle, open it, filter by the label, click the item. */
  void tick(String menuId, String label) {
    WebElement menu = driver.findElement(By.id(menuId));
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", menu);
    By item = By.xpath("//*[@id='" + menuId + "_panel']//li[contains(., '" + label + "')]");
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        menu.click();
        // A long list (a database that outlived earlier runs) hides the item below the panel's fold: type it
        // into the menu's filter, as a user with many checks would.
        for (WebElement filter : driver.findElements(By.cssSelector("[id='" + menuId + "_panel'] .ui-selectcheckboxmenu-filter-container input"))) {
          filter.clear();
          filter.sendKeys(label);
        }
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(ExpectedConditions.elementToBeClickable(item)).click();
        new WebDriverWait(driver, Duration.ofSeconds(2))
            .until(d -> d.findElement(item).getAttribute("class").contains("ui-selectcheckboxmenu-checked"));
        // Close the panel with its own close button, as a user would, and wait until it no longer covers the form.
        By panel = By.id(menuId + "_panel");
        driver.findElement(panel).findElement(By.cssSelector(".ui-selectcheckboxmenu-close")).click();
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(ExpectedConditions.invisibilityOfElementLocated(panel));
        return;
      } catch (org.openqa.selenium.WebDriverException missed) {
        driver.findElement(By.tagName("body")).sendKeys(Keys.ESCAPE);
      }
    }
    throw evidence(new org.openqa.selenium.TimeoutException("could not tick " + label + " in " + menuId));
  }

  /** Picks an option of a PrimeFaces selectOneMenu the way a user does: open it, click the item. */
  void choose(String menuId, String label) {
    By item = By.cssSelector("[id='" + menuId + "_panel'] li[data-label='" + label + "']");
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        driver.findElement(By.id(menuId)).click();
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(ExpectedConditions.elementToBeClickable(item)).click();
        // The panel opens with an animation: a click during it can miss, so check the choice took.
        new WebDriverWait(driver, Duration.ofSeconds(2))
            .until(ExpectedConditions.textToBe(By.id(menuId + "_label"), label));
        return;
      } catch (org.openqa.selenium.TimeoutException | org.openqa.selenium.ElementNotInteractableException missed) {
        driver.findElement(By.tagName("body")).sendKeys(Keys.ESCAPE);
      }
    }
    throw evidence(new org.openqa.selenium.TimeoutException("could not choose " + label + " in " + menuId));
  }

  /**
   * Types into the CodeMirror editor (named by the id of the textarea it replaces) as a user does: a click
   * into it unless it has the focus already, then the keys, which go where its cursor is.
   */
  void typeInEditor(String textareaId, CharSequence... keys) {
    focusEditor(textareaId);
    new Actions(driver).sendKeys(keys).perform();
  }

  /** A shortcut in the editor, such as Ctrl+Space: the modifier held while the key is pressed. */
  void pressInEditor(String textareaId, Keys modifier, CharSequence key) {
    focusEditor(textareaId);
    new Actions(driver).keyDown(modifier).sendKeys(key).keyUp(modifier).perform();
  }

  void clearEditor(String textareaId) {
    pressInEditor(textareaId, Keys.CONTROL, "a");
    typeInEditor(textareaId, Keys.DELETE);
  }

  private void focusEditor(String textareaId) {
    WebElement editor = editorOf(textareaId);
    if (!editor.getAttribute("class").contains("CodeMirror-focused")) {
      driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", editor);
      editor.click();
    }
  }

  /** What the editor holds, from CodeMirror itself. */
  String editorValue(String textareaId) {
    return (String) driver.executeScript("return arguments[0].CodeMirror.getValue();", editorOf(textareaId));
  }

  WebElement editorOf(String textareaId) {
    return driver.findElement(editor(textareaId));
  }

  /** The code editor that replaces a textarea, once it is on screen. */
  static By editor(String textareaId) {
    return By.xpath("//textarea[@id='" + textareaId + "']/following-sibling::div[contains(@class,'CodeMirror')][1]");
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
   * Every document and ajax answer the page received since the last call, plus the current DOM. Reads what
   * CAPTURE kept and clears it.
   */
  @SuppressWarnings("unchecked")
  List<String> collectResponses() {
    Map<String, Object> kept =
        (Map<String, Object>)
            driver.executeScript(
                """
                try {
                  var n = Number(sessionStorage.getItem('aw-n') || '0'), out = [];
                  for (var i = 0; i < n; i++) out.push(sessionStorage.getItem('aw-' + i));
                  var overflow = sessionStorage.getItem('aw-overflow');
                  sessionStorage.clear();
                  return {items: out, overflow: overflow};
                } catch (e) {
                  return {items: [], overflow: null};
                }
                """);
    if (kept.get("overflow") != null) {
      throw new IllegalStateException("the page could not keep every answer: " + kept.get("overflow"));
    }
    for (Object item : (List<Object>) kept.get("items")) {
      String text = String.valueOf(item);
      int newline = text.indexOf('\n');
      if (text.startsWith("xhr")) {
        ajaxAnswers++;
      } else {
        documents++;
      }
      responses.add(text.substring(newline + 1));
    }
    responses.add(driver.getPageSource());
    return List.copyOf(responses);
  }

  /** How much was captured, for assertion messages. */
  String networkSummary() {
    return documents + " documents and " + ajaxAnswers + " ajax answers captured";
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
