package com.bmo.learning.service.documents;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A document as recorded in PostgreSQL.
 *
 * @param chunkCount chunks in the index once INDEXED, else null
 * @param attempts ingestion attempts started so far
 * @param lastError why the last attempt failed (the reason of a FAILED document), else null
 */
public record Document(UUID id, DocumentStatus status, DocumentOrigin origin, String bucket, String key,
    String fileName, String contentType, Long size, String course, String learnerId,
    Map<String, String> metadata, Integer chunkCount, int attempts, String lastError, Instant createdAt,
    Instant updatedAt, Instant startedAt, Instant indexedAt, Instant failedAt) {

  public Document {
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
  }

  public String sourceUri() {
    return "s3://" + bucket + "/" + key;
  }
}
