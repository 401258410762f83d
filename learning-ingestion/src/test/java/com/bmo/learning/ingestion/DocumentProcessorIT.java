package com.bmo.learning.ingestion;

import com.bmo.learning.aws.s3.S3Uri;

import static org.assertj.core.api.Assertions.assertThat;

import com.bmo.learning.aws.s3.UploadResult;
import com.bmo.learning.ingestion.parse.DocumentType;
import com.bmo.learning.ingestion.parse.PdfParser;
import com.bmo.learning.ingestion.process.BatchResult;
import com.bmo.learning.ingestion.process.DocumentProcessor;
import com.bmo.learning.ingestion.process.FileResult;
import com.bmo.learning.ingestion.source.LoaderOptions;
import com.bmo.learning.testfixtures.TestDocuments;
import dev.langchain4j.data.segment.TextSegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DocumentProcessor against the local endpoint, with documents the tests generate. */
class DocumentProcessorIT extends S3IngestionSupport {

  private DocumentProcessor processor() {
    return processor(LoaderOptions.defaults(), 2);
  }

  private DocumentProcessor processor(LoaderOptions options, int parallelism) {
    return DocumentProcessor.builder(storage).loaderOptions(options).chunking(400, 80)
        .parallelism(parallelism).build();
  }

  @Test
  void processFileChunksAMultiPagePdfWithPagesAndObjectMetadata() {
    UploadResult up = put("courses/tax/guide.pdf", TestDocuments.pdf(TestDocuments.lessonPages("tax", 4, 200)));
    try (DocumentProcessor p = processor()) {
      FileResult.Success result = p.processFile(uri("courses/tax/guide.pdf"), Map.of("batch", "2024-q1"));

      assertThat(result.type()).isEqualTo(DocumentType.PDF);
      assertThat(result.pages()).isEqualTo(4);
      assertThat(result.documents()).isEqualTo(4);
      assertThat(result.size()).isEqualTo(up.size());
      assertThat(result.chunks().size()).isGreaterThan(8);
      assertThat(result.chunks()).allSatisfy(c -> {
        assertThat(c.text().length()).isLessThanOrEqualTo(400);
        assertThat(c.metadata().getString(MetadataKeys.SOURCE_URI)).isEqualTo("s3://" + bucket + "/courses/tax/guide.pdf");
        assertThat(c.metadata().getString(MetadataKeys.ETAG)).isEqualTo(up.eTag());
        assertThat(c.metadata().getString("batch")).isEqualTo("2024-q1");
        assertThat(c.metadata().getInteger(MetadataKeys.PAGE)).isBetween(1, 4);
      });
      // The generated pages start with the same two lines ("Lesson tax page N", then the same words):
      // the clean-up removes them as running headers.
      assertThat(result.chunks().get(0).text()).contains("term0x23.").doesNotContain("Lesson tax page");
      assertThat(result.chunks().get(result.chunks().size() - 1).metadata().getInteger(MetadataKeys.PAGE))
          .isEqualTo(4);
      assertThat(result.chunks()).extracting(c -> c.metadata().getString(MetadataKeys.CHUNK_ID))
          .doesNotHaveDuplicates();
    }
  }

  @Test
  void batchWithBadFilesMixedInGivesATypedFailurePerFileAndNeverFails() {
    put("b/good.pdf", TestDocuments.pdf("A good lesson about budgets."));
    put("b/corrupt.pdf", TestDocuments.corruptPdf());
    put("b/encrypted.pdf", TestDocuments.encryptedPdf("pw", "Secret lesson."));
    put("b/no-copy.pdf", TestDocuments.noExtractionPdf("Locked lesson."));
    put("b/empty.txt", new byte[0]);
    put("b/slides.pptx", new byte[] {'P', 'K', 3, 4, 1, 2, 3});
    put("b/huge.txt", TestDocuments.utf8("word ".repeat(5000)));
    put("b/binary.txt", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0});
    put("b/fake.pdf", TestDocuments.utf8("I am not a PDF at all."));
    put("b/scanned.pdf", TestDocuments.pdf("", ""));
    put("b/good.md", TestDocuments.utf8(TestDocuments.MARKDOWN));

