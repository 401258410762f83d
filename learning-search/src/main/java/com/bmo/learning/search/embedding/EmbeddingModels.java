package com.bmo.learning.search.embedding;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * The embedding models this platform uses, as LangChain4j {@link EmbeddingModel}s:
 * <ul>
 *   <li>{@link #localMiniLm()} — all-MiniLM-L6-v2, quantized (int8), running in-process on ONNX Runtime; the
 *       model ships inside the LangChain4j jar, so it works offline, at no cost. 384 dimensions. The default:
 *       it embeds 1.6–2× as fast as the full-precision build at the same retrieval quality
 *       (docs/EVALUATION.md, docs/PERFORMANCE.md), and embedding is what bounds upload → searchable.</li>
 *   <li>{@link #openAiCompatible(RemoteEmbeddingSettings, ApiKeySource)} — any OpenAI-compatible
 *       {@code /embeddings} endpoint, optional.</li>
 * </ul>
 * Wrap either in a {@link BatchEmbedder} to embed many chunks.
 */
public final class EmbeddingModels {

  /** Vector length of all-MiniLM-L6-v2 (both builds). */
  public static final int MINILM_DIMENSIONS = 384;

  private EmbeddingModels() {
  }

  /**
   * all-MiniLM-L6-v2 (quantized) in-process. Loading takes about a second and some memory: create one per
   * application and share it (it is thread-safe). Batches are spread over LangChain4j's default executor
   * (one thread per core).
   */
  public static EmbeddingModel localMiniLm() {
    return new AllMiniLmL6V2QuantizedEmbeddingModel();
  }

  /** all-MiniLM-L6-v2 (quantized) in-process, batches spread over {@code executor}. */
  public static EmbeddingModel localMiniLm(Executor executor) {
    return new AllMiniLmL6V2QuantizedEmbeddingModel(Objects.requireNonNull(executor, "executor"));
  }

  /**
   * An OpenAI-compatible remote model. The key is read from {@code apiKey} for every request (sent as
   * {@code Authorization: Bearer …}), so a rotated secret takes effect without rebuilding the model.
   */
  public static EmbeddingModel openAiCompatible(RemoteEmbeddingSettings settings, ApiKeySource apiKey) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(apiKey, "apiKey");
    return OpenAiEmbeddingModel.builder()
        .baseUrl(settings.baseUrl().toString())
        .modelName(settings.modelName())
        .dimensions(settings.dimensions())
        .maxSegmentsPerBatch(settings.batchSize())
        .timeout(settings.timeout())
        .maxRetries(settings.maxRetries())
        .customHeaders(() -> Map.of("Authorization", "Bearer " + currentKey(apiKey, settings)))
        .build();
  }

  private static String currentKey(ApiKeySource source, RemoteEmbeddingSettings settings) {
    String key;
    try {
      key = source.apiKey();
    } catch (RuntimeException e) {
      throw new EmbeddingException(settings.modelName(), 0, "cannot read the API key: "
          + e.getClass().getSimpleName(), e);
    }
    if (key == null || key.isBlank()) {
      throw new EmbeddingException(settings.modelName(), 0, "the API key source returned no key", null);
    }
    return key.strip();
  }
}
