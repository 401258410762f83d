package com.bmo.learning.search.lucene;

/**
 * How a collection keeps its segment count low. Every write commits, so a bulk load (a re-index, many
 * documents at once) writes many small segments; a search visits each segment (a kNN search walks one HNSW
 * graph per segment), so fewer segments answer faster. Two levers, measured in docs/PERFORMANCE.md:
 *
 * <ul>
 *   <li>Lucene's {@code TieredMergePolicy}, which merges as the index grows: {@code segmentsPerTier} segments
 *       of about one size are allowed before they are merged, and segments below {@code floorSegmentMb}
 *       count as that size (so the many small commits of a bulk load merge together early).
 *   <li>A background merge down to {@code mergeTo} segments once a commit leaves more than
 *       {@code mergeAbove}: it runs beside writes and searches (which go on meanwhile), is committed when
 *       done, and is stopped by {@code close()} or a restore.
 * </ul>
 *
 * @param segmentsPerTier TieredMergePolicy's segments per tier, 2..50 (Lucene's default 10): fewer leaves
 *     fewer segments, for more merging while indexing
 * @param floorSegmentMb TieredMergePolicy's floor segment size in MB, 0.1..1024 (Lucene 9's default 2;
 *     Lucene 10 raised it to 16)
 * @param mergeTo segments a background merge leaves, at least 1; with {@code mergeAbove} 0 never used
 * @param mergeAbove segment count of a commit above which a background merge starts; 0: never
 */
public record MergeSettings(double segmentsPerTier, double floorSegmentMb, int mergeTo, int mergeAbove) {

  public MergeSettings {
    if (!(segmentsPerTier >= 2 && segmentsPerTier <= 50)) {
      throw new IllegalArgumentException("segmentsPerTier must be 2..50, was " + segmentsPerTier);
    }
    if (!(floorSegmentMb >= 0.1 && floorSegmentMb <= 1024)) {
      throw new IllegalArgumentException("floorSegmentMb must be 0.1..1024, was " + floorSegmentMb);
    }
    if (mergeTo < 1) {
      throw new IllegalArgumentException("mergeTo must be at least 1, was " + mergeTo);
    }
    if (mergeAbove != 0 && mergeAbove <= mergeTo) {
      throw new IllegalArgumentException("mergeAbove must be 0 (off) or more than mergeTo (" + mergeTo
          + "), was " + mergeAbove);
    }
  }

  /** Lucene 9.12's own: TieredMergePolicy with 10 segments per tier, 2 MB floor, no background merge. */
  public static MergeSettings luceneDefaults() {
    return new MergeSettings(10, 2, 1, 0);
  }

  /**
   * The defaults of {@link IndexSettings#defaults(int)}: Lucene's merge policy, and a background merge down to
   * 3 segments whenever a commit leaves more than 8 (to 3, not 1: Lucene then merges only the smallest
   * segments and leaves the 2 largest as they are, so a trickle of writes does not rewrite the whole index).
   */
  public static MergeSettings defaults() {
    return luceneDefaults().withBackgroundMerge(3, 8);
  }

  public MergeSettings withTiers(double segmentsPerTier, double floorSegmentMb) {
    return new MergeSettings(segmentsPerTier, floorSegmentMb, mergeTo, mergeAbove);
  }

  /** Merge down to {@code mergeTo} segments in the background whenever a commit leaves more than {@code mergeAbove}. */
  public MergeSettings withBackgroundMerge(int mergeTo, int mergeAbove) {
    return new MergeSettings(segmentsPerTier, floorSegmentMb, mergeTo, mergeAbove);
  }

  /** No background merge: only the merge policy. */
  public MergeSettings withoutBackgroundMerge() {
    return new MergeSettings(segmentsPerTier, floorSegmentMb, 1, 0);
  }

  /** Whether commits can start a background merge. */
  public boolean backgroundMerge() {
    return mergeAbove > 0;
  }
}
