package com.bmo.learning.ingestion.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bmo.learning.ingestion.DocumentLimitExceededException;
import com.bmo.learning.ingestion.IngestionLimits;
import com.bmo.learning.ingestion.IngestionLimits.Limit;
import com.bmo.learning.testfixtures.TestDocuments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each per-document limit on a generated document: over it fails with the limit named, within it passes. */
class IngestionLimitsTest {

  private static final long MIB = 1024 * 1024;

  @TempDir
  Path dir;

  private FileResult.Success process(IngestionLimits limits, String name, byte[] bytes) throws Exception {
    Path file = Files.write(dir.resolve(name), bytes);
    try (DocumentProcessor p = DocumentProcessor.builder(null).limits(limits).parallelism(1).build()) {
      return p.processLocalFile(file, Map.of());
    }
  }

  private void assertOver(IngestionLimits limits, String name, byte[] bytes, Limit limit, String message) {
    assertThatThrownBy(() -> process(limits, name, bytes))
        .isInstanceOfSatisfying(DocumentLimitExceededException.class, e -> {
          assertThat(e.limit()).isEqualTo(limit);
          assertThat(e.code()).isEqualTo("limit_exceeded");
          assertThat(e.retryable()).isFalse();
          assertThat(e.getMessage()).endsWith(message);
        });
  }

  @Test
  void pagesAreCountedBeforeAnyTextIsExtracted() throws Exception {
    byte[] fivePages = TestDocuments.pdf(TestDocuments.lessonPages("budgets", 5, 40));
    IngestionLimits three = IngestionLimits.builder().maxPages(3).build();
    assertOver(three, "long.pdf", fivePages, Limit.PAGES, "the document has 5 pages; the limit is 3");
    assertThat(process(three.toBuilder().maxPages(5).build(), "ok.pdf", fivePages).pages()).isEqualTo(5);
  }

  @Test
  void aPdfBombIsRefusedBeforeItsStreamsAreInflated() throws Exception {
    byte[] bomb = TestDocuments.pdfBomb("Interest compounds yearly.", 64 * MIB);
    // A few kilobytes that inflate to 64 MiB.
    assertThat(bomb.length).isLessThan(256 * 1024);
    IngestionLimits oneMib = IngestionLimits.builder().maxDecompressedBytes(MIB).build();
    assertOver(oneMib, "bomb.pdf", bomb, Limit.DECOMPRESSED_BYTES,
        "the document has more than 1,048,576 bytes of decompressed PDF streams; the limit is 1,048,576");
    // An ordinary PDF passes under the same limit, and so does a small padded one.
    assertThat(process(oneMib, "lesson.pdf", TestDocuments.pdf(TestDocuments.lessonPages("tax", 3, 80)))
        .chunks()).isNotEmpty();
    assertThat(process(oneMib, "padded.pdf", TestDocuments.pdfBomb("Interest compounds yearly.", 512 * 1024))
        .chunks().get(0).text()).contains("Interest compounds yearly.");
  }

  @Test
  void extractedPdfTextIsCountedAsPagesAreRead() throws Exception {
    byte[] pdf = TestDocuments.pdf(TestDocuments.lessonPages("savings", 4, 60));
    assertOver(IngestionLimits.builder().maxCharacters(500).build(), "wordy.pdf", pdf, Limit.CHARACTERS,
        "the document has more than 500 characters of text; the limit is 500");
  }

  @Test
  void textOverTheCharacterLimitFails() throws Exception {
    String text = "Pay yourself first. ".repeat(500);  // 10,000 characters
    IngestionLimits limits = IngestionLimits.builder().maxCharacters(5_000).build();
    assertOver(limits, "notes.txt", TestDocuments.utf8(text), Limit.CHARACTERS,
        "the document has 10,000 characters of text; the limit is 5,000");
    // Far over (more bytes than four per allowed character): refused before it is decoded.
    assertOver(IngestionLimits.builder().maxCharacters(2_000).build(), "notes.md", TestDocuments.utf8(text),
        Limit.CHARACTERS, "the document has more than 2,000 characters of text; the limit is 2,000");
    assertThat(process(limits.toBuilder().maxCharacters(10_000).build(), "ok.txt", TestDocuments.utf8(text))
        .chunks()).isNotEmpty();
  }

  @Test
  void chunksAreCountedBeforeTheyAreReturned() throws Exception {
    String text = String.join("\n\n", java.util.Collections.nCopies(12,
        "Compound interest grows savings over time. ".repeat(18)));
    IngestionLimits limits = IngestionLimits.builder().maxChunks(5).build();
    assertOver(limits, "long.txt", TestDocuments.utf8(text), Limit.CHUNKS, "chunks; the limit is 5");
    assertThat(process(limits.toBuilder().maxChunks(100).build(), "ok.txt", TestDocuments.utf8(text))
        .chunks()).hasSizeGreaterThan(5);
  }

  @Test
  void inABatchTheDocumentOverALimitFailsAlone() throws Exception {
    Path bomb = Files.write(dir.resolve("bomb.pdf"), TestDocuments.pdfBomb("x", 8 * MIB));
    Path fine = Files.write(dir.resolve("fine.txt"), TestDocuments.utf8("Budget every month."));
    try (DocumentProcessor p = DocumentProcessor.builder(null)
        .limits(IngestionLimits.builder().maxDecompressedBytes(MIB).build()).build()) {
      BatchResult result = p.processLocalFiles(List.of(bomb, fine), Map.of());
      assertThat(result.summary().succeeded()).isEqualTo(1);
      assertThat(result.summary().failuresByCode()).containsEntry("limit_exceeded", 1);
    }
  }

  @Test
  void limitsMustBePositive() {
    assertThatThrownBy(() -> IngestionLimits.builder().maxPages(0).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxPages");
  }
}
