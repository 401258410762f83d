package com.bmo.learning.ingestion.parse;

import com.bmo.learning.ingestion.BinaryContentException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns the bytes of a text file into a string, detecting the charset: a byte order mark wins; otherwise
 * the bytes are decoded as UTF-8 if they are valid UTF-8 (text in another charset with non-ASCII
 * characters almost never is), and as windows-1252 if not (a superset of ISO-8859-1's printable
 * characters: what Western European legacy files use). Bytes 0x81, 0x8D, 0x8F, 0x90 and 0x9D, which
 * windows-1252 leaves undefined, select ISO-8859-1 instead.
 *
 * <p>Other legacy charsets without a declaration (Shift_JIS, GBK, KOI8-R) are not detected; they decode
 * as windows-1252 mojibake. HTML declaring its charset is decoded with it (see {@link HtmlParser}).
 */
public final class TextDecoder {

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  /** Text and the charset it was decoded with. */
  public record DecodedText(String text, Charset charset) {
  }

  private TextDecoder() {
  }

  /**
   * Decodes {@code bytes}; a leading byte order mark is removed.
   *
   * @throws BinaryContentException the bytes contain NUL (outside UTF-16)
   */
  public static DecodedText decode(String source, byte[] bytes) {
    if (ContentSniffer.startsWith(bytes, 0xef, 0xbb, 0xbf)) {
      return new DecodedText(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8),
          StandardCharsets.UTF_8);
    }
    Charset utf16 = utf16Bom(bytes);
    if (utf16 != null) {
      return new DecodedText(new String(bytes, 2, bytes.length - 2, utf16), utf16);
    }
    for (byte b : bytes) {
      if (b == 0) {
        throw new BinaryContentException(source, "the content is binary data (it contains NUL bytes)",
            null);
      }
    }
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
      return new DecodedText(text, StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      Charset legacy = hasWindows1252Holes(bytes) ? StandardCharsets.ISO_8859_1 : WINDOWS_1252;
      return new DecodedText(new String(bytes, legacy), legacy);
    }
  }

  /** Decodes with a known charset (declared by the document), removing a BOM. */
  public static DecodedText decode(byte[] bytes, Charset charset) {
    String text = new String(bytes, charset);
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    return new DecodedText(text, charset);
  }

  /** UTF-16BE or UTF-16LE when the bytes start with that byte order mark, else null. */
  static Charset utf16Bom(byte[] bytes) {
    if (ContentSniffer.startsWith(bytes, 0xfe, 0xff)) {
      return StandardCharsets.UTF_16BE;
    }
    if (ContentSniffer.startsWith(bytes, 0xff, 0xfe)) {
      return StandardCharsets.UTF_16LE;
    }
    return null;
  }

  private static boolean hasWindows1252Holes(byte[] bytes) {
    for (byte b : bytes) {
      int c = b & 0xff;
      if (c == 0x81 || c == 0x8d || c == 0x8f || c == 0x90 || c == 0x9d) {
        return true;
      }
    }
    return false;
  }

  /** Line ends to {@code \n}, trailing white space of the whole text removed. */
  static String normalize(String text) {
    return text.replace("\r\n", "\n").replace('\r', '\n').strip();
  }
}
