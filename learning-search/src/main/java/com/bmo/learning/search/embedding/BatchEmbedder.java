package com.bmo.learning.search.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Embeds many segments with a LangChain4j {@link EmbeddingModel}, {@code batchSize} at a time, and checks
 * what comes back: one vector per segment, all of the expected dimension, no NaN. A model's failure becomes
 * an {@link EmbeddingException} naming the model and batch size (never the texts). Thread-safe when the
 * model is.
 */
public final class BatchEmbedder {

  /** Segments per call to the model; large enough to keep ONNX busy, small enough to bound memory. */
  public static final int DEFAULT_BATCH_SIZE = 32;

  private final EmbeddingModel model;
  private final int batchSize;
  private final int dimension;
  private final String modelName;

  public BatchEmbedder(EmbeddingModel model, int batchSize) {
    this.model = Objects.requireNonNull(model, "model");
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be positive, was " + batchSize);
    }
    this.batchSize = batchSize;
    this.modelName = nameOf(model);
    this.dimension = model.dimension();
    if (dimension < 1) {
      throw new IllegalArgumentException("model " + modelName + " reports dimension " + dimension);
    }
  }

  public BatchEmbedder(EmbeddingModel model) {
    this(model, DEFAULT_BATCH_SIZE);
  }

  /** Vector length of every embedding this returns. */
  public int dimension() {
    return dimension;
  }

  public String modelName() {
    return modelName;
  }

  public int batchSize() {
    return batchSize;
  }

  public EmbeddingModel model() {
    return model;
  }

  /** One vector per segment, in order. */
  public List<float[]> embedAll(List<TextSegment> segments) {
    Objects.requireNonNull(segments, "segments");
    List<float[]> out = new ArrayList<>(segments.size());
    for (int from = 0; from < segments.size(); from += batchSize) {
      List<TextSegment> batch = segments.subList(from, Math.min(segments.size(), from + batchSize));
      for (int i = 0; i < batch.size(); i++) {
        TextSegment s = batch.get(i);
        if (s == null || s.text() == null || s.text().isBlank()) {
          throw new IllegalArgumentException("segment " + (from + i) + " has no text to embed");
        }
      }
      out.addAll(embedBatch(batch));
    }
    return out;
  }

  /** The vector of a search question. */
  public float[] embedQuery(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("query text must not be blank");
    }
    return embedBatch(List.of(TextSegment.from(text))).get(0);
  }

  private List<float[]> embedBatch(List<TextSegment> batch) {
    Response<List<Embedding>> response;
    try {
      response = model.embedAll(batch);
    } catch (EmbeddingException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new EmbeddingException(modelName, batch.size(), e.getClass().getSimpleName() + ": "
          + e.getMessage(), e);
    }
    List<Embedding> embeddings = response == null ? null : response.content();
    if (embeddings == null || embeddings.size() != batch.size()) {
      throw new EmbeddingException(modelName, batch.size(), "the model returned "
          + (embeddings == null ? "nothing" : embeddings.size() + " embeddings"), null);
    }
    List<float[]> vectors = new ArrayList<>(batch.size());
    for (Embedding e : embeddings) {
      float[] v = e.vector();
      if (v.length != dimension) {
        throw new EmbeddingException(modelName, batch.size(), "the model returned a vector of "
            + v.length + " dimensions, expected " + dimension, null);
      }
      for (float f : v) {
        if (!Float.isFinite(f)) {
          throw new EmbeddingException(modelName, batch.size(), "the model returned a non-finite value",
              null);
        }
      }
      vectors.add(v);
    }
    return vectors;
  }

  private static String nameOf(EmbeddingModel model) {
    String name;
    try {
      name = model.modelName();
    } catch (RuntimeException e) {
      name = null;
    }
    return name == null || name.isBlank() || "unknown".equals(name) ? model.getClass().getSimpleName()
        : name;
  }
}
