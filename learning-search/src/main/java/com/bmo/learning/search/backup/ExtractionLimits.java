package com.bmo.learning.search.backup;

/**
 * Bounds on what an archive may expand to, so that a hostile or broken backup cannot fill the disk.
 *
 * @param maxEntries entries (files and directories) allowed
 * @param maxExpandedBytes total bytes of file content allowed
 */
public record ExtractionLimits(int maxEntries, long maxExpandedBytes) {

  /** How far past its recorded size an index may expand ({@link #proportionateTo}). */
  public static final int SIZE_FACTOR = 2;
  /** The floor of a proportionate limit, so that tiny indexes are not refused for tar headers. */
  public static final long MIN_EXPANDED_BYTES = 1L << 20;

  public ExtractionLimits {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be positive, was " + maxEntries);
    }
    if (maxExpandedBytes < 1) {
      throw new IllegalArgumentException("maxExpandedBytes must be positive, was " + maxExpandedBytes);
    }
  }

  /** 100,000 entries, 64 GiB: the ceiling when a backup's size is not known. */
  public static ExtractionLimits defaults() {
    return new ExtractionLimits(100_000, 64L << 30);
  }

  /**
   * These limits, with the expanded size cut to {@value #SIZE_FACTOR}× the index bytes a backup was
   * recorded with (at least {@link #MIN_EXPANDED_BYTES}): an archive that inflates past what it was made
   * from is refused as soon as it does, not at the ceiling. Unknown ({@code indexBytes < 0}): unchanged.
   */
  public ExtractionLimits proportionateTo(long indexBytes) {
    if (indexBytes < 0) {
      return this;
    }
    long proportionate = indexBytes > (Long.MAX_VALUE / SIZE_FACTOR) ? Long.MAX_VALUE
        : Math.max(MIN_EXPANDED_BYTES, indexBytes * SIZE_FACTOR);
    return new ExtractionLimits(maxEntries, Math.min(maxExpandedBytes, proportionate));
  }
}
