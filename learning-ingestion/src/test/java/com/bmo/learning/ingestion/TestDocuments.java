package com.bmo.learning.ingestion;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Documents generated for tests: PDFs made with PDFBox, text in several charsets, Markdown, HTML. */
public final class TestDocuments {

  private TestDocuments() {
  }

  /** A PDF with one page per entry; each entry's lines are drawn top to bottom. Blank entries: blank pages. */
  public static byte[] pdf(String... pages) {
    return pdf(null, null, null, pages);
  }

  public static byte[] pdfWithTitle(String title, String... pages) {
    return pdf(title, null, null, pages);
  }

  /** A PDF that needs {@code userPassword} to be opened. */
  public static byte[] encryptedPdf(String userPassword, String... pages) {
    return pdf(null, userPassword, new AccessPermission(), pages);
  }

  /** A PDF anyone can open (empty user password) whose permissions forbid extracting text. */
  public static byte[] noExtractionPdf(String... pages) {
    AccessPermission permission = new AccessPermission();
    permission.setCanExtractContent(false);
    return pdf(null, "", permission, pages);
  }

  /** Starts like a PDF, then garbage: what a truncated or damaged upload looks like. */
  public static byte[] corruptPdf() {
    byte[] garbage = new byte[2048];
    new java.util.Random(7).nextBytes(garbage);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R".getBytes(
        StandardCharsets.ISO_8859_1));
    out.writeBytes(garbage);
    return out.toByteArray();
  }

  /** A real PDF cut in half. */
  public static byte[] truncatedPdf() {
    byte[] full = pdf("First page of a lesson that will be cut.", "Second page.");
    return java.util.Arrays.copyOf(full, full.length / 3);
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

  private static byte[] pdf(String title, String userPassword, AccessPermission permission,
      String... pages) {
    try (PDDocument doc = new PDDocument()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      for (String text : pages) {
        PDPage page = new PDPage();
        doc.addPage(page);
        if (text == null || text.isBlank()) {
          continue;
        }
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
          cs.beginText();
          cs.setFont(font, 11);
          cs.setLeading(14);
          cs.newLineAtOffset(50, 740);
          for (String line : wrap(text, 90)) {
            cs.showText(line);
            cs.newLine();
          }
          cs.endText();
        }
      }
      if (title != null) {
        PDDocumentInformation info = new PDDocumentInformation();
        info.setTitle(title);
        doc.setDocumentInformation(info);
      }
      if (permission != null) {
        StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", userPassword,
            permission);
        policy.setEncryptionKeyLength(128);
        doc.protect(policy);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A "PDF bomb": one page with a line of text whose content stream then goes on with
   * {@code inflatedBytes} of spaces, Flate-compressed (about 1,000 : 1), so a file of a few kilobytes
   * inflates to megabytes.
   */
  public static byte[] pdfBomb(String text, long inflatedBytes) {
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        cs.beginText();
        cs.setFont(font, 11);
        cs.newLineAtOffset(50, 740);
        cs.showText(text);
        cs.endText();
      }
      // Append the padding to the page's (Flate-compressed) content stream.
      org.apache.pdfbox.pdmodel.common.PDStream padded = new org.apache.pdfbox.pdmodel.common.PDStream(doc);
      byte[] original;
      try (java.io.InputStream in = page.getContents()) {
        original = in.readAllBytes();
      }
      try (java.io.OutputStream out = padded.createOutputStream(org.apache.pdfbox.cos.COSName.FLATE_DECODE)) {
        out.write(original);
        byte[] spaces = new byte[64 * 1024];
        java.util.Arrays.fill(spaces, (byte) ' ');
        for (long left = inflatedBytes; left > 0; left -= spaces.length) {
          out.write(spaces, 0, (int) Math.min(spaces.length, left));
        }
      }
      page.setContents(padded);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    for (String paragraph : text.split("\n")) {
      StringBuilder line = new StringBuilder();
      for (String word : paragraph.split(" ")) {
        if (line.length() + word.length() + 1 > width && line.length() > 0) {
          lines.add(line.toString());
          line.setLength(0);
        }
        if (line.length() > 0) {
          line.append(' ');
        }
        line.append(word);
      }
      lines.add(line.toString());
    }
    return lines;
  }

  public static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  public static byte[] latin1(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

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
}
