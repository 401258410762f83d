package com.bmo.learning.search.backup;

import java.nio.file.Path;
import java.util.Objects;
import java.util.zip.Deflater;

/**
 * Settings of {@link IndexBackups}.
 *
 * @param workDirectory where full-backup archives are built before upload; null for the system's
 *     temporary directory
 * @param limits bounds on what a restore may expand to
 * @param compressionLevel gzip level, 0..9. Default 1: an index is mostly float32 vectors, which barely
 *     compress; level 6 ({@code tar czf}'s) made the 100,000-vector benchmark archive 0.3% smaller than
 *     level 1 and archived about 15% slower (docs/PERFORMANCE.md)
 */
public record BackupSettings(Path workDirectory, ExtractionLimits limits, int compressionLevel) {

  public BackupSettings {
    Objects.requireNonNull(limits, "limits");
    if (compressionLevel < Deflater.NO_COMPRESSION || compressionLevel > Deflater.BEST_COMPRESSION) {
      throw new IllegalArgumentException("compressionLevel must be 0..9, was " + compressionLevel);
    }
  }

  public static BackupSettings defaults() {
    return new BackupSettings(null, ExtractionLimits.defaults(), 1);
  }

  public BackupSettings withLimits(ExtractionLimits limits) {
    return new BackupSettings(workDirectory, limits, compressionLevel);
  }

  public BackupSettings withWorkDirectory(Path workDirectory) {
    return new BackupSettings(workDirectory, limits, compressionLevel);
  }

  public BackupSettings withCompressionLevel(int level) {
    return new BackupSettings(workDirectory, limits, level);
  }
}
