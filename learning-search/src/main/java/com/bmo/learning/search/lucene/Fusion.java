package com.bmo.learning.search.lucene;

/**
 * How hybrid search merges its keyword and vector result lists.
 */
public enum Fusion {
  /**
   * Reciprocal rank fusion: {@code Σ 1 / (60 + rank)} over the lists a chunk appears in. Needs no score
   * calibration (BM25 is unbounded, cosine is not); the default.
   */
  RECIPROCAL_RANK,
  /**
   * {@code 0.5 · bm25 / max(bm25) + 0.5 · similarity}, similarity {@code (1 + cosine) / 2}; a chunk missing
   * from one list scores 0 there.
   */
  WEIGHTED_SUM
}
