package com.bmo.learning.service.documents;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a document's ingestion stands, with exactly the facts that state has: a searchable document has
 * its chunk count, a failed one its reason, one being ingested the time its attempt started.
 */
public sealed interface IngestionState {

  DocumentStatus status();

  /** Queued for its first attempt, or for a retry. */
  static IngestionState pending() {
    return new Pending(null, null);
  }

  /**
   * Waiting for (another) ingestion attempt.
   *
   * @param lastError why the previous attempt failed when this is a retry, else null
   * @param lastStartedAt when the previous attempt started, else null
   */
  record Pending(String lastError, Instant lastStartedAt) implements IngestionState {
    @Override
    public DocumentStatus status() {
      return DocumentStatus.PENDING;
    }
  }

  /**
   * A worker is ingesting it now.
   *
   * @param lastError why the previous attempt failed, else null
   */
  record Processing(Instant startedAt, String lastError) implements IngestionState {
    public Processing {
      Objects.requireNonNull(startedAt, "startedAt");
    }

    @Override
    public DocumentStatus status() {
      return DocumentStatus.PROCESSING;
    }
  }

  /** Its chunks are in the index. */
  record Indexed(int chunkCount, Instant startedAt, Instant indexedAt) implements IngestionState {
    public Indexed {
      if (chunkCount < 0) {
        throw new IllegalArgumentException("chunkCount < 0: " + chunkCount);
      }
      Objects.requireNonNull(startedAt, "startedAt");
      Objects.requireNonNull(indexedAt, "indexedAt");
    }

    @Override
    public DocumentStatus status() {
      return DocumentStatus.INDEXED;
    }
  }

  /**
   * Ingestion failed for good.
   *
   * @param reason why it was given up
   * @param lastStartedAt when the last attempt started, or null if none did
   */
  record Failed(String reason, Instant lastStartedAt, Instant failedAt) implements IngestionState {
    public Failed {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(failedAt, "failedAt");
    }

    @Override
    public DocumentStatus status() {
      return DocumentStatus.FAILED;
    }
  }
}
