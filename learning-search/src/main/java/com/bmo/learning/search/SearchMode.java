package com.bmo.learning.search;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a query is matched. */
public enum SearchMode {
  /** Keyword and vector results fused: exact terms and paraphrases both find their chunk. The default. */
  HYBRID,
  /** Nearest neighbours of the question's embedding only. */
  VECTOR,
  /** BM25 over the chunk text and its section title only; needs no embedding. */
  KEYWORD;

  /** The mode named {@code value} (case-insensitive: {@code hybrid}, {@code vector}, {@code keyword}). */
  public static SearchMode parse(String value) {
    for (SearchMode m : values()) {
      if (m.name().equalsIgnoreCase(value == null ? "" : value.trim())) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown search mode '" + value + "'; one of " + names());
  }

  /** The names {@link #parse} accepts. */
  public static String names() {
    return Arrays.stream(values()).map(SearchMode::toString).collect(Collectors.joining(", "));
  }

  /** Whether the query needs the question's embedding. */
  public boolean usesVector() {
    return this != KEYWORD;
  }

  /** Whether the query needs the question's text. */
  public boolean usesText() {
    return this != VECTOR;
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