    List<S3Uri> uris = List.of("good.pdf", "corrupt.pdf", "encrypted.pdf", "no-copy.pdf", "empty.txt",
        "slides.pptx", "huge.txt", "binary.txt", "fake.pdf", "missing.pdf", "scanned.pdf", "good.md")
        .stream().map(k -> uri("b/" + k)).collect(Collectors.toList());
    uris.add(uri("b/"));
    try (DocumentProcessor p = processor(LoaderOptions.builder().maxFileSize(20_000).build(), 2)) {
      BatchResult result = p.processUris(uris, Map.of());

      assertThat(result.results()).extracting(FileResult::source)
          .containsExactlyElementsOf(uris.stream().map(S3Uri::toString).toList());
      Map<String, Object> outcome = result.results().stream().collect(Collectors.toMap(
          r -> r.source().substring(r.source().lastIndexOf('/') + 1),
          r -> r instanceof FileResult.Failure f ? f.error().getClass() : "ok"));
      assertThat(outcome).containsEntry("good.pdf", "ok")
          .containsEntry("corrupt.pdf", CorruptDocumentException.class)
          .containsEntry("encrypted.pdf", EncryptedDocumentException.class)
          .containsEntry("no-copy.pdf", EncryptedDocumentException.class)
          .containsEntry("empty.txt", EmptyDocumentException.class)
          .containsEntry("slides.pptx", UnsupportedDocumentTypeException.class)
          .containsEntry("huge.txt", DocumentTooLargeException.class)
          .containsEntry("binary.txt", BinaryContentException.class)
          .containsEntry("fake.pdf", ContentMismatchException.class)
          .containsEntry("missing.pdf", SourceNotFoundException.class)
          .containsEntry("scanned.pdf", EmptyDocumentException.class)
          .containsEntry("good.md", "ok")
          .containsEntry("", InvalidSourceException.class);
      assertThat(result.summary().files()).isEqualTo(13);
      assertThat(result.summary().succeeded()).isEqualTo(2);
      assertThat(result.summary().failed()).isEqualTo(11);
      assertThat(result.summary().failuresByCode()).containsEntry("encrypted_document", 2)
          .containsEntry("empty_document", 2).containsEntry("not_found", 1).containsEntry("too_large", 1);
      assertThat(result.failures()).allSatisfy(f -> {
        assertThat(f.error().source()).isEqualTo(f.source());
        assertThat(f.error().getMessage()).startsWith(f.source());
      });
      assertThat(result.chunks()).isNotEmpty();
    }
  }

  @Test
  void mixedLocalPathsAndS3UrisAreProcessedTogether(@TempDir Path dir) throws Exception {
    put("mixed/s3-lesson.pdf", TestDocuments.pdf("From S3: mortgages explained."));
    Path localText = Files.write(dir.resolve("local.txt"), TestDocuments.utf8("From disk: credit scores."));
    Path localHtml = Files.write(dir.resolve("page.html"), TestDocuments.utf8(TestDocuments.HTML));
    List<String> sources = List.of("s3://" + bucket + "/mixed/s3-lesson.pdf", localText.toString(),
        localHtml.toUri().toString(), "s3://" + bucket + "/mixed/absent.txt", "ftp://host/x.pdf");
    try (DocumentProcessor p = processor()) {
      BatchResult result = p.processSources(sources, Map.of("ingest_run", "r-1"));

      assertThat(result.summary().succeeded()).isEqualTo(3);
      assertThat(result.successes()).extracting(s -> s.chunks().get(0).metadata().getString(MetadataKeys.SOURCE_TYPE))
          .containsExactly("s3", "file", "file");
      assertThat(result.successes().get(0).chunks().get(0).text()).isEqualTo("From S3: mortgages explained.");
      assertThat(result.successes().get(1).chunks().get(0).text()).isEqualTo("From disk: credit scores.");
      assertThat(result.successes().get(2).chunks().get(0).text()).contains("Budgeting Basics");
      assertThat(result.chunks()).allSatisfy(c -> assertThat(c.metadata().getString("ingest_run")).isEqualTo("r-1"));
      assertThat(result.failures()).extracting(f -> (Object) f.error().getClass())
          .containsExactly(SourceNotFoundException.class, InvalidSourceException.class);
    }
  }

  @Test
  void userMetadataReachesEveryChunkAndCallerMetadataOverridesIt() {
    put("meta/lesson.md", TestDocuments.utf8(TestDocuments.MARKDOWN + "\n" + "More text. ".repeat(100)),
        Map.of("learner_id", "L-7", "course", "from-object", "title", "object title"));
    try (DocumentProcessor p = processor()) {
      FileResult.Success r = p.processFile(uri("meta/lesson.md"), Map.of("course", "from-caller", "cohort", 3));
      assertThat(r.chunks().size()).isGreaterThan(1);
      assertThat(r.chunks()).allSatisfy(c -> {
        assertThat(c.metadata().getString("learner_id")).isEqualTo("L-7");
        assertThat(c.metadata().getString("course")).isEqualTo("from-caller");
        assertThat(c.metadata().getInteger("cohort")).isEqualTo(3);
        // A user metadata name that collides with a reserved one is kept under a prefix.
        assertThat(c.metadata().getString(MetadataKeys.TITLE)).isEqualTo("Saving for Retirement");
        assertThat(c.metadata().getString("user_title")).isEqualTo("object title");
      });
    }
  }

  @Test
  void reIngestingGivesIdenticalChunkIdsAndAChangedObjectGivesNewOnes() {
    byte[] v1 = TestDocuments.pdf(TestDocuments.lessonPages("stable", 3, 150));
    put("stable/lesson.pdf", v1);
    List<String> first;
    List<String> second;
    try (DocumentProcessor p = processor()) {
      first = ids(p.processFile(uri("stable/lesson.pdf"), Map.of()).chunks());
    }
    try (DocumentProcessor p = processor(LoaderOptions.defaults(), 1)) {
      second = ids(p.processPrefix(uri("stable/"), "*.pdf", Map.of()).chunks());
    }
    assertThat(first).isNotEmpty().doesNotHaveDuplicates();
    assertThat(second).isEqualTo(first);

    put("stable/lesson.pdf", TestDocuments.pdf(TestDocuments.lessonPages("stable-v2", 3, 150)));
    try (DocumentProcessor p = processor()) {
      List<String> changed = ids(p.processFile(uri("stable/lesson.pdf"), Map.of()).chunks());
      assertThat(changed).doesNotContainAnyElementsOf(first);
    }
  }

  @Test
  void textInUtf8AndLatin1MarkdownAndHtmlAreDecodedFromS3() {
    put("t/utf8.txt", TestDocuments.utf8("Intérêts composés: 5 € par mois."));
    put("t/latin1.txt", TestDocuments.latin1("Intérêts composés à long terme."));
    put("t/readme.md", TestDocuments.utf8(TestDocuments.MARKDOWN));
    put("t/page.html", TestDocuments.utf8(TestDocuments.HTML));
    try (DocumentProcessor p = processor()) {
      BatchResult result = p.processPrefix(uri("t/"), null, Map.of());
      Map<String, TextSegment> first = result.successes().stream().collect(Collectors.toMap(
          s -> s.source().substring(s.source().lastIndexOf('/') + 1), s -> s.chunks().get(0)));
      assertThat(result.summary().succeeded()).isEqualTo(4);
      assertThat(first.get("utf8.txt").text()).isEqualTo("Intérêts composés: 5 € par mois.");
      assertThat(first.get("utf8.txt").metadata().getString(MetadataKeys.CHARSET)).isEqualTo("UTF-8");
      assertThat(first.get("latin1.txt").text()).isEqualTo("Intérêts composés à long terme.");
      assertThat(first.get("latin1.txt").metadata().getString(MetadataKeys.CHARSET)).isEqualTo("windows-1252");
      assertThat(first.get("readme.md").text()).startsWith("Saving for Retirement").doesNotContain("**early**", "](");
      assertThat(first.get("readme.md").metadata().getString(MetadataKeys.DOCUMENT_TYPE)).isEqualTo("markdown");
      assertThat(first.get("page.html").text()).contains("A budget tracks income and expenses.")
          .doesNotContain("tracking", "Hidden promo");
    }
  }

  @Test
  void prefixWithNoMatchesIsEmptyAndAMissingBucketIsOneFailure() {
    put("docs/a.txt", TestDocuments.utf8("text"));
    try (DocumentProcessor p = processor()) {
      BatchResult none = p.processPrefix(uri("docs/"), "**/*.pdf", Map.of());
      assertThat(none.results()).isEmpty();
      assertThat(none.summary().files()).isZero();
      assertThat(p.processPrefix(uri("nothing-here/"), null, Map.of()).results()).isEmpty();

      BatchResult missing = p.processPrefix(S3Uri.parse("s3://absent-" + System.nanoTime() + "/x/"), null,
          Map.of());
      assertThat(missing.failures()).singleElement()
          .satisfies(f -> assertThat(f.error()).isInstanceOf(SourceNotFoundException.class));
    }
  }

  @Test
  void temporaryFilesAreGoneAfterABatch(@TempDir Path temp) {
    put("tmp/a.pdf", TestDocuments.pdf(TestDocuments.lessonPages("a", 2, 100)));
    put("tmp/b.pdf", TestDocuments.corruptPdf());
    put("tmp/c.html", TestDocuments.utf8(TestDocuments.HTML));
    put("tmp/d.txt", new byte[] {1, 2, 0, 3});
    LoaderOptions options = LoaderOptions.builder().inMemoryThreshold(0).tempDirectory(temp).build();
    try (DocumentProcessor p = processor(options, 2)) {
      BatchResult result = p.processPrefix(uri("tmp/"), null, Map.of());
      assertThat(result.summary().succeeded()).isEqualTo(2);
      assertThat(result.summary().failed()).isEqualTo(2);
    }
    assertThat(temp).isEmptyDirectory();
  }

  @Test
  void perFileModeAndParallelismGiveTheSameChunksInTheSameOrder() {
    for (int i = 0; i < 6; i++) {
      put("par/lesson-" + i + ".pdf", TestDocuments.pdf(TestDocuments.lessonPages("p" + i, 2, 120)));
    }
    LoaderOptions perFile = LoaderOptions.builder().pdfMode(PdfParser.Mode.PER_FILE).build();
    BatchResult one;
    BatchResult two;
    try (DocumentProcessor p = processor(perFile, 1)) {
      one = p.processPrefix(uri("par/"), "lesson-*.pdf", Map.of());
    }
    try (DocumentProcessor p = processor(perFile, 2)) {
      two = p.processPrefix(uri("par/"), "lesson-*.pdf", Map.of());
    }
    assertThat(one.summary().succeeded()).isEqualTo(6);
    assertThat(one.successes()).allSatisfy(s -> assertThat(s.documents()).isEqualTo(1));
    assertThat(one.chunks()).allSatisfy(c -> assertThat(c.metadata().containsKey(MetadataKeys.PAGE)).isFalse());
    assertThat(ids(two.chunks())).isEqualTo(ids(one.chunks()));
    assertThat(two.results()).extracting(FileResult::source).isSorted();
  }

  private static List<String> ids(List<TextSegment> chunks) {
    return chunks.stream().map(c -> c.metadata().getString(MetadataKeys.CHUNK_ID)).toList();
  }

}
