package com.bmo.learning.search.embedding;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of an OpenAI-compatible embeddings endpoint ({@code POST {baseUrl}/embeddings}). Holds no
 * secret: the API key comes from an {@link ApiKeySource} on each request.
 *
 * @param baseUrl for example {@code https://api.openai.com/v1}, or a compatible server's URL
 * @param modelName for example {@code text-embedding-3-small}
 * @param dimensions the vector length the model returns (asked for explicitly, so the index can check it)
 * @param batchSize texts per HTTP request
 * @param timeout per request
 * @param maxRetries retries of a failed request (0: none)
 */
public record RemoteEmbeddingSettings(URI baseUrl, String modelName, int dimensions, int batchSize,
    Duration timeout, int maxRetries) {

  public RemoteEmbeddingSettings {
    Objects.requireNonNull(baseUrl, "baseUrl");
    if (!("http".equals(baseUrl.getScheme()) || "https".equals(baseUrl.getScheme()))
        || baseUrl.getHost() == null) {
      throw new IllegalArgumentException("baseUrl must be an http(s) URL with a host, was " + baseUrl);
    }
    if (modelName == null || modelName.isBlank()) {
      throw new IllegalArgumentException("modelName must not be blank");
    }
    if (dimensions < 1 || dimensions > 16_384) {
      throw new IllegalArgumentException("dimensions must be 1..16384, was " + dimensions);
    }
    if (batchSize < 1 || batchSize > 2048) {
      throw new IllegalArgumentException("batchSize must be 1..2048, was " + batchSize);
    }
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
    if (maxRetries < 0 || maxRetries > 10) {
      throw new IllegalArgumentException("maxRetries must be 0..10, was " + maxRetries);
    }
  }

  /** OpenAI's {@code text-embedding-3-small} at 384 dimensions (the size of the local model's vectors). */
  public static RemoteEmbeddingSettings openAi(String modelName, int dimensions) {
    return new RemoteEmbeddingSettings(URI.create("https://api.openai.com/v1"), modelName, dimensions, 256,
        Duration.ofSeconds(60), 3);
  }
}
