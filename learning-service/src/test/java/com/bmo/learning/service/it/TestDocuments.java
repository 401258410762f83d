package com.bmo.learning.service.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Lesson documents made on the fly: real PDFs written with PDFBox, one text per page. */
public final class TestDocuments {

  private TestDocuments() {
  }

  /** A PDF with one page per argument; long texts are wrapped over lines. */
  public static byte[] pdf(String... pages) {
    try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      for (String text : pages) {
        PDPage page = new PDPage();
        doc.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
          content.beginText();
          content.setFont(font, 11);
          content.setLeading(14);
          content.newLineAtOffset(50, 740);
          int lines = 0;
          for (String line : wrap(text, 95)) {
            if (lines++ >= 50) {
              break;
            }
            content.showText(line);
            content.newLine();
          }
          content.endText();
        }
      }
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A "PDF bomb": one page with a line of text, its content stream padded with {@code inflatedBytes} of
   * spaces and Flate-compressed (about 1,000 : 1), so a file of a few kilobytes inflates to megabytes.
   */
  static byte[] pdfBomb(String text, long inflatedBytes) {
    try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      org.apache.pdfbox.pdmodel.common.PDStream content = new org.apache.pdfbox.pdmodel.common.PDStream(doc);
      try (java.io.OutputStream raw = content.createOutputStream(org.apache.pdfbox.cos.COSName.FLATE_DECODE)) {
        // No font resource needed: the limit stops the document before its text is read.
        raw.write(("BT 50 740 Td (" + text + ") Tj ET\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        byte[] spaces = new byte[64 * 1024];
        java.util.Arrays.fill(spaces, (byte) ' ');
        for (long left = inflatedBytes; left > 0; left -= spaces.length) {
          raw.write(spaces, 0, (int) Math.min(spaces.length, left));
        }
      }
      page.setContents(content);
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One page of text and a {@code side}×{@code side} incompressible image (about 3·side² bytes). */
  static byte[] pdfWithImage(String text, int side) {
    java.util.Random random = new java.util.Random(side);
    try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(side, side,
          java.awt.image.BufferedImage.TYPE_INT_RGB);
      for (int y = 0; y < side; y++) {
        for (int x = 0; x < side; x++) {
          img.setRGB(x, y, random.nextInt(0x1000000));
        }
      }
      var image = org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory.createFromImage(doc, img);
      try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        content.newLineAtOffset(50, 740);
        content.showText(text);
        content.endText();
        content.drawImage(image, 50, 100, 500, 500);
      }
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static java.util.List<String> wrap(String text, int width) {
    java.util.List<String> lines = new java.util.ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split("\\s+")) {
      if (line.length() + word.length() + 1 > width && line.length() > 0) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }
}
