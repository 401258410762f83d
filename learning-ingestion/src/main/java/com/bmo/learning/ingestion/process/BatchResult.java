package com.bmo.learning.ingestion.process;

import dev.langchain4j.data.segment.TextSegment;
import java.util.List;

/** Per-file results of a batch, in input (or listing) order, and their summary. */
public record BatchResult(List<FileResult> results, BatchSummary summary) {

  public BatchResult {
    results = List.copyOf(results);
  }

  public List<FileResult.Success> successes() {
    return results.stream().filter(FileResult.Success.class::isInstance)
        .map(FileResult.Success.class::cast).toList();
  }

  public List<FileResult.Failure> failures() {
    return results.stream().filter(FileResult.Failure.class::isInstance)
        .map(FileResult.Failure.class::cast).toList();
  }

  /** Every chunk of every successful file, in order. */
  public List<TextSegment> chunks() {
    return successes().stream().flatMap(s -> s.chunks().stream()).toList();
  }
}
