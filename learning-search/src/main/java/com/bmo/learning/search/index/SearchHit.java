package com.bmo.learning.search.index;

import dev.langchain4j.data.segment.TextSegment;

/**
 * One chunk found by a search.
 *
 * @param score relevance 0..1, {@code (1 + cosine) / 2} (Lucene's cosine score, and LangChain4j's
 *     relevance score); higher is more similar
 * @param segment text and metadata as ingested
 */
public record SearchHit(String chunkId, float score, TextSegment segment) {

  /** The cosine similarity, -1..1. */
  public double cosineSimilarity() {
    return 2.0 * score - 1.0;
  }
}
