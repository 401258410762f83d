package com.bmo.learning.search;

import com.bmo.learning.ingestion.MetadataKeys;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Deterministic synthetic chunks for index and backup tests (no model needed); shared with backends. */
public final class TestChunks {

  public static final String COURSE = "course";

  private TestChunks() {
  }

  /** A random unit vector; the same seed gives the same vector. */
  public static float[] vector(long seed, int dimension) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] v = new float[dimension];
    double norm = 0;
    for (int i = 0; i < dimension; i++) {
      v[i] = (float) r.nextGaussian();
      norm += v[i] * v[i];
    }
    float inv = (float) (1 / Math.sqrt(norm));
    for (int i = 0; i < dimension; i++) {
      v[i] *= inv;
    }
    return v;
  }

  /** The source URI of document {@code doc}. */
  public static String source(String doc) {
    return "s3://lessons/" + doc + ".pdf";
  }

  /** Chunk {@code n} of document {@code doc}, in course {@code course}, with a vector seeded by its id. */
  public static IndexedChunk chunk(String doc, int n, String course, int dimension) {
    return chunk(doc, n, course, "text of " + doc + " part " + n, dimension);
  }

  /** The same with the given text. */
  public static IndexedChunk chunk(String doc, int n, String course, String text, int dimension) {
    String id = doc + "#" + n;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(MetadataKeys.CHUNK_ID, id);
    m.put(MetadataKeys.SOURCE_URI, source(doc));
    m.put(MetadataKeys.BUCKET, "lessons");
    m.put(MetadataKeys.KEY, doc + ".pdf");
    m.put(MetadataKeys.PAGE, n / 3 + 1);
    m.put(COURSE, course);
    return new IndexedChunk(id, source(doc), text, m, vector(id.hashCode() * 31L + 7, dimension));
  }

  /** {@code count} chunks of document {@code doc}. */
  public static List<IndexedChunk> document(String doc, int count, String course, int dimension) {
    List<IndexedChunk> chunks = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      chunks.add(chunk(doc, i, course, dimension));
    }
    return chunks;
  }

  /** The chunk with other metadata entries added or replaced. */
  public static IndexedChunk with(IndexedChunk chunk, Map<String, Object> extra) {
    Map<String, Object> m = new LinkedHashMap<>(chunk.metadata());
    m.putAll(extra);
    return new IndexedChunk(chunk.id(), chunk.sourceUri(), chunk.text(), m, chunk.vector());
  }
}
