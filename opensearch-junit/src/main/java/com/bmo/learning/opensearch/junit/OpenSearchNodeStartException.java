package com.bmo.learning.opensearch.junit;

/** The embedded OpenSearch node could not be started. */
public final class OpenSearchNodeStartException extends RuntimeException {

  public OpenSearchNodeStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
