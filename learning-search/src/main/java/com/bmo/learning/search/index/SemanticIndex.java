package com.bmo.learning.search.index;

import com.bmo.learning.search.embedding.BatchEmbedder;
import dev.langchain4j.data.segment.TextSegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Text in, text out: embeds chunks with a {@link BatchEmbedder} and stores them in a {@link VectorIndex};
 * embeds questions and returns the nearest chunks. The ingestion pipeline hands its segments (with
 * {@value ChunkMetadata#CHUNK_ID} and {@value ChunkMetadata#SOURCE_URI} metadata) to
 * {@link #indexSource(String, List)}.
 */
public final class SemanticIndex {

  private final BatchEmbedder embedder;
  private final VectorIndex index;

  public SemanticIndex(BatchEmbedder embedder, VectorIndex index) {
    this.embedder = Objects.requireNonNull(embedder, "embedder");
    this.index = Objects.requireNonNull(index, "index");
    if (embedder.dimension() != index.dimension()) {
      throw new IllegalArgumentException("model " + embedder.modelName() + " makes "
          + embedder.dimension() + "-dimensional vectors; collection '" + index.collection() + "' holds "
          + index.dimension());
    }
  }

  public VectorIndex index() {
    return index;
  }

  public BatchEmbedder embedder() {
    return embedder;
  }

  /**
   * Embeds the segments and upserts them by their {@value ChunkMetadata#CHUNK_ID}, in one commit. Returns
   * how many were stored.
   */
  public int upsert(List<TextSegment> segments) {
    List<IndexedChunk> chunks = embed(segments);
    index.upsert(chunks);
    return chunks.size();
  }

  /**
   * Embeds a document's segments and replaces everything stored for {@code sourceUri} with them,
   * atomically (re-ingesting a document never leaves stale or duplicate chunks).
   */
  public int indexSource(String sourceUri, List<TextSegment> segments) {
    List<IndexedChunk> chunks = embed(segments);
    index.replaceSource(sourceUri, chunks);
    return chunks.size();
  }

  /** The {@code topK} chunks nearest to the question, optionally filtered by metadata. */
  public List<SearchHit> search(String question, int topK, ChunkFilter filter) {
    return index.search(SearchRequest.of(embedder.embedQuery(question), topK, filter));
  }

  public List<SearchHit> search(String question, int topK) {
    return search(question, topK, null);
  }

  private List<IndexedChunk> embed(List<TextSegment> segments) {
    Objects.requireNonNull(segments, "segments");
    // Ids first: a segment without one fails before any embedding work is spent.
    segments.forEach(IndexedChunk::idOf);
    List<float[]> vectors = embedder.embedAll(segments);
    List<IndexedChunk> chunks = new ArrayList<>(segments.size());
    for (int i = 0; i < segments.size(); i++) {
      chunks.add(IndexedChunk.of(segments.get(i), vectors.get(i)));
    }
    return chunks;
  }
}
