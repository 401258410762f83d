package com.bmo.learning.search.index;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Deterministic synthetic chunks for index and backup tests (no model needed). */
public final class TestChunks {

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

  /** Chunk {@code n} of document {@code doc}, in course {@code course}, with a vector seeded by its id. */
  public static IndexedChunk chunk(String doc, int n, String course, int dimension) {
    String id = doc + "#" + n;
    String source = "s3://lessons/" + doc + ".pdf";
    Metadata m = new Metadata()
        .put(ChunkMetadata.CHUNK_ID, id)
        .put(ChunkMetadata.SOURCE_URI, source)
        .put(ChunkMetadata.BUCKET, "lessons")
        .put(ChunkMetadata.KEY, doc + ".pdf")
        .put(ChunkMetadata.PAGE, n / 3 + 1)
        .put(ChunkMetadata.COURSE, course);
    return new IndexedChunk(id, TextSegment.from("text of " + id, m), vector(id.hashCode() * 31L + 7,
        dimension));
  }

  /** {@code count} chunks of document {@code doc}. */
  public static List<IndexedChunk> document(String doc, int count, String course, int dimension) {
    List<IndexedChunk> chunks = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      chunks.add(chunk(doc, i, course, dimension));
    }
    return chunks;
  }
}
