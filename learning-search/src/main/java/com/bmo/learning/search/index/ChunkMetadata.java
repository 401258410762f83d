package com.bmo.learning.search.index;

/**
 * Metadata keys of a chunk's {@link dev.langchain4j.data.segment.TextSegment}, as the ingestion pipeline
 * writes them. {@link #CHUNK_ID} is required by the index; the others are optional and searchable with
 * {@link ChunkFilter}.
 */
public final class ChunkMetadata {

  /** Stable id of a chunk: re-ingesting the same chunk replaces it. */
  public static final String CHUNK_ID = "chunk_id";
  /** The document's {@code s3://bucket/key}; {@link VectorIndex#deleteSource(String)} matches on it. */
  public static final String SOURCE_URI = "source_uri";
  public static final String BUCKET = "bucket";
  public static final String KEY = "key";
  public static final String PAGE = "page";
  public static final String COURSE = "course";

  private ChunkMetadata() {
  }
}
