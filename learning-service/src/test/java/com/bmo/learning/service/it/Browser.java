package com.bmo.learning.service.it;

import com.bmo.learning.testsupport.Prerequisite;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver: one browser per test class. The
 * driver and the browser are given by path, so Selenium Manager never looks for (or downloads) either.
 * Without them a local run skips the browser tests; with {@code CI=true} that is a failure.
 */
final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER = Path.of(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));
  static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

  final ChromeDriver driver;
  private final ChromeDriverService service;
  private final Path profile;

  private Browser(ChromeDriver driver, ChromeDriverService service, Path profile) {
    this.driver = driver;
    this.service = service;
    this.profile = profile;
  }

  static Browser start() {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!installed) {
      String missing = "Chromium (" + CHROMIUM + ") and chromedriver (" + CHROMEDRIVER
          + ") are needed: apt-get install chromium chromium-driver (.ci/run does)";
      throw Prerequisite.unavailable(missing);
    }
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    Path profile;
    try {
      profile = Files.createTempDirectory("browser-it-profile-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    // Headless and quiet: no sandbox (CI runs as root), and no background connections, which this
    // machine's closed network refuses.
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1280,1000", "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return new Browser(driver, service, profile);
  }

  WebDriverWait await(Duration timeout) {
    return new WebDriverWait(driver, timeout, Duration.ofMillis(100));
  }

  /** Saves what the page shows now as {@code target/browser-screenshots/<name>.png}. */
  Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path target = SCREENSHOTS.resolve(name + ".png");
      File shot = driver.getScreenshotAs(OutputType.FILE);
      Files.copy(shot.toPath(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The whole page, however long: the window grows to the page's height for the shot. */
  Path fullPageScreenshot(String name) {
    org.openqa.selenium.Dimension before = driver.manage().window().getSize();
    long height = (Long) driver.executeScript("return document.documentElement.scrollHeight");
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(before.getWidth(), (int) height + 120));
    try {
      return screenshot(name);
    } finally {
      driver.manage().window().setSize(before);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      service.stop();
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException ignored) {
        // a temporary directory; the OS cleans it up eventually
      }
    }
  }
}
