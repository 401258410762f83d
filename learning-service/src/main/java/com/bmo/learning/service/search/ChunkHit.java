package com.bmo.learning.service.search;

import java.util.Map;

/**
 * One chunk found by a search.
 *
 * @param score relevance 0..1, higher is more similar
 * @param page 1-based page for paged formats, null otherwise
 */
public record ChunkHit(String chunkId, double score, String text, String sourceUri, Integer page,
    Map<String, String> metadata) {

  public ChunkHit {
    metadata = Map.copyOf(metadata);
  }
}
