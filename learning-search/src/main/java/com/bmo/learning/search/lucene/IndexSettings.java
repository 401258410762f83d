package com.bmo.learning.search.lucene;

/**
 * How a collection's vectors are indexed and searched.
 *
 * @param dimension vector length, 1..1024 (Lucene's HNSW limit); fixed for the life of a collection
 * @param maxConn HNSW graph degree (Lucene's default 16); higher: better recall, bigger, slower to build
 * @param beamWidth HNSW candidates considered while building (Lucene's default 100)
 * @param searchCandidates candidates the graph search collects per segment before the best {@code topK}
 *     are kept ({@code max(topK, searchCandidates)}); the main recall/latency knob at query time
 * @param ramBufferMb indexing buffer before a segment is flushed
 * @param fusion how hybrid search merges keyword and vector results
 * @param merges how segments are merged (merge policy, background merge after bulk loads)
 */
public record IndexSettings(int dimension, int maxConn, int beamWidth, int searchCandidates,
    double ramBufferMb, Fusion fusion, MergeSettings merges) {

  /** Lucene99HnswVectorsFormat refuses more. */
  public static final int MAX_DIMENSION = 1024;

  public IndexSettings {
    if (dimension < 1 || dimension > MAX_DIMENSION) {
      throw new IllegalArgumentException("dimension must be 1.." + MAX_DIMENSION + ", was " + dimension);
    }
    if (maxConn < 2 || maxConn > 512) {
      throw new IllegalArgumentException("maxConn must be 2..512, was " + maxConn);
    }
    if (beamWidth < 1 || beamWidth > 3200) {
      throw new IllegalArgumentException("beamWidth must be 1..3200, was " + beamWidth);
    }
    if (searchCandidates < 1 || searchCandidates > 10_000) {
      throw new IllegalArgumentException("searchCandidates must be 1..10000, was " + searchCandidates);
    }
    if (!(ramBufferMb >= 1 && ramBufferMb <= 2048)) {
      throw new IllegalArgumentException("ramBufferMb must be 1..2048, was " + ramBufferMb);
    }
    java.util.Objects.requireNonNull(fusion, "fusion");
    java.util.Objects.requireNonNull(merges, "merges");
  }

  public IndexSettings(int dimension, int maxConn, int beamWidth, int searchCandidates, double ramBufferMb) {
    this(dimension, maxConn, beamWidth, searchCandidates, ramBufferMb, Fusion.RECIPROCAL_RANK,
        MergeSettings.defaults());
  }

  /**
   * Defaults for {@code dimension}: maxConn 16, beamWidth 100, 200 search candidates, 64 MB buffer,
   * reciprocal rank fusion, {@link MergeSettings#defaults()}. 200 candidates, not 100: the background merge
   * leaves few segments, so fewer candidates are collected in all; with 200, recall@10 at 100k chunks is that
   * of the unmerged index at 100 (0.994-0.997 vs 0.995-0.996) with vector search in ~0.2x its time
   * (docs/PERFORMANCE.md).
   */
  public static IndexSettings defaults(int dimension) {
    return new IndexSettings(dimension, 16, 100, 200, 64);
  }

  public IndexSettings withHnsw(int maxConn, int beamWidth) {
    return new IndexSettings(dimension, maxConn, beamWidth, searchCandidates, ramBufferMb, fusion, merges);
  }

  public IndexSettings withSearchCandidates(int searchCandidates) {
    return new IndexSettings(dimension, maxConn, beamWidth, searchCandidates, ramBufferMb, fusion, merges);
  }

  public IndexSettings withFusion(Fusion fusion) {
    return new IndexSettings(dimension, maxConn, beamWidth, searchCandidates, ramBufferMb, fusion, merges);
  }

  public IndexSettings withMerges(MergeSettings merges) {
    return new IndexSettings(dimension, maxConn, beamWidth, searchCandidates, ramBufferMb, fusion, merges);
  }

  public IndexSettings withRamBufferMb(double ramBufferMb) {
    return new IndexSettings(dimension, maxConn, beamWidth, searchCandidates, ramBufferMb, fusion, merges);
  }
}
