package com.bmo.learning.service.documents;

import java.util.List;

/**
 * What an ingest request did with each object it found.
 *
 * @param queued documents queued for ingestion (new, changed, failed before, or already in progress)
 * @param skipped documents left as they are: INDEXED from an object whose ETag and requested metadata did
 *     not change since
 */
public record IngestOutcome(List<Document> queued, List<Document> skipped) {

  public IngestOutcome {
    queued = List.copyOf(queued);
    skipped = List.copyOf(skipped);
  }
}
