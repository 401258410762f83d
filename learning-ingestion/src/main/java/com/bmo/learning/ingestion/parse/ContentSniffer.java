package com.bmo.learning.ingestion.parse;

import com.bmo.learning.ingestion.BinaryContentException;
import com.bmo.learning.ingestion.ContentMismatchException;
import com.bmo.learning.ingestion.EmptyDocumentException;
import com.bmo.learning.ingestion.IngestionException;
import com.bmo.learning.ingestion.SourceReadException;
import com.bmo.learning.ingestion.UnsupportedDocumentTypeException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Decides a file's {@link DocumentType}: the extension proposes, the first bytes confirm. A {@code .pdf}
 * must start like a PDF; a text file ({@code .txt}, {@code .md}, {@code .html}) must not look like binary
 * data. Mismatches are typed errors, so that garbage never reaches the index as "text".
 */
public final class ContentSniffer {

  /** How many leading bytes are examined. */
  public static final int HEAD_BYTES = 8192;
  /** PDF readers accept the header anywhere in the first 1,024 bytes (ISO 32000-1, Annex H). */
  static final int PDF_HEADER_WINDOW = 1024;
  private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
  /**
   * Share of control characters (other than tab, line feed, form feed, carriage return and escape) above
   * which "text" is binary. Real text has next to none; binary formats have many.
   */
  static final double MAX_CONTROL_SHARE = 0.02;

  private ContentSniffer() {
  }

  /**
   * The confirmed type of {@code content}.
   *
   * @throws UnsupportedDocumentTypeException the extension is not one of ours
   * @throws EmptyDocumentException the file has no bytes
   * @throws ContentMismatchException a {@code .pdf} that is not a PDF
   * @throws BinaryContentException binary data with a text extension
   */
  public static DocumentType detect(Content content) {
    DocumentType type = DocumentType.fromFileName(content.fileName())
        .orElseThrow(() -> unsupported(content.source(), content.fileName()));
    if (content.size() == 0) {
      throw new EmptyDocumentException(content.source(), "the file is empty (0 bytes)", null);
    }
    byte[] head;
    try {
      head = content.head(HEAD_BYTES);
    } catch (IOException e) {
      throw new SourceReadException(content.source(), "cannot read the file: " + e, e);
    }
    confirm(content.source(), type, head);
    return type;
  }

  /** Checks that {@code head} (the first bytes of a file) fits {@code type}; see {@link #detect}. */
  public static void confirm(String source, DocumentType type, byte[] head) throws IngestionException {
    if (type == DocumentType.PDF) {
      if (!isPdf(head)) {
        throw new ContentMismatchException(source, "the name says PDF but the content does not start with"
            + " %PDF-" + signature(head).map(s -> "; it looks like " + s).orElse(""), null);
      }
      return;
    }
    binaryReason(head).ifPresent(reason -> {
      throw new BinaryContentException(source, "the name says " + type.id() + " but the content is binary"
          + " data (" + reason + ")", null);
    });
  }

  /** An error for a file name without a supported extension. */
  public static UnsupportedDocumentTypeException unsupported(String source, String fileName) {
    String ext = DocumentType.extension(fileName);
    return new UnsupportedDocumentTypeException(source, fileName, (ext.isEmpty()
        ? "the file name has no extension" : "." + ext + " files are not supported")
        + "; supported: .pdf, .txt, .text, .md, .markdown, .html, .htm, .xhtml");
  }

  /** True when the PDF header {@code %PDF-} appears in the first 1,024 bytes. */
  public static boolean isPdf(byte[] head) {
    int limit = Math.min(head.length, PDF_HEADER_WINDOW) - PDF_MAGIC.length;
    for (int i = 0; i <= limit; i++) {
      if (Arrays.equals(head, i, i + PDF_MAGIC.length, PDF_MAGIC, 0, PDF_MAGIC.length)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Why {@code head} is not text, or empty when it may be text: a known binary signature, NUL bytes
   * (unless a UTF-16 byte order mark says they belong there), or too many control characters.
   */
  public static Optional<String> binaryReason(byte[] head) {
    Optional<String> signature = signature(head);
    if (signature.isPresent()) {
      return signature;
    }
    if (TextDecoder.utf16Bom(head) != null) {
      return Optional.empty();
    }
    int control = 0;
    for (byte b : head) {
      int c = b & 0xff;
      if (c == 0) {
        return Optional.of("it contains NUL bytes");
      }
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r' && c != 0x1b || c == 0x7f) {
        control++;
      }
    }
    if (head.length > 0 && control > head.length * MAX_CONTROL_SHARE) {
      return Optional.of(control + " control characters in the first " + head.length + " bytes");
    }
    return Optional.empty();
  }

  /** The format a well-known magic number at the start names, such as "a ZIP archive". */
  static Optional<String> signature(byte[] h) {
    if (isPdf(h)) {
      return Optional.of("a PDF");
    }
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
    if (startsWith(h, 0x7f, 'E', 'L', 'F')) {
      return Optional.of("an ELF executable");
    }
    return Optional.empty();
  }

  /** True when {@code h} starts with the given unsigned byte values. */
  static boolean startsWith(byte[] h, int... magic) {
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
