package com.bmo.learning.service.documents;

import java.util.UUID;

/** Where recorded documents wait for ingestion (the {@code jobs} package runs them). */
public interface IngestionQueue {

  /**
   * Queues the document for ingestion now; a document already queued stays queued once.
   *
   * @param size the object's size in bytes; null when unknown (queued as a small one)
   */
  void enqueue(UUID documentId, Long size);

  /** Removes a queued ingestion that has not started; one in progress runs to its end. */
  void cancel(UUID documentId);
}
