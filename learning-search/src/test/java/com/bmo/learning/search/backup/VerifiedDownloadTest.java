package com.bmo.learning.search.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.commons.codec.digest.DigestUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks a restore makes while a backup streams in: the size bound (a download stops at the recorded
 * size), the SHA-256 on the way, and extraction bounded in proportion to the recorded index size.
 */
class VerifiedDownloadTest {

  @TempDir
  Path dir;

  @Test
  void passesWhatItIsGivenAndHashesIt() throws IOException {
    byte[] data = "an index archive".getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    VerifiedDownload.CheckingStream checking = new VerifiedDownload.CheckingStream(sink, data.length);
    checking.write(data, 0, data.length);
    assertThat(sink.toByteArray()).isEqualTo(data);
    assertThat(checking.count()).isEqualTo(data.length);
    assertThat(checking.sha256Hex()).isEqualTo(DigestUtils.sha256Hex(data));
  }

  @Test
  void stopsAtTheFirstBytePastTheRecordedSizeBeforePassingItOn() throws IOException {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    OutputStream checking = new VerifiedDownload.CheckingStream(sink, 10);
    checking.write(new byte[8], 0, 8);
    assertThatThrownBy(() -> checking.write(new byte[4], 0, 4))
        .isInstanceOf(VerifiedDownload.SizeExceededException.class).hasMessageContaining("10 bytes");
    assertThat(sink.size()).isEqualTo(8);
  }

  @Test
  void aDigestNeedsASizeAndAWellFormedHash() {
    assertThatThrownBy(() -> new BackupDigest(-1, "0".repeat(64), 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BackupDigest(1, "ABC", 1)).isInstanceOf(IllegalArgumentException.class);
    assertThat(new BackupDigest(1, "a".repeat(64), -1).indexBytes()).isEqualTo(-1);
  }

  @Test
  void extractionIsLimitedToAMultipleOfTheRecordedIndexSize() {
    ExtractionLimits ceiling = ExtractionLimits.defaults();
    assertThat(ceiling.proportionateTo(100L << 20).maxExpandedBytes()).isEqualTo(200L << 20);
    assertThat(ceiling.proportionateTo(10).maxExpandedBytes()).isEqualTo(ExtractionLimits.MIN_EXPANDED_BYTES);
    assertThat(ceiling.proportionateTo(1L << 40).maxExpandedBytes()).isEqualTo(ceiling.maxExpandedBytes());
    assertThat(ceiling.proportionateTo(-1)).isEqualTo(ceiling);
    assertThat(ceiling.proportionateTo(5).maxEntries()).isEqualTo(ceiling.maxEntries());
  }

  @Test
  void aTwoGibibyteTarBombIsCutOffAtTheProportionateLimit() throws IOException {
    // 2 GiB of zeros behind one tar header, as 2,048 concatenated gzip members of 1 MiB each (~2 MB).
    byte[] bomb = TarBombs.zeros(2048);
    ExtractionLimits limits = ExtractionLimits.defaults().proportionateTo(4L << 20);
    Path target = dir.resolve("staged");
    assertThatThrownBy(() -> new SafeTarGzExtractor(limits).extract(new ByteArrayInputStream(bomb), target))
        .isInstanceOfSatisfying(UnsafeArchiveException.class,
            e -> assertThat(e.violation()).isEqualTo(UnsafeArchiveException.Violation.EXPANDED_SIZE_LIMIT));
    assertThat(target).doesNotExist();
  }
}
