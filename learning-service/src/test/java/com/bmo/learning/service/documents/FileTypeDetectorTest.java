package com.bmo.learning.service.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FileTypeDetectorTest {

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void pdfIsRecognisedByItsHeaderWhateverTheName() {
    assertThat(FileTypeDetector.detect(utf8("%PDF-1.7\n..."), "notes.txt")).isEqualTo(FileType.PDF);
    assertThat(FileTypeDetector.detect(utf8("\n\n  %PDF-1.4"), "x")).isEqualTo(FileType.PDF);
  }

  @Test
  void textTypesComeFromContentAndName() {
    assertThat(FileTypeDetector.detect(utf8("# Title\ntext"), "a.md")).isEqualTo(FileType.MARKDOWN);
    assertThat(FileTypeDetector.detect(utf8("\uFEFF  <!DOCTYPE html><html>"), "page")).isEqualTo(FileType.HTML);
    assertThat(FileTypeDetector.detect(utf8("<p>hi</p>"), "page.htm")).isEqualTo(FileType.HTML);
    assertThat(FileTypeDetector.detect(utf8("Grüße, 你好"), "hello")).isEqualTo(FileType.TEXT);
  }

  @Test
  void aMultiByteCharacterCutAtTheEndOfTheHeadIsStillText() {
    byte[] full = utf8("a".repeat(FileTypeDetector.HEAD_BYTES - 1) + "é");
    byte[] head = Arrays.copyOf(full, FileTypeDetector.HEAD_BYTES);
    assertThat(FileTypeDetector.detect(head, "long.txt")).isEqualTo(FileType.TEXT);
  }

  @Test
  void binaryAndNonUtf8ContentIsRefusedWithTheReason() {
    assertThatThrownBy(() -> FileTypeDetector.detect(new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2}, "a.pdf"))
        .isInstanceOf(UnsupportedFileTypeException.class).hasMessageContaining("PNG");
    assertThatThrownBy(() -> FileTypeDetector.detect(new byte[] {'P', 'K', 3, 4, 0, 0}, "a.docx"))
        .hasMessageContaining("ZIP");
    assertThatThrownBy(() -> FileTypeDetector.detect(new byte[] {'a', 0, 'b'}, "a.txt"))
        .hasMessageContaining("NUL");
    assertThatThrownBy(() -> FileTypeDetector.detect("Café".getBytes(StandardCharsets.ISO_8859_1), "a.txt"))
        .hasMessageContaining("UTF-8");
    assertThatThrownBy(() -> FileTypeDetector.detect(new byte[] {0x7f, 'E', 'L', 'F'}, "run.txt"))
        .hasMessageContaining("executable");
  }
}
