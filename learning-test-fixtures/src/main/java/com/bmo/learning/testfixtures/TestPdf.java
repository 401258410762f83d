package com.bmo.learning.testfixtures;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;

/**
 * The one PDF generator of the tests and benchmarks: real PDFs written with PDFBox — pages of lines in
 * chosen sizes and weights or of wrapped body text, a title, running headers and page numbers, an outline
 * (bookmarks), incompressible images, encryption, padded ("bomb") content streams. {@link TestDocuments}
 * has the common shapes ready-made.
 *
 * <pre>{@code
 * byte[] manual = new TestPdf().title("Manual").header("Manual — page %d")
 *     .page(Line.heading("1 Arrays", 16), Line.body("An array holds values."))
 *     .bookmark(1, "1 Arrays", 1).build();
 * }</pre>
 */
public final class TestPdf {

  /** A line of a page: text, font size in points, bold or regular Helvetica. */
  public record Line(String text, float size, boolean bold) {
    /** Body text at 10 pt. */
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

  private record Image(int side, long seed) {
  }

  private record Page(List<Line> lines, List<Image> images) {
  }

  private static final float TOP = 750;
  private static final float BOTTOM = 40;

  private final List<Page> pages = new ArrayList<>();
  private final List<Bookmark> bookmarks = new ArrayList<>();
  private String title;
  private String header;
  private boolean pageNumbers;
  private long contentPadding;
  private byte[] paddingUnit;
  private String userPassword;
  private AccessPermission permission;

  /** The document information's title. */
  public TestPdf title(String title) {
    this.title = title;
    return this;
  }

  /** A running header on every page; {@code %d} becomes the page number. */
  public TestPdf header(String header) {
    this.header = header;
    return this;
  }

  /** A bare page number at the foot of every page. */
  public TestPdf pageNumbers() {
    this.pageNumbers = true;
    return this;
  }

  /** A page with these lines, top to bottom (none: a blank page). */
  public TestPdf page(Line... lines) {
    pages.add(new Page(List.of(lines), new ArrayList<>()));
    return this;
  }

  /**
   * A page of body text at {@code size} points: each {@code \n}-separated paragraph wrapped at about
   * {@code width} characters. Null or blank: a blank page.
   */
  public TestPdf textPage(String text, float size, int width) {
    List<Line> lines = new ArrayList<>();
    if (text != null && !text.isBlank()) {
      for (String line : wrap(text, width)) {
        lines.add(new Line(line, size, false));
      }
    }
    pages.add(new Page(lines, new ArrayList<>()));
    return this;
  }

  /**
   * A {@code side}×{@code side} image of random pixels (incompressible: about 3·side² bytes in the file)
   * drawn on the last page, or on a new page if there is none.
   */
  public TestPdf image(int side, long seed) {
    if (pages.isEmpty()) {
      page();
    }
    pages.get(pages.size() - 1).images().add(new Image(side, seed));
    return this;
  }

  public TestPdf bookmark(int level, String title, int page) {
    bookmarks.add(new Bookmark(level, title, page));
    return this;
  }

  /**
   * Pads the last page's content stream with {@code bytes} of spaces, Flate-compressed (about 1,000 : 1):
   * a small file that inflates to {@code bytes} when read — a "PDF bomb".
   */
  public TestPdf contentPadding(long bytes) {
    return contentPadding(bytes, " ");
  }

  /**
   * The same with {@code unit} repeated instead of spaces: e.g. {@code "0 0 m 1 1 l S\n"}, operators a
   * reader parses and processes one by one, for a bomb that costs work as well as bytes.
   */
  public TestPdf contentPadding(long bytes, String unit) {
    this.contentPadding = bytes;
    this.paddingUnit = unit.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    return this;
  }

  /** Encrypted: {@code userPassword} opens it ("" opens it without asking), {@code permission} applies. */
  public TestPdf encrypted(String userPassword, AccessPermission permission) {
    this.userPassword = userPassword;
    this.permission = permission;
    return this;
  }

  public byte[] build() {
    try (PDDocument doc = new PDDocument()) {
      PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
      int n = 0;
      for (Page content : pages) {
        n++;
        PDPage page = new PDPage();
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
          float y = TOP;
          if (header != null) {
            y = write(cs, regular, 9, y, header.formatted(n)) - 10;
          }
          for (Line line : content.lines()) {
            y -= line.bold() && line.size() > 10 ? 8 : 0; // space above a heading
            y = write(cs, line.bold() ? bold : regular, line.size(), y, line.text());
          }
          if (pageNumbers) {
            write(cs, regular, 9, BOTTOM, Integer.toString(n));
          }
          for (Image image : content.images()) {
            float size = Math.min(500, Math.max(y - BOTTOM - 20, 100));
            cs.drawImage(LosslessFactory.createFromImage(doc, pixels(image)), 50, y - 10 - size, size, size);
          }
        }
      }
      if (contentPadding > 0) {
        pad(doc, doc.getPage(doc.getNumberOfPages() - 1), contentPadding, paddingUnit);
      }
      if (title != null) {
        PDDocumentInformation info = new PDDocumentInformation();
        info.setTitle(title);
        doc.setDocumentInformation(info);
      }
      addOutline(doc);
      if (permission != null) {
        StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", userPassword, permission);
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

  private static void pad(PDDocument doc, PDPage page, long bytes, byte[] unit) throws IOException {
    byte[] original;
    try (InputStream in = page.getContents()) {
      original = in.readAllBytes();
    }
    PDStream padded = new PDStream(doc);
    try (OutputStream out = padded.createOutputStream(COSName.FLATE_DECODE)) {
      out.write(original);
      byte[] block = new byte[unit.length * Math.max(1, 64 * 1024 / unit.length)];
      for (int i = 0; i < block.length; i += unit.length) {
        System.arraycopy(unit, 0, block, i, unit.length);
      }
      for (long left = bytes; left > 0; left -= block.length) {
        out.write(block, 0, (int) Math.min(block.length, left));
      }
    }
    page.setContents(padded);
  }

  private void addOutline(PDDocument doc) {
    if (bookmarks.isEmpty()) {
      return;
    }
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

  private static BufferedImage pixels(Image image) {
    Random random = new Random(image.seed());
    BufferedImage img = new BufferedImage(image.side(), image.side(), BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < image.side(); y++) {
      for (int x = 0; x < image.side(); x++) {
        img.setRGB(x, y, random.nextInt(0x1000000));
      }
    }
    return img;
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

  private static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    for (String paragraph : text.split("\n")) {
      StringBuilder line = new StringBuilder();
      for (String word : paragraph.strip().split("\\s+")) {
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
}
