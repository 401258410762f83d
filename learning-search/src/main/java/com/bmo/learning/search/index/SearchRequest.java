package com.bmo.learning.search.index;

import java.util.Objects;

/**
 * A k-nearest-neighbour search.
 *
 * @param vector the question's embedding (copied)
 * @param topK hits wanted, 1..1000
 * @param filter which chunks may be returned; null for all
 * @param minScore hits scoring below this (0..1, see {@link SearchHit#score()}) are dropped; 0 keeps all
 */
public record SearchRequest(float[] vector, int topK, ChunkFilter filter, double minScore) {

  public static final int MAX_TOP_K = 1000;

  public SearchRequest {
    Objects.requireNonNull(vector, "vector");
    vector = vector.clone();
    if (topK < 1 || topK > MAX_TOP_K) {
      throw new IllegalArgumentException("topK must be 1.." + MAX_TOP_K + ", was " + topK);
    }
    if (!(minScore >= 0 && minScore <= 1)) {
      throw new IllegalArgumentException("minScore must be 0..1, was " + minScore);
    }
  }

  public static SearchRequest of(float[] vector, int topK) {
    return new SearchRequest(vector, topK, null, 0);
  }

  public static SearchRequest of(float[] vector, int topK, ChunkFilter filter) {
    return new SearchRequest(vector, topK, filter, 0);
  }

  @Override
  public float[] vector() {
    return vector.clone();
  }

  @Override
  public String toString() {
    return "SearchRequest[" + vector.length + " dims, topK=" + topK + ", filter=" + filter + ", minScore="
        + minScore + "]";
  }
}
