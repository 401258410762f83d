package com.bmo.learning.search.index;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import dev.langchain4j.data.segment.TextSegment;

/**
 * A collection of embedded chunks, searchable by vector similarity. Every write is committed (durable)
 * before it returns and becomes visible to searches atomically: a search sees all of a write or none of
 * it. Implementations are thread-safe.
 *
 * <p>Lucene implements it here ({@link LuceneVectorIndex}); the path beyond one machine is OpenSearch's
 * k-NN behind the same interface.
 */
public interface VectorIndex extends AutoCloseable {

  /** The collection's name. */
  String collection();

  /** Vector length of the collection. */
  int dimension();

  /** Adds the chunks, replacing any stored chunk with the same id (never duplicating it). */
  void upsert(Collection<IndexedChunk> chunks);

  /**
   * Replaces everything stored for {@code sourceUri} with {@code chunks}, atomically: a re-ingested
   * document that now has fewer chunks leaves none of its old ones behind.
   */
  void replaceSource(String sourceUri, Collection<IndexedChunk> chunks);

  /** Deletes every chunk of the document; returns how many there were. */
  long deleteSource(String sourceUri);

  /** Deletes chunks by id; ids not stored are ignored. */
  void delete(Collection<String> chunkIds);

  /** The best matches, most similar first. */
  List<SearchHit> search(SearchRequest request);

  /** The stored chunk with this id. */
  Optional<TextSegment> get(String chunkId);

  /** Chunks stored. */
  long count();

  /** Chunks stored for {@code sourceUri}. */
  long countSource(String sourceUri);

  /** Deletes every chunk. */
  void clear();

  @Override
  void close();
}
