package com.bmo.learning.ingestion;

import com.bmo.learning.aws.s3.S3Uri;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bmo.learning.aws.s3.UploadResult;
import com.bmo.learning.ingestion.parse.PdfParser;
import com.bmo.learning.ingestion.source.LoadedFile;
import com.bmo.learning.ingestion.source.LoaderOptions;
import com.bmo.learning.ingestion.source.S3DocumentLoader;
import com.bmo.learning.ingestion.source.S3ObjectLoader;
import com.bmo.learning.ingestion.source.S3ObjectSource;
import com.bmo.learning.ingestion.source.S3PrefixLoader;
import com.bmo.learning.testfixtures.TestDocuments;
import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.document.DocumentLoader;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

/** Loaders against the local endpoint: single objects, prefixes with globs, metadata, temp files. */
class S3LoaderIT extends S3IngestionSupport {

  @Test
  void singleObjectLoaderGivesOneDocumentPerPageWithTheObjectsMetadata() {
    Instant before = Instant.now().minusSeconds(60);
    UploadResult up = put("courses/retirement/intro.pdf", TestDocuments.pdfWithTitle("Intro",
        "Page one: RRSP basics.", "Page two: TFSA basics.", "Page three: pensions."),
        Map.of("learner_id", "L-42", "course", "retirement-101"));

    LoadedFile file = new S3ObjectLoader(storage, uri("courses/retirement/intro.pdf"),
        LoaderOptions.defaults()).load();

    assertThat(file.documents()).extracting(Document::text).containsExactly("Page one: RRSP basics.",
        "Page two: TFSA basics.", "Page three: pensions.");
    assertThat(file.version()).isEqualTo(up.eTag());
    for (int i = 0; i < 3; i++) {
      var m = file.documents().get(i).metadata();
      assertThat(m.getString(MetadataKeys.SOURCE_URI)).isEqualTo("s3://" + bucket + "/courses/retirement/intro.pdf");
      assertThat(m.getString(MetadataKeys.BUCKET)).isEqualTo(bucket);
      assertThat(m.getString(MetadataKeys.KEY)).isEqualTo("courses/retirement/intro.pdf");
      assertThat(m.getString(MetadataKeys.FILE_NAME)).isEqualTo("intro.pdf");
      assertThat(m.getString(MetadataKeys.ETAG)).isEqualTo(up.eTag());
      assertThat(m.getString(MetadataKeys.CONTENT_TYPE)).isEqualTo("application/pdf");
      assertThat(m.getString(MetadataKeys.DOCUMENT_TYPE)).isEqualTo("pdf");
      assertThat(m.getLong(MetadataKeys.SIZE)).isEqualTo(up.size());
      assertThat(Instant.parse(m.getString(MetadataKeys.LAST_MODIFIED))).isAfter(before);
      assertThat(m.getInteger(MetadataKeys.PAGE)).isEqualTo(i + 1);
      assertThat(m.getInteger(MetadataKeys.PAGE_COUNT)).isEqualTo(3);
      assertThat(m.getString(MetadataKeys.TITLE)).isEqualTo("Intro");
      assertThat(m.getString("learner_id")).isEqualTo("L-42");
      assertThat(m.getString("course")).isEqualTo("retirement-101");
      assertThat(m.getString(MetadataKeys.DOCUMENT_ID)).isNotBlank();
    }
  }

  @Test
  void objectSourcePlugsIntoLangChain4jsDocumentLoader() {
    put("guide.pdf", TestDocuments.pdf("Alpha.", "Beta."), Map.of("course", "c1"));
    S3ObjectSource source = new S3ObjectSource(storage, uri("guide.pdf"), LoaderOptions.defaults());

    Document doc = DocumentLoader.load(source, new PdfParser(PdfParser.Mode.PER_FILE));

    assertThat(doc.text()).contains("Alpha.").contains("Beta.");
    assertThat(doc.metadata().getString(MetadataKeys.SOURCE_URI)).isEqualTo("s3://" + bucket + "/guide.pdf");
    assertThat(doc.metadata().getString("course")).isEqualTo("c1");
  }

