package com.bmo.learning.benchmarks.ingestion;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A deterministic corpus of lesson-like PDFs made with PDFBox: 2 to 6 pages each, about 45 lines of
 * prose per page, from a fixed seed so every run measures the same bytes.
 */
final class PdfCorpus {

  private static final String[] WORDS = ("budget savings interest compound rate account retirement pension"
      + " mortgage credit score debt loan principal tax deduction income expense inflation portfolio"
      + " diversification risk return bond equity dividend fund index fee statement balance payment"
      + " schedule goal emergency insurance premium policy beneficiary estate will learner course"
      + " lesson module quiz example").split(" ");

  record Pdf(String key, byte[] bytes, int pages) {
  }

  private PdfCorpus() {
  }

  static List<Pdf> generate(int count, long seed) {
    Random random = new Random(seed);
    List<Pdf> pdfs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int pages = 2 + random.nextInt(5);
      pdfs.add(new Pdf(String.format("corpus/module-%02d/lesson-%04d.pdf", i % 10, i), pdf(random, pages),
          pages));
    }
    return pdfs;
  }

  private static byte[] pdf(Random random, int pages) {
    try (PDDocument doc = new PDDocument()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      for (int p = 0; p < pages; p++) {
        PDPage page = new PDPage();
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
          cs.beginText();
          cs.setFont(font, 10);
          cs.setLeading(13);
          cs.newLineAtOffset(50, 750);
          for (int line = 0; line < 45; line++) {
            StringBuilder sb = new StringBuilder();
            while (sb.length() < 95) {
              sb.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
            }
            if (line % 6 == 5) {
              sb.setLength(sb.length() - 1);
              sb.append('.');
            }
            cs.showText(sb.toString().strip());
            cs.newLine();
          }
          cs.endText();
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
