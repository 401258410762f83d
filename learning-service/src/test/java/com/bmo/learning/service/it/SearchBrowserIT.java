package com.bmo.learning.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.bmo.learning.testfixtures.TestDocuments;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Searching from the page: what a hit shows, the link to the original, and untrusted text kept as text. */
class SearchBrowserIT extends BrowserIT {

  @Test
  void aHitShowsTitleSectionPageAndHighlightAndItsLinkOpensThePdfAtThatPage() throws Exception {
    byte[] pdf = TestDocuments.pdf(
        "Chapter one. Rivers carry sediment from the mountains down to the sea.",
        "Chapter two. Photosynthesis in chloroplasts turns sunlight into chemical energy.");
    String id = api().upload("botany-search.pdf", pdf, Map.of("course", "browser-search")).body().path("id").asText();
    api().awaitTerminal(id, INGESTION);
    signInAsUser();

    driver.findElement(By.id("query")).sendKeys("How do chloroplasts use sunlight?");
    driver.findElement(By.id("search-button")).click();

    WebElement hit = browser.await(Duration.ofSeconds(20)).until(d -> d.findElements(By.cssSelector("#search-results li"))
        .stream().filter(li -> !li.findElements(By.cssSelector("a[data-document-id='" + id + "'][href*='X-Amz-Signature']")).isEmpty())
        .findFirst().orElse(null));
    // What the API says about this passage: the page shows the same title and pages.
    var apiHit = new ArrayList<com.fasterxml.jackson.databind.JsonNode>();
    api().search("How do chloroplasts use sunlight?", 10, Map.of("course", "browser-search")).body().path("hits")
        .forEach(h -> {
          if (h.path("document_id").asText().equals(id) && apiHit.isEmpty()) {
            apiHit.add(h);
          }
        });
    int first = apiHit.get(0).path("page").asInt();
    int last = apiHit.get(0).path("page_end").asInt(first);
    assertThat(hit.findElement(By.tagName("h3")).getText()).isEqualTo(apiHit.get(0).path("title").asText("botany-search.pdf"));
    assertThat(hit.findElement(By.cssSelector(".where")).getText())
        .contains(first == last ? "Page " + first : "Pages " + first + "–" + last);
    List<String> marked = new ArrayList<>();
    hit.findElements(By.cssSelector(".snippet mark")).forEach(m -> marked.add(m.getText().toLowerCase()));
    assertThat(marked).contains("chloroplasts", "sunlight");
    assertThat(driver.findElement(By.id("search-summary")).getText()).contains("for “How do chloroplasts use sunlight?”");

    WebElement link = hit.findElement(By.cssSelector("a.open-original"));
    assertThat(link.getText()).isEqualTo("Open PDF at page " + first);
    String href = link.getAttribute("href");
    assertThat(href).endsWith("#page=" + first).contains("X-Amz-Signature").doesNotContain(env.userKey());
    browser.screenshot("search-results");
    browser.fullPageScreenshot("authors-page");  // the one in the README (docs/images/authors-page.png)

    String page = driver.getWindowHandle();
    link.click();
    browser.await(Duration.ofSeconds(10)).until(d -> d.getWindowHandles().size() == 2);
    String opened = driver.getWindowHandles().stream().filter(h -> !h.equals(page)).findFirst().orElseThrow();
    driver.switchTo().window(opened);
    try {
      browser.await(Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("X-Amz-Signature"));
      assertThat(driver.getCurrentUrl()).isEqualTo(href);
    } finally {
      driver.close();
      driver.switchTo().window(page);
    }
    // The URL needs no key: any client gets the PDF with it until it expires.
    HttpResponse<byte[]> original = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(href.substring(0, href.indexOf('#')))).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(original.statusCode()).isEqualTo(200);
    assertThat(original.body()).isEqualTo(pdf);
  }

  @Test
  void markupInALessonIsShownAsTextNeverRun() {
    String hostile = "Sanitising lesson. Xylophones <img src=x onerror=\"window.pwned=1\"> and "
        + "<script>window.pwned=2</script> <b>bold claims</b> about xylophones.";
    String id = api().upload("hostile.txt", hostile.getBytes(StandardCharsets.UTF_8), Map.of("course", "hostile"))
        .body().path("id").asText();
    api().awaitTerminal(id, INGESTION);
    signInAsUser();

    driver.findElement(By.id("query")).sendKeys("xylophones");
    driver.findElement(By.id("search-button")).click();
    WebElement hit = browser.await(Duration.ofSeconds(20)).until(d -> d.findElements(By.cssSelector("#search-results li"))
        .stream().filter(li -> !li.findElements(By.cssSelector("a[data-document-id='" + id + "']")).isEmpty())
        .findFirst().orElse(null));

    assertThat(hit.findElements(By.cssSelector("img, script, b"))).isEmpty();
    assertThat(js("return window.pwned === undefined")).isEqualTo(true);
    assertThat(hit.findElement(By.cssSelector(".snippet")).getText()).contains("<img src=x onerror=")
        .contains("<script>");
    assertThat(hit.findElements(By.cssSelector(".snippet mark"))).isNotEmpty();
  }
}
