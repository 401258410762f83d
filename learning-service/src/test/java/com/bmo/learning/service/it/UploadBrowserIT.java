package com.bmo.learning.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.bmo.learning.testfixtures.TestDocuments;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;

/** Uploading lessons from the page: progress, status turning INDEXED or FAILED, errors, delete. */
class UploadBrowserIT extends BrowserIT {

  @Test
  void aPickedFileShowsUploadProgressThenItsStatusTurnsIndexed() {
    signInAsUser();
    driver.findElement(By.id("course")).sendKeys("browser-101");
    // Slow the upload down (about 400 KB/s) so that progress is reported part-way, as on a real network.
    ChromiumNetworkConditions slow = new ChromiumNetworkConditions();
    slow.setUploadThroughput(400 * 1024);
    slow.setDownloadThroughput(10 * 1024 * 1024);
    slow.setLatency(Duration.ofMillis(5));
    driver.setNetworkConditions(slow);
    js("""
        window.progressSeen = [];
        new MutationObserver(() => document.querySelectorAll('#uploads li').forEach(li => {
          if (li.dataset.progress) window.progressSeen.push(Number(li.dataset.progress));
        })).observe(document.getElementById('uploads'), {subtree: true, attributes: true, attributeFilter: ['data-progress']});
        """);
    Path pdf = file("photosynthesis-browser.pdf", TestDocuments.pdfWithImage(
        "Photosynthesis turns light, water and carbon dioxide into glucose and oxygen.", 450));
    try {
      pick(pdf);
      WebElement row = awaitUploadFinished("photosynthesis-browser.pdf");
      assertThat(row.getAttribute("data-state")).isEqualTo("done");
      assertThat(row.findElement(By.tagName("progress")).getAttribute("value")).isEqualTo("100");
      assertThat(row.findElement(By.cssSelector(".upload-state")).getText()).startsWith("Uploaded");
      @SuppressWarnings("unchecked")
      List<Long> seen = (List<Long>) js("return window.progressSeen");
      assertThat(seen).as("progress reported part-way").anyMatch(p -> p > 0 && p < 100);
      assertThat(seen).isSorted();

      String id = row.getAttribute("data-document-id");
      WebElement indexed = awaitDocumentRow(id, "INDEXED", INGESTION);
      assertThat(indexed.getText()).contains("photosynthesis-browser.pdf").contains("browser-101");
      assertThat(announced()).contains("photosynthesis-browser.pdf: INDEXED");
      assertThat(api().get("/api/v1/documents/" + id).body().path("course").asText()).isEqualTo("browser-101");
    } finally {
      driver.deleteNetworkConditions();
    }
  }

  @Test
  void droppedFilesAreUploadedTogetherEachWithItsOwnRow() {
    signInAsUser();
    drop(List.of("dropped-one.md", "dropped-two.txt"), List.of(
        "# Drop one\nVolcanoes form where tectonic plates meet.".getBytes(StandardCharsets.UTF_8),
        "Glaciers carve valleys over thousands of years.".getBytes(StandardCharsets.UTF_8)));

    for (String name : List.of("dropped-one.md", "dropped-two.txt")) {
      WebElement row = awaitUploadFinished(name);
      assertThat(row.getAttribute("data-state")).as(name).isEqualTo("done");
      // Listed at once (whatever its status by now): the page refreshes the list after each upload.
      browser.await(Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector(
          "#documents-body tr[data-id='" + row.getAttribute("data-document-id") + "']")).isEmpty());
    }
  }

  @Test
  void aFileOverTheLimitIsRefusedWith413AndAnUnsupportedTypeWith415() {
    signInAsUser();
    byte[] big = new byte[3 * 1024 * 1024];  // the shared service takes 2 MB at most
    new Random(7).nextBytes(big);
    big[0] = '%';
    big[1] = 'P';
    big[2] = 'D';
    big[3] = 'F';
    pick(file("too-big.pdf", big));
    WebElement tooBig = awaitUploadFinished("too-big.pdf");
    assertThat(tooBig.getAttribute("data-state")).isEqualTo("failed");
    assertThat(tooBig.getText()).contains("File too large").contains("HTTP 413");

    byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    pick(file("archive.zip", zip));
    WebElement unsupported = awaitUploadFinished("archive.zip");
    assertThat(unsupported.getAttribute("data-state")).isEqualTo("failed");
    assertThat(unsupported.getText()).contains("Unsupported file type").contains("HTTP 415");
    assertThat(announced()).contains("archive.zip was not uploaded");
  }

  @Test
  void aDocumentThatCannotBeIngestedShowsFailedWithTheReason() {
    signInAsUser();
    pick(file("broken-browser.pdf", "%PDF-1.7\nnot really a PDF".getBytes(StandardCharsets.US_ASCII)));
    WebElement row = awaitUploadFinished("broken-browser.pdf");
    assertThat(row.getAttribute("data-state")).isEqualTo("done");

    WebElement failed = awaitDocumentRow(row.getAttribute("data-document-id"), "FAILED", INGESTION);
    String reason = failed.findElement(By.cssSelector(".failure")).getText();
    assertThat(reason).isNotBlank()
        .isEqualTo(api().get("/api/v1/documents/" + row.getAttribute("data-document-id")).body().path("error").asText());
  }

  @Test
  void deleteRemovesTheDocumentFromTheListAndTheService() {
    String id = api().upload("to-delete.md", "# Delete me\nA lesson about erosion.".getBytes(StandardCharsets.UTF_8),
        java.util.Map.of()).body().path("id").asText();
    signInAsUser();
    // Once INDEXED the row stops changing, so the click cannot land on a row being redrawn.
    WebElement row = awaitDocumentRow(id, "INDEXED", INGESTION);

    row.findElement(By.cssSelector("button[aria-label='Delete to-delete.md']")).click();

    browser.await(Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector("#documents-body tr[data-id='" + id + "']")).isEmpty());
    // A list refresh may drop the row before the DELETE's answer arrives; the announcement follows it.
    browser.await(Duration.ofSeconds(10)).until(d -> announced().contains("Deleted to-delete.md"));
    assertThat(api().get("/api/v1/documents/" + id).status()).isEqualTo(404);
  }
}
