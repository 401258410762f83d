package com.bmo.learning.ingestion.process;

import com.bmo.learning.ingestion.IngestionException;
import com.bmo.learning.ingestion.parse.DocumentType;
import dev.langchain4j.data.segment.TextSegment;
import java.util.List;
import java.util.Objects;

/** What happened to one file of a batch: its chunks, or why it failed. */
public sealed interface FileResult {

  /** {@code s3://bucket/key}, {@code file:///path}, or the batch entry as given when it was not usable. */
  String source();

  /**
   * A file parsed and chunked.
   *
   * @param version ETag or SHA-256 of the content: what the chunk ids derive from
   * @param size bytes
   * @param pages PDF pages (0 for other types)
   * @param documents documents the parser produced (one per PDF page with text, or one per file)
   * @param chunks the chunks, in order, each with the file's metadata and its own
   */
  record Success(String source, String version, DocumentType type, long size, int pages, int documents,
      List<TextSegment> chunks) implements FileResult {
    public Success {
      Objects.requireNonNull(source, "source");
      chunks = List.copyOf(chunks);
    }
  }

  /** A file that could not be ingested, with the typed reason. */
  record Failure(String source, IngestionException error) implements FileResult {
    public Failure {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(error, "error");
    }
  }
}
