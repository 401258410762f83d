package com.bmo.learning.search;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The search index: chunks with their embeddings, searchable by keyword (BM25), by vector (kNN) or both
 * (hybrid), filtered by metadata. Every write is durable before it returns and becomes visible to searches
 * atomically: a search sees all of a write or none of it. Implementations are thread-safe.
 *
 * <p>Embedding is not the index's business: callers embed chunks and questions first (with
 * {@link com.bmo.learning.search.embedding.BatchEmbedder}) and hand over vectors, so no index lock is ever
 * held across a model call. Backends: Lucene in a local directory
 * ({@link com.bmo.learning.search.lucene.LuceneSearchIndex}), OpenSearch for several service instances.
 */
public interface SearchIndex extends AutoCloseable {

  /** The index's name (the Lucene collection, the OpenSearch index). */
  String name();

  /** Vector length of the index. */
  int dimension();

  /** Adds the chunks, replacing any stored chunk with the same id (never duplicating it). */
  void upsert(Collection<IndexedChunk> chunks);

  /**
   * Replaces everything stored for {@code sourceUri} with {@code chunks}, atomically: a re-ingested
   * document that now has fewer chunks leaves none of its old ones behind. Every chunk must carry this
   * source URI.
   */
  void replaceSource(String sourceUri, Collection<IndexedChunk> chunks);

  /** Deletes every chunk of the document; returns how many there were. */
  long deleteSource(String sourceUri);

  /** Deletes chunks by id; ids not stored are ignored. */
  void delete(Collection<String> chunkIds);

  /** The best matches for the query, best first. */
  List<SearchHit> search(SearchQuery query);

  /** The stored chunk with this id, as a hit with score 0 and no snippet. */
  Optional<SearchHit> get(String chunkId);

  /** Chunks stored. */
  long count();

  /** Chunks stored for {@code sourceUri}. */
  long countSource(String sourceUri);

  /** Deletes every chunk. */
  void clear();

  @Override
  void close();
}