  @Test
  void factoryPicksTheLoaderFromTheUriAndPrefixLoaderAppliesTheGlob() {
    put("lessons/a.pdf", TestDocuments.pdf("A"));
    put("lessons/week-1/b.pdf", TestDocuments.pdf("B"));
    put("lessons/week-1/notes.txt", TestDocuments.utf8("notes"));
    put("lessons/week-2/", new byte[0]); // a "folder" marker
    put("other/c.pdf", TestDocuments.pdf("C"));

    S3DocumentLoader single = S3DocumentLoader.forUri(storage, S3Uri.parse("s3://" + bucket + "/lessons/a.pdf"),
        LoaderOptions.defaults());
    assertThat(single).isInstanceOf(S3ObjectLoader.class);
    assertThat(single.loadDocuments()).extracting(Document::text).containsExactly("A");

    S3DocumentLoader prefix = S3DocumentLoader.forUri(storage, S3Uri.parse("s3://" + bucket + "/lessons/"),
        "**/*.pdf", LoaderOptions.defaults());
    assertThat(prefix).isInstanceOf(S3PrefixLoader.class);
    try (Stream<S3ObjectSource> sources = prefix.sources()) {
      assertThat(sources.map(S3ObjectSource::uri)).containsExactly("s3://" + bucket + "/lessons/a.pdf",
          "s3://" + bucket + "/lessons/week-1/b.pdf");
    }
    assertThat(prefix.loadDocuments()).extracting(Document::text).containsExactly("A", "B");

    S3DocumentLoader all = S3DocumentLoader.forUri(storage, S3Uri.parse("s3://" + bucket + "/lessons/"),
        LoaderOptions.defaults());
    try (Stream<S3ObjectSource> sources = all.sources()) {
      assertThat(sources.count()).isEqualTo(3);
    }
    assertThatThrownBy(() -> S3DocumentLoader.forUri(storage, uri("lessons/a.pdf"), "*.pdf",
        LoaderOptions.defaults())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void versionedObjectsCarryTheirVersionIdAndIdsFollowTheContent(S3Client s3) {
    s3.putBucketVersioning(b -> b.bucket(bucket)
        .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    S3ObjectLoader loader = new S3ObjectLoader(storage, uri("v/lesson.txt"), LoaderOptions.defaults());
    UploadResult first = put("v/lesson.txt", TestDocuments.utf8("Version one of the lesson."));
    LoadedFile v1 = loader.load();
    UploadResult again = put("v/lesson.txt", TestDocuments.utf8("Version one of the lesson."));
    LoadedFile v1Again = loader.load();
    put("v/lesson.txt", TestDocuments.utf8("Version two of the lesson."));
    LoadedFile v2 = loader.load();

    var m1 = v1.documents().get(0).metadata();
    assertThat(m1.getString(MetadataKeys.VERSION_ID)).isEqualTo(first.versionId()).isNotBlank();
    assertThat(v1Again.documents().get(0).metadata().getString(MetadataKeys.VERSION_ID))
        .isEqualTo(again.versionId()).isNotEqualTo(first.versionId());
    // Same bytes, same ETag: the same document id although S3 made a new version.
    assertThat(v1Again.documents().get(0).metadata().getString(MetadataKeys.DOCUMENT_ID))
        .isEqualTo(m1.getString(MetadataKeys.DOCUMENT_ID));
    assertThat(v2.documents().get(0).text()).isEqualTo("Version two of the lesson.");
    assertThat(v2.documents().get(0).metadata().getString(MetadataKeys.DOCUMENT_ID))
        .isNotEqualTo(m1.getString(MetadataKeys.DOCUMENT_ID));
  }

  @Test
  void unicodeAndPercentEncodedKeysLoad() {
    String key = "Über Kurs/€ Spar-Plan #1.md";
    put(key, TestDocuments.utf8("# Plan\n\nÉpargne régulière."));
    String encoded = S3Uri.of(bucket, key).toEncodedString();
    assertThat(encoded).contains("%C3%9Cber%20Kurs");

    LoadedFile viaEncoded = new S3ObjectLoader(storage, S3Uri.parse(encoded), LoaderOptions.defaults()).load();
    LoadedFile viaRaw = new S3ObjectLoader(storage, S3Uri.parse("s3://" + bucket + "/" + key),
        LoaderOptions.defaults()).load();

    assertThat(viaEncoded.documents().get(0).text()).isEqualTo("Plan\n\nÉpargne régulière.");
    assertThat(viaRaw.documents().get(0).text()).isEqualTo(viaEncoded.documents().get(0).text());
    assertThat(viaEncoded.documents().get(0).metadata().getString(MetadataKeys.KEY)).isEqualTo(key);
  }

  @Test
  void missingKeyAndMissingBucketAreNotFound() {
    assertThatThrownBy(() -> new S3ObjectLoader(storage, uri("nope.pdf"), LoaderOptions.defaults()).load())
        .isInstanceOfSatisfying(SourceNotFoundException.class, e -> {
          assertThat(e.source()).isEqualTo("s3://" + bucket + "/nope.pdf");
          assertThat(e.getMessage()).contains("no such object");
        });
    S3Uri missingBucket = S3Uri.parse("s3://no-such-bucket-" + System.nanoTime() + "/a.pdf");
    assertThatThrownBy(() -> new S3ObjectLoader(storage, missingBucket, LoaderOptions.defaults()).load())
        .isInstanceOf(SourceNotFoundException.class).hasMessageContaining("no such bucket");
  }

  @Test
  void objectAboveTheLimitIsRejectedBeforeDownload(@TempDir Path temp) {
    put("big.txt", TestDocuments.utf8("lesson ".repeat(2000)));
    LoaderOptions options = LoaderOptions.builder().maxFileSize(10_000).inMemoryThreshold(0)
        .tempDirectory(temp).build();
    assertThatThrownBy(() -> new S3ObjectLoader(storage, uri("big.txt"), options).load())
        .isInstanceOfSatisfying(DocumentTooLargeException.class, e -> {
          assertThat(e.size()).isEqualTo(14_000);
          assertThat(e.limit()).isEqualTo(10_000);
        });
    assertThat(temp).isEmptyDirectory();
  }

  @Test
  void temporaryFilesAreRemovedAfterParsingSucceedsOrFails(@TempDir Path temp) throws Exception {
    put("ok.pdf", TestDocuments.pdf(TestDocuments.lessonPages("temp", 3, 150)));
    put("bad.pdf", TestDocuments.corruptPdf());
    put("locked.pdf", TestDocuments.encryptedPdf("pw", "secret"));
    // Every object goes through a temporary file.
    LoaderOptions options = LoaderOptions.builder().inMemoryThreshold(0).tempDirectory(temp).build();

    assertThat(new S3ObjectLoader(storage, uri("ok.pdf"), options).load().documents()).hasSize(3);
    assertThatThrownBy(() -> new S3ObjectLoader(storage, uri("bad.pdf"), options).load())
        .isInstanceOf(CorruptDocumentException.class);
    assertThatThrownBy(() -> new S3ObjectLoader(storage, uri("locked.pdf"), options).load())
        .isInstanceOf(EncryptedDocumentException.class);
    assertThat(temp).isEmptyDirectory();

    // LangChain4j's path: the stream is backed by a temporary file opened with DELETE_ON_CLOSE (on
    // Linux the name is unlinked at once; the open stream still reads it).
    S3ObjectSource source = new S3ObjectSource(storage, uri("ok.pdf"), options);
    try (InputStream in = source.inputStream()) {
      assertThat(in.readAllBytes()).startsWith("%PDF-".getBytes());
    }
    assertThat(temp).isEmptyDirectory();
    List<Document> viaLoader = List.of(DocumentLoader.load(source, new PdfParser()));
    // The generated pages start with the same two lines ("Lesson temp page N", then the same words):
    // the clean-up removes them as running headers.
    assertThat(viaLoader.get(0).text()).contains("term0x23.").doesNotContain("Lesson temp page");
    assertThat(temp).isEmptyDirectory();
  }
}
