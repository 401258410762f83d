package com.bmo.learning.search.embedding;

/**
 * Where a remote embedding model gets its API key, asked once per HTTP request so that a rotated secret is
 * picked up without a restart. The service wires it to the Secrets Manager settings resolver (issue 4),
 * for example {@code () -> settings.loadSecret("openai_api_key")}, whose cache keeps this cheap.
 *
 * <p>Implementations must never log the key or put it in a {@code toString()}.
 */
@FunctionalInterface
public interface ApiKeySource {

  /** The current API key; never null or blank. */
  String apiKey();
}
