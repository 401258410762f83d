package com.bmo.learning.search;

import java.util.Objects;

/**
 * At start-up an index turned out to be built with another embedding model, chunker or layout than the
 * running configuration, and was replaced by a fresh, empty one recording the running version: every
 * document has to be ingested again (the service queues them). Mixing would compare unlike vectors.
 *
 * @param index the index's name
 * @param previous what the old contents were made with; null when that was not recorded
 * @param current what the new index records
 * @param cause why, for people and logs, e.g. "embedding model changed (A → B)"
 */
public record IndexReplaced(String index, ContentVersion previous, ContentVersion current, String cause) {

  public IndexReplaced {
    Objects.requireNonNull(index, "index");
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(cause, "cause");
  }

  /** What differs between {@code previous} (null: not recorded) and {@code current}, in words. */
  public static String cause(ContentVersion previous, ContentVersion current) {
    if (previous == null) {
      return "the index did not record its embedding model and chunker";
    }
    boolean model = !previous.embeddingModel().equals(current.embeddingModel());
    boolean chunker = !previous.chunker().equals(current.chunker());
    if (model && chunker) {
      return "embedding model and chunker changed (" + previous + " → " + current + ")";
    }
    if (model) {
      return "embedding model changed (" + previous.embeddingModel() + " → " + current.embeddingModel() + ")";
    }
    if (chunker) {
      return "chunker changed (" + previous.chunker() + " → " + current.chunker() + ")";
    }
    return "index layout changed";
  }
}
