package com.bmo.learning.service.search;

import com.bmo.learning.service.ingestion.Chunk;
import java.util.List;

/**
 * The searchable index as the service uses it (module learning-search's embeddings and vector index
 * behind an adapter). Thread-safe.
 */
public interface ChunkIndex {

  /**
   * Replaces everything stored for {@code sourceUri} with {@code chunks}, atomically: running the same
   * ingestion twice leaves the same chunks, never duplicates. Returns how many were stored.
   */
  int replaceSource(String sourceUri, List<Chunk> chunks);

  /** Deletes every chunk of the document; returns how many there were. */
  long deleteBySource(String sourceUri);

  /** The best matches for a question, most similar first. */
  List<ChunkHit> search(SearchQuery query);

  /** Chunks stored. */
  long count();

  /** Chunks stored for one document. */
  long countSource(String sourceUri);
}
