package com.bmo.learning.service.ingestion;

import com.bmo.learning.search.IndexedChunk;
import java.util.List;

/**
 * Turns one S3 object into chunks ready for the index: load, detect the type, parse, split, embed. The
 * service's view of the ingestion pipeline (modules learning-ingestion and learning-search's embeddings);
 * the adapter to the real pipeline lives in this package. Embedding happens here, before the index (and
 * any of its locks) is touched.
 *
 * <p>Failures that no retry can fix (corrupt PDF, unsupported type, empty document) are
 * {@link UnprocessableDocumentException}; anything else is treated as transient and retried by the job.
 */
public interface DocumentIngestor {

  /** The document's chunks, in reading order, with stable ids and their embeddings. */
  List<IndexedChunk> chunks(SourceDocument document);
}
