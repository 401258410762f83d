package com.bmo.learning.ingestion.parse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;

/**
 * Where the sections of a PDF begin: from its outline (bookmarks, with their destination pages) when it
 * has one, else from typography (lines in a larger font than the body text, or bold and numbered) and
 * numbering ("2.3 Title").
 */
final class PdfHeadings {

  /** A section start: its level (1 = top), title, page (1-based) and line on that page (0 = top). */
  record Heading(int level, String title, int page, int line) {
  }

  private static final Pattern NUMBERED = Pattern.compile("((?:\\d+|[A-Z])(?:\\.\\d+)*)\\.?\\s+\\p{L}.*");
  private static final int MAX_HEADING_CHARS = 120;
  private static final int MAX_OUTLINE_ITEMS = 20_000;

  private PdfHeadings() {
  }

  /** Headings from the outline, located on their pages; empty when the PDF has no usable outline. */
  static List<Heading> fromOutline(PDDocument pdf, List<PdfLines.Page> pages) throws IOException {
    PDDocumentOutline outline = pdf.getDocumentCatalog().getDocumentOutline();
    if (outline == null) {
      return List.of();
    }
    Map<PDPage, Integer> pageNumbers = new HashMap<>();
    int n = 1;
    for (PDPage page : pdf.getPages()) {
      pageNumbers.put(page, n++);
    }
    List<Heading> headings = new ArrayList<>();
    collect(pdf, outline.getFirstChild(), 1, pageNumbers, pages, headings);
    if (headings.isEmpty()) {
      return List.of();
    }
    // Document order; an outline may list its items out of page order.
    headings.sort(Comparator.comparingInt(Heading::page).thenComparingInt(Heading::line));
    return headings;
  }

  private static void collect(PDDocument pdf, PDOutlineItem item, int level, Map<PDPage, Integer> pageNumbers,
      List<PdfLines.Page> pages, List<Heading> out) throws IOException {
    for (; item != null && out.size() < MAX_OUTLINE_ITEMS; item = item.getNextSibling()) {
      String title = item.getTitle() == null ? "" : item.getTitle().strip().replaceAll("\\s+", " ");
      PDPage target = null;
      try {
        target = item.findDestinationPage(pdf);
      } catch (IOException | RuntimeException e) {
        // A broken destination: the item still orders its children.
      }
      Integer page = target == null ? null : pageNumbers.get(target);
      if (page != null && !title.isEmpty()) {
        out.add(new Heading(level, title, page, locate(title, pages.get(page - 1))));
      }
      collect(pdf, item.getFirstChild(), level + 1, pageNumbers, pages, out);
      if (item.getNextSibling() == item) {
        break;
      }
    }
  }

  /**
   * The line of {@code page} where the heading {@code title} is printed (section numbers aside, and
   * possibly wrapped over two lines); 0 (the top of the page) when it is not found.
   */
  static int locate(String title, PdfLines.Page page) {
    String want = normal(unnumbered(title));
    if (want.isEmpty()) {
      return 0;
    }
    List<PdfLines.Line> lines = page.lines();
    for (int i = 0; i < lines.size(); i++) {
      String line = normal(unnumbered(lines.get(i).text()));
      if (line.isEmpty() || !want.startsWith(line)) {
        continue;
      }
      if (line.equals(want)
          || (i + 1 < lines.size() && (line + normal(lines.get(i + 1).text())).equals(want))) {
        return i;
      }
    }
    return 0;
  }

  private static String unnumbered(String s) {
    return s.strip().replaceFirst("^(?:(?:chapter|section|appendix|part)\\s+)?(?:\\d+|[A-Z]|[IVX]+)(?:\\.\\d+)*\\.?\\s+", "");
  }

  private static String normal(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
  }

  /**
   * Headings from typography: the body size is the size most characters are set in; a short line set at
   * least 1.5 pt larger is a heading, its level the rank of its size among heading sizes (or the depth of
   * its number, "2.3" = 2, when it has one); a short bold numbered line at body size is a heading too.
   * When every line has the same size and weight, numbered lines "2.3 Title" (two levels or more) are.
   *
   * @param titleLine the document title's position (page 1, line), not a section; -1 if none
   */
  static List<Heading> fromTypography(List<PdfLines.Page> pages, int titleLine) {
    float body = bodySize(pages);
    TreeSet<Float> sizes = new TreeSet<>(Comparator.reverseOrder());
    for (PdfLines.Page page : pages) {
      for (PdfLines.Line line : page.lines()) {
        if (isShortTitle(line.text()) && line.fontSize() >= body + 1.5f) {
          sizes.add(line.fontSize());
        }
      }
    }
    List<Float> ranks = new ArrayList<>(sizes);
    List<Heading> headings = new ArrayList<>();
    for (PdfLines.Page page : pages) {
      List<PdfLines.Line> lines = page.lines();
      for (int i = 0; i < lines.size(); i++) {
        if (page.number() == 1 && i == titleLine) {
          continue;
        }
        PdfLines.Line line = lines.get(i);
        String text = line.text().strip();
        if (!isShortTitle(text)) {
          continue;
        }
        Matcher numbered = NUMBERED.matcher(text);
        int depth = numbered.matches() ? numbered.group(1).split("\\.").length : 0;
        int level;
        if (line.fontSize() >= body + 1.5f) {
          level = depth > 0 ? depth : ranks.indexOf(line.fontSize()) + 1;
        } else if (depth > 0 && line.bold() && Math.abs(line.fontSize() - body) < 1.5f && !text.endsWith(".")) {
          level = depth;
        } else if (ranks.isEmpty() && depth >= 2 && !text.endsWith(".")
            && Character.isUpperCase(text.substring(numbered.end(1)).replaceFirst("^[.\\s]+", "").charAt(0))) {
          level = depth;
        } else {
          continue;
        }
        // A heading set over two lines of the same size is one heading.
        Heading previous = headings.isEmpty() ? null : headings.get(headings.size() - 1);
        if (previous != null && previous.page() == page.number() && previous.line() == i - 1
            && lines.get(i - 1).fontSize() == line.fontSize() && depth == 0) {
          headings.set(headings.size() - 1, new Heading(previous.level(), previous.title() + " " + text,
              previous.page(), previous.line()));
          continue;
        }
        headings.add(new Heading(Math.max(1, level), text, page.number(), i));
      }
    }
    return headings;
  }

  /** The line of page 1 that holds the document title (its largest text, above the body size); -1 if none. */
  static int titleLine(List<PdfLines.Page> pages) {
    if (pages.isEmpty()) {
      return -1;
    }
    float body = bodySize(pages);
    List<PdfLines.Line> first = pages.get(0).lines();
    int best = -1;
    for (int i = 0; i < first.size(); i++) {
      PdfLines.Line line = first.get(i);
      if (isShortTitle(line.text()) && line.fontSize() >= body + 3f
          && (best < 0 || line.fontSize() > first.get(best).fontSize())) {
        best = i;
      }
    }
    return best;
  }

  /** The font size that most characters of the document are set in. */
  static float bodySize(List<PdfLines.Page> pages) {
    Map<Float, Integer> chars = new HashMap<>();
    for (PdfLines.Page page : pages) {
      for (PdfLines.Line line : page.lines()) {
        chars.merge(line.fontSize(), line.text().length(), Integer::sum);
      }
    }
    return chars.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(0f);
  }

  private static boolean isShortTitle(String text) {
    String t = text.strip();
    return t.length() >= 2 && t.length() <= MAX_HEADING_CHARS && t.chars().anyMatch(Character::isLetter);
  }
}
