package com.bmo.learning.ingestion.parse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * The text lines of every page with their typography (font size, bold), read with PDFBox's
 * {@link PDFTextStripper} through its {@link TextPosition}s: what clean-up (running lines at the same
 * position) and heading detection (size and weight) need. Not thread-safe; one per parse.
 */
final class PdfLines extends PDFTextStripper {

  // TeX's bold fonts are named CMBX, SFBX, ...; others say Bold, Black, Heavy, Semibold, Demi.
  private static final Pattern BOLD_NAME = Pattern.compile("(?i).*(bold|black|heavy|semibold|demi|cmbx|sfbx|-bx|\\+bx).*");

  /** One line of a page. */
  record Line(String text, float fontSize, boolean bold, boolean paragraphStart) {
  }

  /** One page: its 1-based number and its lines, top to bottom as the content stream draws them. */
  record Page(int number, List<Line> lines) {
  }

  private final List<Page> pages = new ArrayList<>();
  private final LongConsumer extracted;
  private long extractedChars;
  private List<Line> current;
  private final StringBuilder text = new StringBuilder();
  private float sizeSum;
  private int sizeCount;
  private int boldChars;
  private int chars;
  private boolean paragraphStart;
  private int pageNumber;

  private PdfLines(LongConsumer extracted) {
    this.extracted = extracted;
    setLineSeparator("\n");
  }

  /**
   * Every page of {@code pdf} (pages without text have no lines).
   *
   * @param extracted told the characters extracted so far, as they grow; it may throw to stop extraction
   */
  static List<Page> read(PDDocument pdf, LongConsumer extracted) throws IOException {
    PdfLines reader = new PdfLines(extracted);
    reader.getText(pdf);
    return reader.pages;
  }

  @Override
  protected void startPage(PDPage page) throws IOException {
    // Whoever gave up on this document (a job time-out) interrupts the thread: stop at the next page.
    if (Thread.currentThread().isInterrupted()) {
      throw new java.io.InterruptedIOException("interrupted before page " + getCurrentPageNo());
    }
    pageNumber = getCurrentPageNo();
    current = new ArrayList<>();
    resetLine();
  }

  @Override
  protected void endPage(PDPage page) throws IOException {
    finishLine();
    pages.add(new Page(pageNumber, List.copyOf(current)));
  }

  @Override
  protected void writeString(String s, List<TextPosition> positions) {
    text.append(s);
    extractedChars += s.length();
    extracted.accept(extractedChars);
    for (TextPosition p : positions) {
      float size = p.getFontSizeInPt();
      if (size > 0) {
        int n = Math.max(1, p.getUnicode() == null ? 1 : p.getUnicode().length());
        sizeSum += size * n;
        sizeCount += n;
      }
      if (isBold(p.getFont())) {
        boldChars++;
      }
      chars++;
    }
  }

  @Override
  protected void writeWordSeparator() {
    text.append(' ');
  }

  @Override
  protected void writeLineSeparator() {
    finishLine();
  }

  @Override
  protected void writeParagraphStart() {
    paragraphStart = true;
  }

  @Override
  protected void writeParagraphEnd() {
    finishLine();
    paragraphStart = true;
  }

  private void finishLine() {
    String t = text.toString().replace("\u0000", "").strip();
    if (!t.isEmpty() && current != null) {
      current.add(new Line(t, sizeCount == 0 ? 0 : Math.round(sizeSum / sizeCount * 10) / 10f,
          chars > 0 && boldChars * 2 > chars, paragraphStart));
      paragraphStart = false;
    }
    resetLine();
  }

  private void resetLine() {
    text.setLength(0);
    sizeSum = 0;
    sizeCount = 0;
    boldChars = 0;
    chars = 0;
  }

  private static boolean isBold(PDFont font) {
    if (font == null) {
      return false;
    }
    PDFontDescriptor d = font.getFontDescriptor();
    if (d != null && (d.isForceBold() || d.getFontWeight() >= 600)) {
      return true;
    }
    String name = font.getName();
    return name != null && BOLD_NAME.matcher(name.toLowerCase(Locale.ROOT)).matches();
  }
}
