package com.bmo.learning.service.jobs;

import java.util.UUID;

/** An ingestion attempt failed in a way a retry may fix; db-scheduler reschedules the job. */
public class IngestionAttemptFailedException extends RuntimeException {

  private final UUID documentId;

  public IngestionAttemptFailedException(UUID documentId, String reason, Throwable cause) {
    super("Ingestion of document " + documentId + " failed: " + reason, cause);
    this.documentId = documentId;
  }

  public UUID documentId() {
    return documentId;
  }
}
