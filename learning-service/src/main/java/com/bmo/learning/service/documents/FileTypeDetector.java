package com.bmo.learning.service.documents;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides what an upload is from its first bytes, not from its name or the client's Content-Type: a PDF
 * by its {@code %PDF-} header, text by decoding as UTF-8 without NUL bytes or control characters. Known
 * binary formats (images, archives, Office files, executables) and anything else that is not text are
 * refused. Among text, the name and a leading {@code <html}/{@code <!doctype html} tell HTML and
 * Markdown from plain text.
 */
public final class FileTypeDetector {

  /** Bytes examined. */
  public static final int HEAD_BYTES = 8192;
  private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
  /** PDF readers accept the header anywhere in the first 1,024 bytes. */
  private static final int PDF_WINDOW = 1024;

  private FileTypeDetector() {
  }

  /**
   * The file's type.
   *
   * @throws UnsupportedFileTypeException for binary formats other than PDF and for non-UTF-8 content
   */
  public static FileType detect(byte[] head, String fileName) {
    if (isPdf(head)) {
      return FileType.PDF;
    }
    Optional<String> binary = knownBinary(head);
    if (binary.isPresent()) {
      throw new UnsupportedFileTypeException(fileName, "the content is " + binary.get());
    }
    String why = whyNotText(head);
    if (why != null) {
      throw new UnsupportedFileTypeException(fileName, "the content is neither a PDF nor UTF-8 text (" + why + ")");
    }
    String start = new String(head, 0, Math.min(head.length, 512), StandardCharsets.UTF_8)
        .replace("\uFEFF", "").stripLeading().toLowerCase(Locale.ROOT);
    if (FileType.HTML.hasExtension(fileName) || start.startsWith("<!doctype html") || start.startsWith("<html")) {
      return FileType.HTML;
    }
    if (FileType.MARKDOWN.hasExtension(fileName)) {
      return FileType.MARKDOWN;
    }
    return FileType.TEXT;
  }

  static boolean isPdf(byte[] head) {
    int limit = Math.min(head.length, PDF_WINDOW) - PDF_MAGIC.length;
    for (int i = 0; i <= limit; i++) {
      if (Arrays.equals(head, i, i + PDF_MAGIC.length, PDF_MAGIC, 0, PDF_MAGIC.length)) {
        return true;
      }
    }
    return false;
  }

  static Optional<String> knownBinary(byte[] h) {
    if (startsWith(h, 'P', 'K', 3, 4)) {
      return Optional.of("a ZIP archive (such as .docx or .pptx)");
    }
    if (startsWith(h, 0x89, 'P', 'N', 'G')) {
      return Optional.of("a PNG image");
    }
    if (startsWith(h, 0xff, 0xd8, 0xff)) {
      return Optional.of("a JPEG image");
    }
    if (startsWith(h, 'G', 'I', 'F', '8')) {
      return Optional.of("a GIF image");
    }
    if (startsWith(h, 0x1f, 0x8b)) {
      return Optional.of("gzip data");
    }
    if (startsWith(h, 0xd0, 0xcf, 0x11, 0xe0)) {
      return Optional.of("an OLE2 file (such as .doc or .xls)");
    }
    if (startsWith(h, 0x7f, 'E', 'L', 'F') || startsWith(h, 'M', 'Z')) {
      return Optional.of("an executable");
    }
    return Optional.empty();
  }

  /** Null when {@code head} reads as UTF-8 text; else the reason it does not. */
  static String whyNotText(byte[] head) {
    if (head.length == 0) {
      return "it is empty";
    }
    int control = 0;
    for (byte b : head) {
      int c = b & 0xff;
      if (c == 0) {
        return "it contains NUL bytes";
      }
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r' || c == 0x7f) {
        control++;
      }
    }
    if (control > head.length / 50) {
      return control + " control characters in the first " + head.length + " bytes";
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    // A head shorter than HEAD_BYTES is the whole file; otherwise a multi-byte character cut by its end is
    // no error (endOfInput=false).
    boolean wholeFile = head.length < HEAD_BYTES;
    CoderResult result = decoder.decode(ByteBuffer.wrap(head), CharBuffer.allocate(head.length), wholeFile);
    if (result.isError()) {
      return "it is not valid UTF-8";
    }
    return null;
  }

  private static boolean startsWith(byte[] h, int... magic) {
    if (h.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((h[i] & 0xff) != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
