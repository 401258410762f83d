/**
 * Embedding models (in-process MiniLM or an OpenAI-compatible endpoint) and the batching embedder.
 * Nullability: parameters, return values and record components are non-null unless their Javadoc says
 * they may be null (the convention of every library module).
 */
package com.bmo.learning.search.embedding;
