package com.bmo.learning.testfixtures;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;

/**
 * Lesson documents for tests, ready-made: PDFs (through {@link TestPdf}), broken PDFs, text in several
 * charsets, Markdown and HTML.
 */
public final class TestDocuments {

  private TestDocuments() {
  }

  /**
   * A PDF with one page per entry: 11 pt body text, each {@code \n}-separated paragraph wrapped over
   * lines. Blank entries: blank pages.
   */
  public static byte[] pdf(String... pages) {
    return textPages(new TestPdf(), pages).build();
  }

  public static byte[] pdfWithTitle(String title, String... pages) {
    return textPages(new TestPdf().title(title), pages).build();
  }

  /** A PDF that needs {@code userPassword} to be opened. */
  public static byte[] encryptedPdf(String userPassword, String... pages) {
    return textPages(new TestPdf(), pages).encrypted(userPassword, new AccessPermission()).build();
  }

  /** A PDF anyone can open (empty user password) whose permissions forbid extracting text. */
  public static byte[] noExtractionPdf(String... pages) {
    AccessPermission permission = new AccessPermission();
    permission.setCanExtractContent(false);
    return textPages(new TestPdf(), pages).encrypted("", permission).build();
  }

  /**
   * One page of text and a {@code side}×{@code side} incompressible image (about 3·side² bytes): a big
   * illustrated lesson.
   */
  public static byte[] pdfWithImage(String text, int side) {
    return new TestPdf().textPage(text, 12, 90).image(side, side).build();
  }

  /**
   * A "PDF bomb": one page with a line of text whose content stream goes on with {@code inflatedBytes} of
   * spaces, Flate-compressed (about 1,000 : 1), so a file of a few kilobytes inflates to megabytes.
   */
  public static byte[] pdfBomb(String text, long inflatedBytes) {
    return new TestPdf().textPage(text, 11, 90).contentPadding(inflatedBytes).build();
  }

  /** Starts like a PDF, then garbage: what a truncated or damaged upload looks like. */
  public static byte[] corruptPdf() {
    byte[] garbage = new byte[2048];
    new Random(7).nextBytes(garbage);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R".getBytes(
        StandardCharsets.ISO_8859_1));
    out.writeBytes(garbage);
    return out.toByteArray();
  }

  /** A real PDF cut to a third. */
  public static byte[] truncatedPdf() {
    byte[] full = pdf("First page of a lesson that will be cut.", "Second page.");
    return Arrays.copyOf(full, full.length / 3);
  }

  /** {@code n} pages of distinct lesson text, about {@code wordsPerPage} words each. */
  public static String[] lessonPages(String topic, int n, int wordsPerPage) {
    String[] pages = new String[n];
    for (int p = 0; p < n; p++) {
      StringBuilder sb = new StringBuilder();
      for (int w = 0; w < wordsPerPage; w++) {
        sb.append(w % 12 == 11 ? "term" + p + "x" + w + ". " : "word" + (w % 50) + " ");
        if (w % 14 == 13) {
          sb.append('\n');
        }
      }
      pages[p] = "Lesson " + topic + " page " + (p + 1) + "\n" + sb.toString().strip();
    }
    return pages;
  }

  public static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  public static byte[] latin1(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** A Markdown lesson with front matter, two heading levels, a list, a link and a code block. */
  public static final String MARKDOWN = """
      ---
      author: Jane
      tags: [savings]
      ---
      # Saving for Retirement

      Start **early**: compound interest does the *heavy* lifting.

      ## Accounts

      - An RRSP lowers your taxable income.
      - A [TFSA](https://example.com/tfsa) grows tax-free.

      ```
      balance = principal * (1 + rate) ** years
      ```
      """;

  /** An HTML lesson with everything a reader never sees: script, style, hidden and aria-hidden parts. */
  public static final String HTML = """
      <!DOCTYPE html>
      <html><head><title>Budgeting Basics</title>
      <style>body { color: red; } .secret { display: none }</style>
      <script>var tracking = "do-not-index";</script></head>
      <body>
      <nav aria-hidden="true">Skip navigation menu</nav>
      <h1>Budgeting Basics</h1>
      <p>A budget tracks <b>income</b> and <i>expenses</i>.</p>
      <div style="display:none">Hidden promo text</div>
      <p hidden>Also hidden</p>
      <ul><li>Rent</li><li>Groceries</li></ul>
      <noscript>Enable JavaScript</noscript>
      <template><p>Template text</p></template>
      <p>Review it every month.</p>
      </body></html>
      """;

  private static TestPdf textPages(TestPdf pdf, String... pages) {
    for (String page : pages) {
      pdf.textPage(page, 11, 90);
    }
    return pdf;
  }
}
