package com.bmo.learning.ingestion.process;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * Totals of a batch.
 *
 * @param files files attempted (successes plus failures)
 * @param bytes bytes of the files that succeeded
 * @param failuresByCode failure count per {@link com.bmo.learning.ingestion.IngestionException#code()}
 */
public record BatchSummary(int files, int succeeded, int failed, int documents, int chunks, int pages,
    long bytes, Map<String, Integer> failuresByCode, Duration elapsed) {

  public BatchSummary {
    failuresByCode = Map.copyOf(failuresByCode);
  }

  static BatchSummary of(Iterable<FileResult> results, Duration elapsed) {
    int files = 0;
    int ok = 0;
    int documents = 0;
    int chunks = 0;
    int pages = 0;
    long bytes = 0;
    Map<String, Integer> failures = new TreeMap<>();
    for (FileResult r : results) {
      files++;
      if (r instanceof FileResult.Success s) {
        ok++;
        documents += s.documents();
        chunks += s.chunks().size();
        pages += s.pages();
        bytes += s.size();
      } else if (r instanceof FileResult.Failure f) {
        failures.merge(f.error().code(), 1, Integer::sum);
      }
    }
    return new BatchSummary(files, ok, files - ok, documents, chunks, pages, bytes, failures, elapsed);
  }
}
