package com.bmo.learning.service.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Base of the tests of the authors' page in Chromium, against the shared running service (so they add
 * no service start-up). One browser per test class; each test starts on a freshly loaded, signed-out page
 * and leaves a screenshot in {@code target/browser-screenshots/}.
 */
abstract class BrowserIT extends ServiceIT {

  static final Duration INGESTION = Duration.ofSeconds(60);
  static Browser browser;
  static Path files;

  ChromeDriver driver;

  @BeforeAll
  static void startBrowser() throws IOException {
    browser = Browser.start();
    files = Files.createTempDirectory("browser-it-files-");
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.close();
      browser = null;
    }
  }

  @BeforeEach
  void openPage() {
    driver = browser.driver;
    // Forget the last test's key on a page of the same origin that runs no script, then open the page.
    driver.get(baseUrl() + "/favicon.svg");
    ((JavascriptExecutor) driver).executeScript("sessionStorage.clear(); localStorage.clear();");
    driver.get(baseUrl() + "/");
    browser.await(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.id("api-key")));
  }

  @AfterEach
  void screenshot(TestInfo test) {
    browser.screenshot(getClass().getSimpleName() + "-" + test.getTestMethod().orElseThrow().getName());
  }

  String baseUrl() {
    return "http://localhost:" + port;
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  void signIn(String key) {
    WebElement field = driver.findElement(By.id("api-key"));
    field.clear();
    field.sendKeys(key);
    driver.findElement(By.id("sign-in-button")).click();
  }

  void signInAsUser() {
    signIn(env.userKey());
    browser.await(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.id("drop-zone")));
  }

  /** A file under a temporary directory, for the file picker. */
  static Path file(String name, byte[] content) {
    try {
      Path dir = Files.createTempDirectory(files, "f");
      return Files.write(dir.resolve(name), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Chooses files with the page's file picker (its {@code <input type=file>}). */
  void pick(Path... chosen) {
    driver.findElement(By.id("file-input")).sendKeys(String.join("\n",
        java.util.Arrays.stream(chosen).map(Path::toString).toList()));
  }

  /**
   * Drops files on the drop zone as a browser does after a drag from the desktop: a {@code drop} event
   * whose DataTransfer holds the files. (WebDriver cannot drag from outside the browser.)
   */
  void drop(List<String> names, List<byte[]> contents) {
    List<String> encoded = contents.stream().map(c -> Base64.getEncoder().encodeToString(c)).toList();
    js("""
        const [names, contents] = [arguments[0], arguments[1]];
        const transfer = new DataTransfer();
        names.forEach((name, i) => {
          const bytes = Uint8Array.from(atob(contents[i]), c => c.charCodeAt(0));
          transfer.items.add(new File([bytes], name));
        });
        const zone = document.getElementById('drop-zone');
        zone.dispatchEvent(new DragEvent('dragover', {bubbles: true, cancelable: true, dataTransfer: transfer}));
        zone.dispatchEvent(new DragEvent('drop', {bubbles: true, cancelable: true, dataTransfer: transfer}));
        """, names, encoded);
  }

  /** The upload row of a file (in the uploads list). */
  WebElement uploadRow(String fileName) {
    return browser.await(Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector("#uploads li")).stream()
        .filter(li -> fileName.equals(li.getAttribute("data-file-name"))).findFirst().orElse(null));
  }

  /** Waits until the upload of the file is done or failed, and returns its row. */
  WebElement awaitUploadFinished(String fileName) {
    return browser.await(Duration.ofSeconds(30)).until(d -> {
      WebElement row = uploadRow(fileName);
      String state = row.getAttribute("data-state");
      return "done".equals(state) || "failed".equals(state) ? row : null;
    });
  }

  /** Waits until the documents table shows the document with that status, and returns its row. */
  WebElement awaitDocumentRow(String documentId, String status, Duration timeout) {
    return browser.await(timeout).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
        "#documents-body tr[data-id='" + documentId + "'][data-status='" + status + "']")));
  }

  /** What the page announced to screen readers (its aria-live region, which is visually hidden). */
  String announced() {
    return (String) js("return document.getElementById('announcer').textContent");
  }
}
