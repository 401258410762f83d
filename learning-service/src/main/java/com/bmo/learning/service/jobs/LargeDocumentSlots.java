package com.bmo.learning.service.jobs;

import com.bmo.learning.service.documents.Document;
import java.util.concurrent.Semaphore;

/**
 * How many large documents this instance ingests at once. A large document (above
 * {@code learning.jobs.large-document-size}) takes a slot for its whole attempt; without a free slot its
 * job is put back on the queue for a little later, so small documents keep the other workers instead of
 * waiting behind a row of large ones. Thread-safe.
 */
final class LargeDocumentSlots {

  private final long largeAbove;
  private final Semaphore slots;

  LargeDocumentSlots(long largeAbove, int slots) {
    if (slots < 1) {
      throw new IllegalArgumentException("learning.jobs.max-concurrent-large must be at least 1, was " + slots);
    }
    this.largeAbove = largeAbove;
    this.slots = new Semaphore(slots);
  }

  /** Large by its recorded size; a document of unknown size counts as small (its limits still bound it). */
  boolean isLarge(Long size) {
    return size != null && size > largeAbove;
  }

  boolean isLarge(Document document) {
    return isLarge(document.size());
  }

  boolean tryAcquire() {
    return slots.tryAcquire();
  }

  void release() {
    slots.release();
  }
}
