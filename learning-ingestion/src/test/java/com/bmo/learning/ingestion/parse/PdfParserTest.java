package com.bmo.learning.ingestion.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bmo.learning.ingestion.CorruptDocumentException;
import com.bmo.learning.ingestion.EmptyDocumentException;
import com.bmo.learning.ingestion.EncryptedDocumentException;
import com.bmo.learning.ingestion.MetadataKeys;
import com.bmo.learning.testfixtures.TestDocuments;
import dev.langchain4j.data.document.Document;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfParserTest {

  private static Content pdf(byte[] bytes) {
    return Content.ofBytes("s3://b/lesson.pdf", "lesson.pdf", bytes);
  }

  @Test
  void perPageGivesOneDocumentPerPageWithPageNumbers() {
    byte[] bytes = TestDocuments.pdfWithTitle("Retirement 101", "Page one talks about RRSPs.",
        "Page two talks about TFSAs.", "Page three is about pensions.");
    List<Document> docs = new PdfParser(PdfParser.Mode.PER_PAGE).parse(pdf(bytes));
    assertThat(docs).hasSize(3);
    assertThat(docs).extracting(Document::text).containsExactly("Page one talks about RRSPs.",
        "Page two talks about TFSAs.", "Page three is about pensions.");
    assertThat(docs).extracting(d -> d.metadata().getInteger(MetadataKeys.PAGE)).containsExactly(1, 2, 3);
    assertThat(docs).allSatisfy(d -> {
      assertThat(d.metadata().getInteger(MetadataKeys.PAGE_COUNT)).isEqualTo(3);
      assertThat(d.metadata().getString(MetadataKeys.TITLE)).isEqualTo("Retirement 101");
    });
  }

  @Test
  void perPageSkipsBlankPagesButKeepsNumbering() {
    List<Document> docs = new PdfParser().parse(pdf(TestDocuments.pdf("first", "", "third")));
    assertThat(docs).extracting(d -> d.metadata().getInteger(MetadataKeys.PAGE)).containsExactly(1, 3);
  }

  @Test
  void perFileGivesOneDocument() {
    List<Document> docs = new PdfParser(PdfParser.Mode.PER_FILE)
        .parse(pdf(TestDocuments.pdf("Alpha page.", "Beta page.")));
    assertThat(docs).hasSize(1);
    assertThat(docs.get(0).text()).contains("Alpha page.").contains("Beta page.");
    assertThat(docs.get(0).metadata().containsKey(MetadataKeys.PAGE)).isFalse();
    assertThat(docs.get(0).metadata().getInteger(MetadataKeys.PAGE_COUNT)).isEqualTo(2);
  }

  @Test
  void readsFromAFileAsFromMemory(@TempDir Path dir) throws Exception {
    byte[] bytes = TestDocuments.pdf(TestDocuments.lessonPages("files", 4, 120));
    Path file = dir.resolve("lesson.pdf");
    Files.write(file, bytes);
    PdfParser parser = new PdfParser();
    List<String> fromFile = parser.parse(Content.ofFile("file:" + file, "lesson.pdf", file)).stream()
        .map(Document::text).toList();
    List<String> fromMemory = parser.parse(pdf(bytes)).stream().map(Document::text).toList();
    assertThat(fromFile).hasSize(4).isEqualTo(fromMemory);
  }

  @Test
  void passwordProtectedPdfIsEncrypted() {
    assertThatThrownBy(() -> new PdfParser().parse(pdf(TestDocuments.encryptedPdf("s3cret", "Private"))))
        .isInstanceOfSatisfying(EncryptedDocumentException.class, e -> {
          assertThat(e.code()).isEqualTo("encrypted_document");
          assertThat(e.source()).isEqualTo("s3://b/lesson.pdf");
          assertThat(e.getMessage()).contains("password");
        });
  }

  @Test
  void pdfForbiddingExtractionIsEncrypted() {
    assertThatThrownBy(() -> new PdfParser().parse(pdf(TestDocuments.noExtractionPdf("Locked text"))))
        .isInstanceOf(EncryptedDocumentException.class).hasMessageContaining("forbid");
  }

  @Test
  void damagedPdfIsCorrupt() {
    assertThatThrownBy(() -> new PdfParser().parse(pdf(TestDocuments.corruptPdf())))
        .isInstanceOfSatisfying(CorruptDocumentException.class,
            e -> assertThat(e.code()).isEqualTo("corrupt_document"));
  }

  @Test
  void truncatedPdfIsCorruptOrReadableButNeverGarbage() {
    // PDFBox repairs what it can; a truncated file either fails as corrupt or yields only real text.
    try {
      List<Document> docs = new PdfParser().parse(pdf(TestDocuments.truncatedPdf()));
      assertThat(docs).allSatisfy(d -> assertThat(d.text()).containsAnyOf("lesson", "page"));
    } catch (CorruptDocumentException | EmptyDocumentException expected) {
      assertThat(expected.source()).isEqualTo("s3://b/lesson.pdf");
    }
  }

  @Test
  void pdfWithoutTextIsEmpty() {
    assertThatThrownBy(() -> new PdfParser().parse(pdf(TestDocuments.pdf("", " "))))
        .isInstanceOf(EmptyDocumentException.class).hasMessageContaining("scanned");
  }

  @Test
  void worksAsALangChain4jDocumentParser() {
    Document doc = new PdfParser().parse(new ByteArrayInputStream(TestDocuments.pdf("One.", "Two.")));
    assertThat(doc.text()).isEqualTo("One.\n\nTwo.");
    assertThat(doc.metadata().containsKey(MetadataKeys.PAGE)).isFalse();
    assertThatThrownBy(() -> new PdfParser().parse(new ByteArrayInputStream("not a pdf".getBytes())))
        .isInstanceOf(com.bmo.learning.ingestion.ContentMismatchException.class);
  }

  @Test
  void anInterruptedThreadStopsExtractingAtTheNextPage() {
    byte[] bytes = TestDocuments.pdf(TestDocuments.lessonPages("pensions", 3, 40));
    Thread.currentThread().interrupt();
    try {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PdfParser().parse(pdf(bytes)))
          .isInstanceOf(com.bmo.learning.ingestion.SourceReadException.class)
          .hasMessageEndingWith("text extraction was interrupted");
    } finally {
      Thread.interrupted();
    }
  }
}
