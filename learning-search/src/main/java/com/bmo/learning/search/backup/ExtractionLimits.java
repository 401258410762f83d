package com.bmo.learning.search.backup;

/**
 * Bounds on what an archive may expand to, so that a hostile or broken backup cannot fill the disk.
 *
 * @param maxEntries entries (files and directories) allowed
 * @param maxExpandedBytes total bytes of file content allowed
 */
public record ExtractionLimits(int maxEntries, long maxExpandedBytes) {

  public ExtractionLimits {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be positive, was " + maxEntries);
    }
    if (maxExpandedBytes < 1) {
      throw new IllegalArgumentException("maxExpandedBytes must be positive, was " + maxExpandedBytes);
    }
  }

  /** 100,000 entries, 64 GiB: far above an index of this platform's size, far below a full disk. */
  public static ExtractionLimits defaults() {
    return new ExtractionLimits(100_000, 64L << 30);
  }
}
