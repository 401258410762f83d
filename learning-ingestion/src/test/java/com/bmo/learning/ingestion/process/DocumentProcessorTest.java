package com.bmo.learning.ingestion.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bmo.learning.ingestion.BinaryContentException;
import com.bmo.learning.ingestion.EmptyDocumentException;
import com.bmo.learning.ingestion.InvalidSourceException;
import com.bmo.learning.ingestion.MetadataKeys;
import com.bmo.learning.ingestion.SourceNotFoundException;
import com.bmo.learning.testfixtures.TestDocuments;
import com.bmo.learning.ingestion.parse.DocumentType;
import com.bmo.learning.ingestion.source.LoaderOptions;
import dev.langchain4j.data.segment.TextSegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Local files only: no endpoint needed. */
class DocumentProcessorTest {

  @TempDir
  Path dir;

  private DocumentProcessor processor() {
    return DocumentProcessor.builder(null).chunking(300, 50).parallelism(2).build();
  }

  @Test
  void localFilesAreProcessedWithMetadata() throws Exception {
    Path pdf = Files.write(dir.resolve("lesson.pdf"), TestDocuments.pdf(TestDocuments.lessonPages("l", 2, 100)));
    Path md = Files.write(dir.resolve("notes.md"), TestDocuments.utf8(TestDocuments.MARKDOWN));
    try (DocumentProcessor p = processor()) {
      BatchResult result = p.processLocalFiles(List.of(pdf, md), Map.of("course", "finance-101"));
      assertThat(result.summary().succeeded()).isEqualTo(2);
      FileResult.Success first = result.successes().get(0);
      assertThat(first.type()).isEqualTo(DocumentType.PDF);
      assertThat(first.pages()).isEqualTo(2);
      assertThat(first.source()).isEqualTo(pdf.toUri().toString());
      TextSegment chunk = first.chunks().get(0);
      assertThat(chunk.metadata().getString(MetadataKeys.SOURCE_TYPE)).isEqualTo("file");
      assertThat(chunk.metadata().getString(MetadataKeys.PATH)).isEqualTo(pdf.toString());
      assertThat(chunk.metadata().getString(MetadataKeys.CONTENT_SHA256)).hasSize(64);
      assertThat(chunk.metadata().getString("course")).isEqualTo("finance-101");
      assertThat(chunk.metadata().getInteger(MetadataKeys.PAGE)).isEqualTo(1);
      assertThat(result.successes().get(1).chunks().get(0).metadata().getString(MetadataKeys.TITLE))
          .isEqualTo("Saving for Retirement");
    }
  }

  @Test
  void badEntriesFailAloneWithTypedErrors() throws Exception {
    Path good = Files.write(dir.resolve("good.txt"), TestDocuments.utf8("Budget every month."));
    Path empty = Files.write(dir.resolve("empty.txt"), new byte[0]);
    Path binary = Files.write(dir.resolve("binary.md"), new byte[] {'P', 'K', 3, 4, 0, 0});
    try (DocumentProcessor p = processor()) {
      BatchResult result = p.processSources(List.of(good.toString(), empty.toUri().toString(),
          binary.toString(), dir.resolve("missing.txt").toString(), "http://example.com/a.pdf",
          "s3://lessons/a.pdf", dir.toString(), "  "), Map.of());
      assertThat(result.results()).hasSize(8);
      assertThat(result.results().get(0)).isInstanceOf(FileResult.Success.class);
      assertThat(errors(result)).containsExactly(null, EmptyDocumentException.class,
          BinaryContentException.class, SourceNotFoundException.class, InvalidSourceException.class,
          InvalidSourceException.class, InvalidSourceException.class, InvalidSourceException.class);
      assertThat(result.failures().get(3).error()).hasMessageContaining("scheme 'http'");
      assertThat(result.failures().get(4).error()).hasMessageContaining("no S3 client");
      assertThat(result.summary().failed()).isEqualTo(7);
      assertThat(result.summary().failuresByCode()).containsEntry("invalid_source", 4)
          .containsEntry("empty_document", 1).containsEntry("binary_content", 1).containsEntry("not_found", 1);
    }
  }

  @Test
  void singleLocalFileGivesStableIdsAcrossRunsAndTypedErrors() throws Exception {
    Path html = Files.write(dir.resolve("page.html"), TestDocuments.utf8(TestDocuments.HTML));
    Path fake = Files.write(dir.resolve("fake.pdf"), TestDocuments.utf8("plain text"));
    try (DocumentProcessor p = processor()) {
      FileResult.Success first = p.processLocalFile(html, Map.of());
      FileResult.Success second = p.processLocalFile(html, Map.of());
      assertThat(first.chunks()).isNotEmpty();
      assertThat(second.chunks()).extracting(c -> c.metadata().getString(MetadataKeys.CHUNK_ID))
          .isEqualTo(first.chunks().stream().map(c -> c.metadata().getString(MetadataKeys.CHUNK_ID)).toList());
      assertThat(first.version()).hasSize(64);
      assertThatThrownBy(() -> p.processLocalFile(fake, Map.of()))
          .isInstanceOf(com.bmo.learning.ingestion.ContentMismatchException.class)
          .hasMessageStartingWith(fake.toUri().toString());
    }
  }

  @Test
  void fileAboveTheSizeLimitIsRejectedBeforeParsing() throws Exception {
    Path big = Files.write(dir.resolve("big.txt"), TestDocuments.utf8("x".repeat(2000)));
    try (DocumentProcessor p = DocumentProcessor.builder(null)
        .loaderOptions(LoaderOptions.builder().maxFileSize(1000).build()).build()) {
      assertThat(p.processLocalFiles(List.of(big), null).failures().get(0).error())
          .isInstanceOfSatisfying(com.bmo.learning.ingestion.DocumentTooLargeException.class, e -> {
            assertThat(e.size()).isEqualTo(2000);
            assertThat(e.limit()).isEqualTo(1000);
          });
    }
  }

  @Test
  void reservedOrUnsupportedMetadataIsRejected() {
    try (DocumentProcessor p = processor()) {
      assertThatThrownBy(() -> p.processLocalFiles(List.of(), Map.of(MetadataKeys.CHUNK_ID, "x")))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reserved");
      assertThatThrownBy(() -> p.processLocalFiles(List.of(), Map.of("when", java.time.Instant.EPOCH)))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("supported");
      assertThatThrownBy(() -> p.processFile(com.bmo.learning.aws.s3.S3Uri.parse("s3://abc/x.pdf"),
          Map.of())).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void emptyBatchHasAnEmptySummary() {
    try (DocumentProcessor p = processor()) {
      BatchResult result = p.processLocalFiles(List.of(), Map.of());
      assertThat(result.results()).isEmpty();
      assertThat(result.summary().files()).isZero();
    }
  }

  private static List<Class<?>> errors(BatchResult result) {
    return result.results().stream()
        .<Class<?>>map(r -> r instanceof FileResult.Failure f ? f.error().getClass() : null).toList();
  }
}
