package com.bmo.learning.search;

import java.util.Objects;

/**
 * What made an index's contents: the embedding model and the chunking rules. An index records it; vectors
 * of another model or chunks of other rules must not be mixed in (searches would compare unlike things),
 * so a backend refuses to open an index recorded with another version
 * ({@link ContentVersionMismatchException}) and the service re-indexes instead.
 *
 * @param embeddingModel the model's name (e.g. {@code AllMiniLmL6V2QuantizedEmbeddingModel})
 * @param chunker the chunker's version (learning-ingestion's {@code DocumentChunker.version()})
 */
public record ContentVersion(String embeddingModel, String chunker) {

  public ContentVersion {
    Objects.requireNonNull(embeddingModel, "embeddingModel");
    Objects.requireNonNull(chunker, "chunker");
  }

  @Override
  public String toString() {
    return "model " + embeddingModel + ", chunker " + chunker;
  }
}
