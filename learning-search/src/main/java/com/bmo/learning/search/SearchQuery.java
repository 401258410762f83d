package com.bmo.learning.search;

import java.util.Objects;

/**
 * A search.
 *
 * @param text the question as typed; matched by keyword (needed unless the mode is
 *     {@link SearchMode#VECTOR})
 * @param vector the question's embedding (copied; needed unless the mode is {@link SearchMode#KEYWORD})
 * @param filter which chunks may be returned; null for all. Applied inside both the keyword and the vector
 *     search, so a filter never leaves fewer than {@code k} hits while more match.
 * @param mode hybrid (default), vector or keyword
 * @param k hits wanted, 1..{@value #MAX_K}
 * @param minScore vector hits whose similarity score ({@code (1 + cosine) / 2}, 0..1) is below this are
 *     dropped (in vector and hybrid mode); 0 keeps all
 */
public record SearchQuery(String text, float[] vector, ChunkFilter filter, SearchMode mode, int k,
    double minScore) {

  public static final int MAX_K = 1000;

  public SearchQuery {
    Objects.requireNonNull(mode, "mode");
    if (mode.usesText() && (text == null || text.isBlank())) {
      throw new IllegalArgumentException(mode + " search needs the question's text");
    }
    if (mode.usesVector() && vector == null) {
      throw new IllegalArgumentException(mode + " search needs the question's embedding");
    }
    vector = vector == null ? null : vector.clone();
    if (k < 1 || k > MAX_K) {
      throw new IllegalArgumentException("k must be 1.." + MAX_K + ", was " + k);
    }
    if (!(minScore >= 0 && minScore <= 1)) {
      throw new IllegalArgumentException("minScore must be 0..1, was " + minScore);
    }
  }

  /** Hybrid search for {@code text} with its embedding. */
  public static SearchQuery hybrid(String text, float[] vector, int k) {
    return new SearchQuery(text, vector, null, SearchMode.HYBRID, k, 0);
  }

  /** Nearest neighbours of {@code vector}. */
  public static SearchQuery vector(float[] vector, int k) {
    return new SearchQuery(null, vector, null, SearchMode.VECTOR, k, 0);
  }

  /** BM25 over text and section title. */
  public static SearchQuery keyword(String text, int k) {
    return new SearchQuery(text, null, null, SearchMode.KEYWORD, k, 0);
  }

  public SearchQuery withFilter(ChunkFilter filter) {
    return new SearchQuery(text, vector, filter, mode, k, minScore);
  }

  public SearchQuery withMinScore(double minScore) {
    return new SearchQuery(text, vector, filter, mode, k, minScore);
  }

  @Override
  public float[] vector() {
    return vector == null ? null : vector.clone();
  }

  /** The vector without a copy, for backends (which never change it); null in keyword mode. */
  public float[] vectorView() {
    return vector;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SearchQuery q && Objects.equals(text, q.text)
        && java.util.Arrays.equals(vector, q.vector) && Objects.equals(filter, q.filter) && mode == q.mode
        && k == q.k && minScore == q.minScore;
  }

  @Override
  public int hashCode() {
    return Objects.hash(text, java.util.Arrays.hashCode(vector), filter, mode, k, minScore);
  }

  @Override
  public String toString() {
    return "SearchQuery[mode=" + mode + ", text=" + (text == null ? null : "'" + text + "'")
        + (vector == null ? "" : ", " + vector.length + " dims") + ", k=" + k + ", filter=" + filter
        + ", minScore=" + minScore + "]";
  }
}
