package com.bmo.learning.search;

import com.bmo.learning.ingestion.MetadataKeys;
import dev.langchain4j.data.segment.TextSegment;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A chunk to index: its stable id, the document it belongs to, its text, its metadata and its embedding.
 * Built straight from the ingestion pipeline's segment with {@link #of(TextSegment, float[])}.
 *
 * @param id stable chunk id; upserting the same id replaces the stored chunk
 * @param sourceUri the document ({@code s3://bucket/key}); {@link SearchIndex#replaceSource} and
 *     {@link SearchIndex#deleteSource} match on it
 * @param text what is searched by keyword and returned by a search
 * @param metadata keys of {@link MetadataKeys} and caller metadata (course, ...); values are String, UUID,
 *     Integer, Long, Float or Double (what LangChain4j's {@code Metadata} holds); searchable with
 *     {@link ChunkFilter}
 * @param vector the text's embedding (copied)
 */
public record IndexedChunk(String id, String sourceUri, String text, Map<String, Object> metadata,
    float[] vector) {

  /** Ids are index keys (Lucene terms, OpenSearch document ids): keep them short. */
  public static final int MAX_ID_LENGTH = 512;

  public IndexedChunk {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("chunk id must not be blank");
    }
    if (id.length() > MAX_ID_LENGTH) {
      throw new IllegalArgumentException("chunk id is " + id.length() + " characters; at most "
          + MAX_ID_LENGTH + " allowed");
    }
    if (sourceUri == null || sourceUri.isBlank()) {
      throw new IllegalArgumentException("chunk " + id + " has no source URI");
    }
    Objects.requireNonNull(text, () -> "text of chunk " + id);
    Objects.requireNonNull(vector, () -> "vector of chunk " + id);
    metadata = Map.copyOf(metadata);
    for (Map.Entry<String, Object> e : metadata.entrySet()) {
      Object v = e.getValue();
      if (!(v instanceof String || v instanceof UUID || v instanceof Integer || v instanceof Long
          || v instanceof Float || v instanceof Double)) {
        throw new IllegalArgumentException("metadata '" + e.getKey() + "' of chunk " + id
            + " has unsupported type " + v.getClass().getName());
      }
    }
    vector = vector.clone();
  }

  /**
   * The chunk for a segment of the ingestion pipeline: id from its {@value MetadataKeys#CHUNK_ID}, source
   * from its {@value MetadataKeys#SOURCE_URI}, every metadata entry kept.
   */
  public static IndexedChunk of(TextSegment segment, float[] vector) {
    Map<String, Object> metadata = segment.metadata().toMap();
    return new IndexedChunk(idOf(segment), segment.metadata().getString(MetadataKeys.SOURCE_URI),
        segment.text(), metadata, vector);
  }

  /** The segment's {@value MetadataKeys#CHUNK_ID}; a clear error if it has none. */
  public static String idOf(TextSegment segment) {
    Objects.requireNonNull(segment, "segment");
    String id = segment.metadata().getString(MetadataKeys.CHUNK_ID);
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("segment has no '" + MetadataKeys.CHUNK_ID + "' metadata: "
          + "the index needs a stable id to replace chunks on re-ingest");
    }
    return id;
  }

  @Override
  public float[] vector() {
    return vector.clone();
  }

  /** The vector without a copy, for backends (which never change it). */
  public float[] vectorView() {
    return vector;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IndexedChunk c && id.equals(c.id) && sourceUri.equals(c.sourceUri)
        && text.equals(c.text) && metadata.equals(c.metadata) && Arrays.equals(vector, c.vector);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, sourceUri, text, metadata, Arrays.hashCode(vector));
  }

  @Override
  public String toString() {
    return "IndexedChunk[id=" + id + ", source=" + sourceUri + ", " + vector.length + " dims, metadata="
        + metadata + "]";
  }
}
