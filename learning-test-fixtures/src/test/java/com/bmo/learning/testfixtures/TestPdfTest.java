package com.bmo.learning.testfixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.bmo.learning.testfixtures.TestPdf.Line;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class TestPdfTest {

  @Test
  void pagesTitleAndOutlineAreWhatWasAskedFor() throws IOException {
    byte[] bytes = new TestPdf().title("Widget Manual").header("Manual page %d")
        .page(Line.heading("1 Getting started", 16), Line.body("Unpack the widget."))
        .textPage("Configure it.\nThen run it.", 11, 90)
        .bookmark(1, "1 Getting started", 1).bookmark(2, "1.1 Configuring", 2)
        .build();

    try (PDDocument doc = Loader.loadPDF(bytes)) {
      assertThat(doc.getNumberOfPages()).isEqualTo(2);
      assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Widget Manual");
      assertThat(doc.getDocumentCatalog().getDocumentOutline().getFirstChild().getTitle())
          .isEqualTo("1 Getting started");
      assertThat(doc.getDocumentCatalog().getDocumentOutline().getFirstChild().getFirstChild().getTitle())
          .isEqualTo("1.1 Configuring");
      PDFTextStripper text = new PDFTextStripper();
      text.setStartPage(2);
      text.setEndPage(2);
      assertThat(text.getText(doc)).contains("Manual page 2", "Configure it.", "Then run it.");
    }
  }

  @Test
  void longParagraphsAreWrappedAndBlankEntriesAreBlankPages() throws IOException {
    String paragraph = "word ".repeat(60).strip();
    try (PDDocument doc = Loader.loadPDF(TestDocuments.pdf(paragraph, ""))) {
      assertThat(doc.getNumberOfPages()).isEqualTo(2);
      PDFTextStripper text = new PDFTextStripper();
      text.setEndPage(1);
      assertThat(text.getText(doc).strip().lines()).hasSizeGreaterThan(1).allMatch(l -> l.length() <= 90);
      text.setStartPage(2);
      text.setEndPage(2);
      assertThat(text.getText(doc)).isBlank();
    }
  }

  @Test
  void encryptedPdfsNeedTheirPasswordAndImagesMakeThemBig() throws IOException {
    assertThat(catchThrowable(() -> Loader.loadPDF(TestDocuments.encryptedPdf("secret", "Hidden lesson."))))
        .isInstanceOf(InvalidPasswordException.class);
    try (PDDocument doc = Loader.loadPDF(TestDocuments.encryptedPdf("secret", "Hidden lesson."), "secret")) {
      assertThat(new PDFTextStripper().getText(doc)).contains("Hidden lesson.");
    }
    assertThat(TestDocuments.pdfWithImage("Illustrated.", 300).length).isGreaterThan(3 * 300 * 300);
  }

  @Test
  void aPaddedContentStreamIsSmallOnDiskAndBigWhenRead() throws IOException {
    byte[] bomb = TestDocuments.pdfBomb("Interest compounds yearly.", 4L * 1024 * 1024);
    assertThat(bomb.length).isLessThan(64 * 1024);
    try (PDDocument doc = Loader.loadPDF(bomb)) {
      assertThat(doc.getPage(0).getContents().readAllBytes().length).isGreaterThan(4 * 1024 * 1024);
      assertThat(new PDFTextStripper().getText(doc)).contains("Interest compounds yearly.");
    }
    byte[] operators = new TestPdf().textPage("x", 11, 90).contentPadding(100_000, "0 0 m 1 1 l S\n").build();
    try (PDDocument doc = Loader.loadPDF(operators)) {
      assertThat(new String(doc.getPage(0).getContents().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII))
          .contains("0 0 m 1 1 l S\n0 0 m 1 1 l S");
    }
  }

  @Test
  void theCorpusHasTheSameTextForTheSameSeed() throws IOException {
    LessonCorpus.Pdf first = LessonCorpus.generate(2, 42).get(1);
    LessonCorpus.Pdf again = LessonCorpus.generate(2, 42).get(1);
    LessonCorpus.Pdf otherSeed = LessonCorpus.generate(2, 43).get(1);

    assertThat(first.key()).isEqualTo("corpus/module-01/lesson-0001.pdf");
    assertThat(first.pages()).isBetween(2, 6).isEqualTo(again.pages());
    assertThat(text(first.bytes())).isEqualTo(text(again.bytes())).isNotEqualTo(text(otherSeed.bytes()));
  }

  private static String text(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc);
    }
  }
}
