package com.bmo.learning.search.embedding;

/**
 * An embedding model failed or answered with something unusable (wrong count or dimension). Carries the
 * model's name and how many texts the failed call held; never the texts themselves.
 */
public final class EmbeddingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String modelName;
  private final int batchSize;

  public EmbeddingException(String modelName, int batchSize, String detail, Throwable cause) {
    super("embedding model " + modelName + " (batch of " + batchSize + "): " + detail, cause);
    this.modelName = modelName;
    this.batchSize = batchSize;
  }

  public String modelName() {
    return modelName;
  }

  public int batchSize() {
    return batchSize;
  }
}
