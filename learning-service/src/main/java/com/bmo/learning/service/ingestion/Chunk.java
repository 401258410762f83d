package com.bmo.learning.service.ingestion;

import java.util.Map;
import java.util.Objects;

/**
 * One piece of a document as it goes into the index.
 *
 * @param id stable across re-ingestion of the same content, so that re-running a job replaces chunks
 *     instead of adding duplicates
 * @param page 1-based page for paged formats (PDF), null otherwise
 * @param metadata string metadata (course, learner id, document id, ...), searchable as filters
 */
public record Chunk(String id, String text, String sourceUri, Integer page, Map<String, String> metadata) {

  public Chunk {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(sourceUri, "sourceUri");
    metadata = Map.copyOf(metadata);
  }
}
