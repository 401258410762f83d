package com.bmo.learning.service.ingestion;

import java.util.List;

/**
 * Turns one S3 object into chunks: load, detect the type, parse, split. The service's view of the
 * ingestion pipeline (module learning-ingestion); the adapter to the real pipeline lives in this package.
 *
 * <p>Failures that no retry can fix (corrupt PDF, unsupported type, empty document) are
 * {@link UnprocessableDocumentException}; anything else is treated as transient and retried by the job.
 */
public interface DocumentIngestor {

  /** The document's chunks, in reading order, with stable ids. */
  List<Chunk> chunks(SourceDocument document);
}
