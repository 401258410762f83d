package com.bmo.learning.ingestion;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;

/**
 * PDFs laid out like manuals, made with PDFBox for tests: lines in chosen sizes and weights, running
 * headers and footers, and optionally an outline (bookmarks) pointing at pages.
 */
public final class StructuredPdf {

  /** A line of a page. */
  public record Line(String text, float size, boolean bold) {
    public static Line body(String text) {
      return new Line(text, 10, false);
    }

    public static Line heading(String text, float size) {
      return new Line(text, size, true);
    }
  }

  /** A bookmark: nesting level (1 = top), title, 1-based target page. */
  public record Bookmark(int level, String title, int page) {
  }

  private final List<List<Line>> pages = new ArrayList<>();
  private final List<Bookmark> bookmarks = new ArrayList<>();
  private String title;
  private String header;
  private boolean pageNumbers;

  public StructuredPdf title(String title) {
    this.title = title;
    return this;
  }

  /** A running header on every page; {@code %d} becomes the page number. */
  public StructuredPdf header(String header) {
    this.header = header;
    return this;
  }

  /** A bare page number at the foot of every page. */
  public StructuredPdf pageNumbers() {
    this.pageNumbers = true;
    return this;
  }

  public StructuredPdf page(Line... lines) {
    pages.add(List.of(lines));
    return this;
  }

  public StructuredPdf bookmark(int level, String title, int page) {
    bookmarks.add(new Bookmark(level, title, page));
    return this;
  }

  public byte[] build() {
    try (PDDocument doc = new PDDocument()) {
      PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
      int n = 0;
      for (List<Line> lines : pages) {
        n++;
        PDPage page = new PDPage();
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
          float y = 750;
          if (header != null) {
            y = write(cs, regular, 9, 750, header.formatted(n)) - 10;
          }
          for (Line line : lines) {
            y -= line.size() > 10 ? 8 : 0;
            y = write(cs, line.bold() ? bold : regular, line.size(), y, line.text());
          }
          if (pageNumbers) {
            write(cs, regular, 9, 40, Integer.toString(n));
          }
        }
      }
      if (title != null) {
        PDDocumentInformation info = new PDDocumentInformation();
        info.setTitle(title);
        doc.setDocumentInformation(info);
      }
      if (!bookmarks.isEmpty()) {
        PDDocumentOutline outline = new PDDocumentOutline();
        doc.getDocumentCatalog().setDocumentOutline(outline);
        List<PDOutlineItem> open = new ArrayList<>();
        for (Bookmark b : bookmarks) {
          PDOutlineItem item = new PDOutlineItem();
          item.setTitle(b.title());
          PDPageFitDestination dest = new PDPageFitDestination();
          dest.setPage(doc.getPage(b.page() - 1));
          item.setDestination(dest);
          while (open.size() >= b.level()) {
            open.remove(open.size() - 1);
          }
          if (open.isEmpty()) {
            outline.addLast(item);
          } else {
            open.get(open.size() - 1).addLast(item);
          }
          open.add(item);
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static float write(PDPageContentStream cs, PDType1Font font, float size, float y, String text)
      throws IOException {
    cs.beginText();
    cs.setFont(font, size);
    cs.newLineAtOffset(60, y);
    cs.showText(text);
    cs.endText();
    return y - size * 1.25f;
  }
}
