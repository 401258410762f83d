package com.bmo.learning.service.ingestion;

import com.bmo.learning.aws.s3.S3Uri;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A document to ingest: the service's id for it, where it is in S3 and the metadata to stamp on its chunks.
 *
 * @param metadata course, learner id and free metadata; copied onto every chunk
 */
public record SourceDocument(UUID documentId, String bucket, String key, String fileName,
    Map<String, String> metadata) {

  /** The metadata key carrying the service's document id on every chunk (and on uploaded objects). */
  public static final String SERVICE_DOCUMENT_ID = "service_document_id";

  public SourceDocument {
    Objects.requireNonNull(documentId, "documentId");
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(key, "key");
    metadata = Map.copyOf(metadata);
  }

  /** {@code s3://bucket/key}: how the index knows which chunks belong to this document. */
  public String sourceUri() {
    return location().toString();
  }

  /** Where the document's object is. */
  public S3Uri location() {
    return S3Uri.of(bucket, key);
  }
}
