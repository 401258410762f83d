package com.bmo.learning.benchmarks.eval;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Embeddings of texts kept in a file per model, so that repeated tuning rounds over the same chunks embed
 * only what changed. Keyed by the SHA-256 of the text; vectors are stored as the model returned them.
 */
final class EmbeddingCache {

  private final Path file;
  private final Map<String, float[]> vectors = new HashMap<>();
  private double embedSeconds;
  private int embedded;

  EmbeddingCache(Path file) {
    this.file = file;
    if (file != null && Files.isRegularFile(file)) {
      try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
          String key = in.readUTF();
          float[] v = new float[in.readInt()];
          for (int d = 0; d < v.length; d++) {
            v[d] = in.readFloat();
          }
          vectors.put(key, v);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The embeddings of {@code texts}, in order; missing ones embedded in batches of 32 and saved. */
  List<float[]> embedAll(EmbeddingModel model, List<String> texts) {
    List<String> missing = texts.stream().filter(t -> !vectors.containsKey(key(t))).distinct().toList();
    long start = System.nanoTime();
    for (int i = 0; i < missing.size(); i += 32) {
      List<String> batch = missing.subList(i, Math.min(missing.size(), i + 32));
      var out = model.embedAll(batch.stream().map(TextSegment::from).toList()).content();
      for (int j = 0; j < batch.size(); j++) {
        vectors.put(key(batch.get(j)), out.get(j).vector());
      }
    }
    embedSeconds = (System.nanoTime() - start) / 1e9;
    embedded = missing.size();
    if (!missing.isEmpty()) {
      save();
    }
    List<float[]> result = new ArrayList<>(texts.size());
    texts.forEach(t -> result.add(vectors.get(key(t))));
    return result;
  }

  /** Seconds the last {@link #embedAll} spent in the model, and how many texts it embedded. */
  double lastEmbedSeconds() {
    return embedSeconds;
  }

  int lastEmbedded() {
    return embedded;
  }

  private void save() {
    if (file == null) {
      return;
    }
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(file)))) {
        out.writeInt(vectors.size());
        for (Map.Entry<String, float[]> e : vectors.entrySet()) {
          out.writeUTF(e.getKey());
          out.writeInt(e.getValue().length);
          for (float x : e.getValue()) {
            out.writeFloat(x);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String key(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
