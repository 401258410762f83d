package com.bmo.learning.search.index;

import dev.langchain4j.data.segment.TextSegment;
import java.util.Arrays;
import java.util.Objects;

/**
 * A chunk as the index stores it: its stable id, the LangChain4j segment (text and metadata) and its
 * embedding. This is where ingestion (which makes segments) and the index meet.
 *
 * @param id stable chunk id; upserting the same id replaces the stored chunk
 * @param segment text and metadata; returned as is by a search
 * @param vector the segment's embedding (copied)
 */
public record IndexedChunk(String id, TextSegment segment, float[] vector) {

  /** Lucene keeps terms under 32 KB; ids are meant to be short. */
  public static final int MAX_ID_LENGTH = 512;

  public IndexedChunk {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("chunk id must not be blank");
    }
    if (id.length() > MAX_ID_LENGTH) {
      throw new IllegalArgumentException("chunk id is " + id.length() + " characters; at most "
          + MAX_ID_LENGTH + " allowed");
    }
    Objects.requireNonNull(segment, () -> "segment of chunk " + id);
    Objects.requireNonNull(vector, () -> "vector of chunk " + id);
    vector = vector.clone();
  }

  /** A chunk whose id is the segment's {@value ChunkMetadata#CHUNK_ID} metadata. */
  public static IndexedChunk of(TextSegment segment, float[] vector) {
    return new IndexedChunk(idOf(segment), segment, vector);
  }

  /** The segment's {@value ChunkMetadata#CHUNK_ID}; a clear error if it has none. */
  public static String idOf(TextSegment segment) {
    Objects.requireNonNull(segment, "segment");
    String id = segment.metadata().getString(ChunkMetadata.CHUNK_ID);
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("segment has no '" + ChunkMetadata.CHUNK_ID + "' metadata: "
          + "the index needs a stable id to replace chunks on re-ingest");
    }
    return id;
  }

  /** The segment's {@value ChunkMetadata#SOURCE_URI}, or null. */
  public String sourceUri() {
    return segment.metadata().getString(ChunkMetadata.SOURCE_URI);
  }

  @Override
  public float[] vector() {
    return vector.clone();
  }

  /** The vector without a copy, for the index's own use. */
  float[] vectorUnsafe() {
    return vector;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IndexedChunk c && id.equals(c.id) && segment.equals(c.segment)
        && Arrays.equals(vector, c.vector);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, segment, Arrays.hashCode(vector));
  }

  @Override
  public String toString() {
    return "IndexedChunk[id=" + id + ", " + vector.length + " dims, metadata=" + segment.metadata() + "]";
  }
}
