package com.bmo.learning.service.documents;

import com.bmo.learning.aws.s3.S3Uri;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A document as recorded in PostgreSQL. What depends on its status (chunk count, failure reason, attempt
 * times) lives in {@link #state()}, so each status carries exactly its own facts; the rest is always there
 * except where marked. Build one with {@link #builder()}.
 *
 * @param contentType the stored object's content type, or null when unknown
 * @param size the object's size in bytes, or null when unknown
 * @param course null when none was given
 * @param learnerId null when none was given
 * @param attempts ingestion attempts started so far
 * @param uploadedBy the id of the API key that uploaded or ingested it; null for documents the service
 *     queued itself (local mode's samples) or recorded before documents had owners
 */
public record Document(UUID id, DocumentOrigin origin, String bucket, String key, String fileName,
    String contentType, Long size, String course, String learnerId, Map<String, String> metadata,
    IngestionState state, int attempts, Instant createdAt, Instant updatedAt, String uploadedBy) {

  public Document {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (attempts < 0) {
      throw new IllegalArgumentException("attempts < 0: " + attempts);
    }
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
  }

  public DocumentStatus status() {
    return state.status();
  }

  /** Where the document's object is. */
  public S3Uri location() {
    return S3Uri.of(bucket, key);
  }

  /** {@code s3://bucket/key}: how the index knows which chunks belong to this document. */
  public String sourceUri() {
    return location().toString();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A copy to change a few fields of. */
  public Builder toBuilder() {
    return new Builder().id(id).origin(origin).bucket(bucket).key(key).fileName(fileName)
        .contentType(contentType).size(size).course(course).learnerId(learnerId).metadata(metadata)
        .state(state).attempts(attempts).createdAt(createdAt).updatedAt(updatedAt).uploadedBy(uploadedBy);
  }

  /** Builds a {@link Document}; a new one is PENDING with no attempts, and updated when created unless set. */
  public static final class Builder {
    private UUID id;
    private DocumentOrigin origin;
    private String bucket;
    private String key;
    private String fileName;
    private String contentType;
    private Long size;
    private String course;
    private String learnerId;
    private Map<String, String> metadata = Map.of();
    private IngestionState state = IngestionState.pending();
    private int attempts;
    private Instant createdAt;
    private Instant updatedAt;
    private String uploadedBy;

    private Builder() {
    }

    public Builder id(UUID id) {
      this.id = id;
      return this;
    }

    public Builder origin(DocumentOrigin origin) {
      this.origin = origin;
      return this;
    }

    public Builder bucket(String bucket) {
      this.bucket = bucket;
      return this;
    }

    public Builder key(String key) {
      this.key = key;
      return this;
    }

    public Builder fileName(String fileName) {
      this.fileName = fileName;
      return this;
    }

    public Builder contentType(String contentType) {
      this.contentType = contentType;
      return this;
    }

    public Builder size(Long size) {
      this.size = size;
      return this;
    }

    public Builder course(String course) {
      this.course = course;
      return this;
    }

    public Builder learnerId(String learnerId) {
      this.learnerId = learnerId;
      return this;
    }

    public Builder metadata(Map<String, String> metadata) {
      this.metadata = metadata;
      return this;
    }

    /** Course, learner and metadata from what the caller sent. */
    public Builder metadata(DocumentMetadata metadata) {
      return course(metadata.course()).learnerId(metadata.learnerId()).metadata(metadata.extra());
    }

    public Builder state(IngestionState state) {
      this.state = state;
      return this;
    }

    public Builder attempts(int attempts) {
      this.attempts = attempts;
      return this;
    }

    public Builder createdAt(Instant createdAt) {
      this.createdAt = createdAt;
      return this;
    }

    public Builder updatedAt(Instant updatedAt) {
      this.updatedAt = updatedAt;
      return this;
    }

    public Builder uploadedBy(String uploadedBy) {
      this.uploadedBy = uploadedBy;
      return this;
    }

    public Document build() {
      return new Document(id, origin, bucket, key, fileName, contentType, size, course, learnerId, metadata,
          state, attempts, createdAt, updatedAt == null ? createdAt : updatedAt, uploadedBy);
    }
  }
}
