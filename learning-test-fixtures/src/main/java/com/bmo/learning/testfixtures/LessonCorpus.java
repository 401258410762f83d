package com.bmo.learning.testfixtures;

import com.bmo.learning.testfixtures.TestPdf.Line;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic lesson-like PDFs in bulk, from a fixed seed so every run of a benchmark measures the same
 * pages and text (only the PDF's random document id differs), through {@link TestPdf}.
 */
public final class LessonCorpus {

  private static final String[] WORDS = ("budget savings interest compound rate account retirement pension"
      + " mortgage credit score debt loan principal tax deduction income expense inflation portfolio"
      + " diversification risk return bond equity dividend fund index fee statement balance payment"
      + " schedule goal emergency insurance premium policy beneficiary estate will learner course"
      + " lesson module quiz example").split(" ");

  /** One generated PDF: a suggested object key, its bytes and its page count. */
  public record Pdf(String key, byte[] bytes, int pages) {
  }

  private LessonCorpus() {
  }

  /** {@code count} PDFs of 2 to 6 pages, about 45 lines of prose per page, keyed {@code corpus/module-NN/lesson-NNNN.pdf}. */
  public static List<Pdf> generate(int count, long seed) {
    Random random = new Random(seed);
    List<Pdf> pdfs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int pages = 2 + random.nextInt(5);
      TestPdf pdf = new TestPdf();
      for (int p = 0; p < pages; p++) {
        Line[] lines = new Line[45];
        for (int line = 0; line < lines.length; line++) {
          StringBuilder sb = new StringBuilder();
          while (sb.length() < 95) {
            sb.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
          }
          if (line % 6 == 5) {
            sb.setLength(sb.length() - 1);
            sb.append('.');
          }
          lines[line] = Line.body(sb.toString().strip());
        }
        pdf.page(lines);
      }
      pdfs.add(new Pdf(String.format("corpus/module-%02d/lesson-%04d.pdf", i % 10, i), pdf.build(), pages));
    }
    return pdfs;
  }

  /**
   * Lesson {@code n}: three pages of text and a page with a ~1 MB incompressible figure, the size of a
   * typical illustrated lesson.
   */
  public static byte[] illustratedLesson(int n) {
    Random random = new Random(n);
    String[] words = {"fraction", "denominator", "energy", "cell", "budget", "savings", "triangle", "angle",
        "river", "sediment", "climate", "history", "lesson", "example", "practice", "review"};
    TestPdf pdf = new TestPdf();
    for (int p = 0; p < 3; p++) {
      Line[] lines = new Line[40];
      for (int line = 0; line < lines.length; line++) {
        StringBuilder sb = new StringBuilder("Lesson " + n + " page " + (p + 1) + ":");
        for (int w = 0; w < 12; w++) {
          sb.append(' ').append(words[random.nextInt(words.length)]);
        }
        lines[line] = Line.body(sb.toString());
      }
      pdf.page(lines);
    }
    return pdf.page().image(580, n).build();
  }
}
