package com.bmo.learning.ingestion.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bmo.learning.ingestion.BinaryContentException;
import com.bmo.learning.ingestion.ContentMismatchException;
import com.bmo.learning.ingestion.EmptyDocumentException;
import com.bmo.learning.testfixtures.TestDocuments;
import com.bmo.learning.ingestion.UnsupportedDocumentTypeException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContentSnifferTest {

  private static Content bytes(String name, byte[] b) {
    return Content.ofBytes("s3://b/" + name, name, b);
  }

  @ParameterizedTest
  @CsvSource({"a.pdf,PDF", "A.PDF,PDF", "x/y/notes.txt,TEXT", "n.text,TEXT", "r.md,MARKDOWN",
      "r.markdown,MARKDOWN", "p.html,HTML", "p.htm,HTML", "p.xhtml,HTML"})
  void typeFromExtension(String name, DocumentType type) {
    assertThat(DocumentType.fromFileName(name)).contains(type);
  }

  @Test
  void realPdfIsConfirmed() {
    assertThat(ContentSniffer.detect(bytes("a.pdf", TestDocuments.pdf("hello")))).isEqualTo(DocumentType.PDF);
  }

  @Test
  void pdfHeaderAfterJunkWithinFirstKilobyteIsAccepted() {
    byte[] pdf = TestDocuments.pdf("hello");
    byte[] withJunk = new byte[pdf.length + 100];
    System.arraycopy(pdf, 0, withJunk, 100, pdf.length);
    assertThat(ContentSniffer.isPdf(withJunk)).isTrue();
    byte[] tooLate = new byte[pdf.length + 1100];
    System.arraycopy(pdf, 0, tooLate, 1100, pdf.length);
    assertThat(ContentSniffer.isPdf(tooLate)).isFalse();
  }

  @Test
  void pdfExtensionWithOtherContentIsAMismatch() {
    assertThatThrownBy(() -> ContentSniffer.detect(bytes("lesson.pdf",
        "just some text, not a PDF".getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(ContentMismatchException.class)
        .hasMessageContaining("s3://b/lesson.pdf")
        .hasMessageContaining("%PDF-");
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0};
    assertThatThrownBy(() -> ContentSniffer.detect(bytes("image.pdf", png)))
        .isInstanceOf(ContentMismatchException.class)
        .hasMessageContaining("PNG image");
  }

  @Test
  void binaryDataWithTextExtensionIsRejected() {
    byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0};
    assertThatThrownBy(() -> ContentSniffer.detect(bytes("notes.txt", zip)))
        .isInstanceOf(BinaryContentException.class).hasMessageContaining("ZIP");
    assertThatThrownBy(() -> ContentSniffer.detect(bytes("notes.md", TestDocuments.pdf("x"))))
        .isInstanceOf(BinaryContentException.class).hasMessageContaining("a PDF");
    byte[] nul = "text\u0000with nul".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> ContentSniffer.detect(bytes("page.html", nul)))
        .isInstanceOf(BinaryContentException.class).hasMessageContaining("NUL");
    byte[] random = new byte[4096];
    new java.util.Random(1).nextBytes(random);
    random[0] = 'a';
    assertThatThrownBy(() -> ContentSniffer.detect(bytes("random.txt", random)))
        .isInstanceOf(BinaryContentException.class);
  }

  @Test
  void textWithFewControlCharactersAndUtf16BomIsText() {
    String text = "Column\tValue\r\nRent\t1200\f\n" + "x".repeat(200);
    assertThat(ContentSniffer.detect(bytes("t.txt", text.getBytes(StandardCharsets.UTF_8))))
        .isEqualTo(DocumentType.TEXT);
    byte[] utf16 = "\uFEFFhello".getBytes(StandardCharsets.UTF_16LE);
    assertThat(ContentSniffer.binaryReason(utf16)).isEmpty();
    assertThat(ContentSniffer.binaryReason(TestDocuments.latin1("café crème"))).isEmpty();
  }

  @Test
  void emptyFileIsEmpty() {
    assertThatThrownBy(() -> ContentSniffer.detect(bytes("e.txt", new byte[0])))
        .isInstanceOf(EmptyDocumentException.class).hasMessageContaining("0 bytes");
    assertThatThrownBy(() -> ContentSniffer.detect(bytes("e.pdf", new byte[0])))
        .isInstanceOf(EmptyDocumentException.class);
  }

  @Test
  void unknownExtensionIsUnsupported() {
    assertThatThrownBy(() -> ContentSniffer.detect(bytes("deck.pptx", new byte[] {1})))
        .isInstanceOfSatisfying(UnsupportedDocumentTypeException.class, e -> {
          assertThat(e.fileName()).isEqualTo("deck.pptx");
          assertThat(e.code()).isEqualTo("unsupported_type");
          assertThat(e.getMessage()).contains(".pptx");
        });
    assertThatThrownBy(() -> ContentSniffer.detect(bytes("README", new byte[] {'a'})))
        .isInstanceOf(UnsupportedDocumentTypeException.class).hasMessageContaining("no extension");
  }
}
