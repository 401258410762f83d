package com.bmo.learning.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.bmo.learning.testfixtures.TestDocuments;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Signing in and out with an API key, and using the page with the keyboard alone. */
class SignInBrowserIT extends BrowserIT {

  @Test
  void aValidKeySignsInKeepsTheKeyInSessionStorageOnlyAndSurvivesAReload() {
    assertThat(driver.findElement(By.id("workspace")).isDisplayed()).isFalse();

    signInAsUser();

    assertThat(driver.findElement(By.id("sign-in")).isDisplayed()).isFalse();
    assertThat(driver.findElement(By.id("sign-out")).isDisplayed()).isTrue();
    assertThat(js("return sessionStorage.getItem('bmo-learning.api-key')")).isEqualTo(env.userKey());
    assertThat(js("return localStorage.length")).isEqualTo(0L);
    assertThat(driver.getCurrentUrl()).isEqualTo(baseUrl() + "/").doesNotContain(env.userKey());
    assertThat(announced()).contains("Signed in");

    driver.navigate().refresh();
    browser.await(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.id("drop-zone")));

    driver.findElement(By.id("sign-out")).click();
    assertThat(driver.findElement(By.id("api-key")).isDisplayed()).isTrue();
    assertThat(js("return sessionStorage.getItem('bmo-learning.api-key')")).isNull();
    assertThat(driver.findElement(By.id("workspace")).isDisplayed()).isFalse();
  }

  @Test
  void aWrongKeyIsRefusedWithTheServersReason() {
    signIn("bmo_not-a-real-key");

    WebElement error = browser.await(Duration.ofSeconds(10))
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-error")));
    assertThat(error.getText()).contains("Your API key was not accepted").contains("The API key is not valid")
        .contains("HTTP 401");
    assertThat(error.getAttribute("role")).isEqualTo("alert");
    assertThat(driver.findElement(By.id("workspace")).isDisplayed()).isFalse();
    assertThat(js("return sessionStorage.getItem('bmo-learning.api-key')")).isNull();

    // An empty key never reaches the server.
    signIn("");
    assertThat(driver.findElement(By.id("sign-in-error")).getText()).isEqualTo("Enter your API key.");
  }

  @Test
  void everythingWorksFromTheKeyboardWithLabelsAndVisibleFocus() {
    String id = api().upload("keyboard-lesson.pdf", TestDocuments.pdf(
        "Keyboard lesson. Semaphores coordinate threads that share a resource."), Map.of("course", "kbd"))
        .body().path("id").asText();
    api().awaitTerminal(id, INGESTION);

    // Every form control is labelled.
    assertThat(js("""
        return [...document.querySelectorAll('input:not([type=file]), button')]
          .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.textContent.trim())
          .map(e => e.id)""")).asList().isEmpty();

    // The key field has focus at start; type the key and press Enter.
    assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("api-key");
    new Actions(driver).sendKeys(env.userKey()).sendKeys(Keys.ENTER).perform();
    browser.await(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.id("drop-zone")));
    assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("upload-heading");

    // Tab reaches the course field, then the drop zone, which shows a focus ring and opens the picker on Enter.
    js("window.pickerOpened = 0; document.getElementById('file-input').addEventListener('click', e => {"
        + " window.pickerOpened++; e.preventDefault(); });");
    new Actions(driver).sendKeys(Keys.TAB).perform();
    assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("course");
    new Actions(driver).sendKeys(Keys.TAB).perform();
    WebElement zone = driver.switchTo().activeElement();
    assertThat(zone.getAttribute("id")).isEqualTo("drop-zone");
    assertThat(zone.getCssValue("outline-style")).isEqualTo("solid");
    new Actions(driver).sendKeys(Keys.ENTER).perform();
    new Actions(driver).sendKeys(Keys.SPACE).perform();
    assertThat(js("return window.pickerOpened")).isEqualTo(2L);

    // Search with Enter, then Tab onto the result's link.
    driver.findElement(By.id("query")).click();
    new Actions(driver).sendKeys("Which primitive coordinates threads?").sendKeys(Keys.ENTER).perform();
    browser.await(Duration.ofSeconds(20)).until(d -> !d.findElements(By.cssSelector("#search-results a.open-original[href*='X-Amz-Signature']")).isEmpty());
    new Actions(driver).sendKeys(Keys.TAB).perform();  // the search button
    new Actions(driver).sendKeys(Keys.TAB).perform();  // the first result's link
    WebElement link = driver.switchTo().activeElement();
    assertThat(link.getTagName()).isEqualTo("a");
    assertThat(link.getAttribute("href")).contains("X-Amz-Signature");
    assertThat(link.getCssValue("outline-style")).isEqualTo("solid");

    // Delete with the keyboard: focus the document's delete button, press Enter.
    WebElement delete = awaitDocumentRow(id, "INDEXED", Duration.ofSeconds(10)).findElement(By.tagName("button"));
    assertThat(delete.getAttribute("aria-label")).isEqualTo("Delete keyboard-lesson.pdf");
    js("arguments[0].focus()", delete);
    new Actions(driver).sendKeys(Keys.ENTER).perform();
    browser.await(Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector("#documents-body tr[data-id='" + id + "']")).isEmpty());
    assertThat(api().get("/api/v1/documents/" + id).status()).isEqualTo(404);
    // Focus did not fall back to the page: it moved to a neighbouring control.
    assertThat(driver.switchTo().activeElement().getTagName()).isEqualTo("button");
  }
}
