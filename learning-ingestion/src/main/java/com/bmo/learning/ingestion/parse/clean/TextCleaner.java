package com.bmo.learning.ingestion.parse.clean;

/**
 * One clean-up step on extracted text (LangChain4j style: small, single-purpose, composable with
 * {@link #andThen}). Implementations are thread-safe.
 */
@FunctionalInterface
public interface TextCleaner {

  String clean(String text);

  /** This step, then {@code next}. */
  default TextCleaner andThen(TextCleaner next) {
    return text -> next.clean(clean(text));
  }
}
