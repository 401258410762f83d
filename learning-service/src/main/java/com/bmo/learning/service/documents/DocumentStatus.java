package com.bmo.learning.service.documents;

/** Where a document is in its life: accepted, being ingested, searchable, or given up on. */
public enum DocumentStatus {
  /** Accepted and waiting for (or between attempts of) its ingestion job. */
  PENDING,
  /** A worker is ingesting it now. */
  PROCESSING,
  /** Its chunks are in the index. */
  INDEXED,
  /** Ingestion failed for good; {@link Document#lastError()} says why. */
  FAILED;

  public boolean terminal() {
    return this == INDEXED || this == FAILED;
  }
}
