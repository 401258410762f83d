package com.bmo.learning.service.documents;

import com.bmo.learning.ingestion.parse.ContentSniffer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Decides what an upload is from its first bytes, not from its name or the client's Content-Type: a PDF
 * by its {@code %PDF-} header, text when ingestion's {@link ContentSniffer} finds no binary signature, NUL
 * bytes or control characters and the bytes decode as UTF-8 (the upload API takes UTF-8 text only). Among
 * text, the name and a leading {@code <html}/{@code <!doctype html} tell HTML and Markdown from plain text.
 */
public final class FileTypeDetector {

  /** Bytes examined. */
  public static final int HEAD_BYTES = ContentSniffer.HEAD_BYTES;

  private FileTypeDetector() {
  }

  /**
   * The file's type.
   *
   * @throws UnsupportedFileTypeException for binary formats other than PDF and for non-UTF-8 content
   */
  public static FileType detect(byte[] head, String fileName) {
    if (ContentSniffer.isPdf(head)) {
      return FileType.PDF;
    }
    if (head.length == 0) {
      throw new UnsupportedFileTypeException(fileName, "the file is empty");
    }
    ContentSniffer.binaryReason(head).ifPresent(reason -> {
      throw new UnsupportedFileTypeException(fileName, "the content is binary data (" + reason + ")");
    });
    if (!isUtf8(head)) {
      throw new UnsupportedFileTypeException(fileName,
          "the content is neither a PDF nor UTF-8 text (it is not valid UTF-8)");
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

  private static boolean isUtf8(byte[] head) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    // A head shorter than HEAD_BYTES is the whole file; otherwise a multi-byte character cut by its end is
    // no error (endOfInput=false).
    boolean wholeFile = head.length < HEAD_BYTES;
    return !decoder.decode(ByteBuffer.wrap(head), CharBuffer.allocate(head.length), wholeFile).isError();
  }
}
