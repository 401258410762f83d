package com.bmo.learning.benchmarks.vector;

import com.bmo.learning.search.lucene.LuceneSearchIndex;
import com.bmo.learning.search.SearchHit;
import com.bmo.learning.search.SearchQuery;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Search latency (p50/p99) and recall@10 of the Lucene HNSW index at 100,000 vectors of 384 dimensions,
 * against exact brute-force cosine search over the same vectors, in the same run.
 *
 * <pre>java -Xmx6g -cp benchmarks/target/benchmarks.jar com.bmo.learning.benchmarks.vector.VectorSearchHarness \
 *     [dir=benchmarks/target/vector-bench] [size=100000] [maxConn=16] [beamWidth=100] [candidates=100]
 *     [queries=500] [data=clustered|uniform]</pre>
 */
public final class VectorSearchHarness {

  private VectorSearchHarness() {
  }

  public static void main(String[] args) throws Exception {
    Args a = new Args(args);
    Path root = Path.of(a.get("dir", "benchmarks/target/vector-bench"));
    int size = a.getInt("size", 100_000);
    int maxConn = a.getInt("maxConn", 16);
    int beamWidth = a.getInt("beamWidth", 100);
    int candidates = a.getInt("candidates", 100);
    int queries = a.getInt("queries", 500);
    boolean uniform = "uniform".equals(a.get("data", "clustered"));
    int k = 10;

    SyntheticEmbeddings data = new SyntheticEmbeddings(BenchIndex.SEED, uniform);
    try (LuceneSearchIndex index = BenchIndex.openOrBuild(root, size, maxConn, beamWidth, candidates,
        uniform)) {
      float[][] corpus = new float[size][];
      for (int i = 0; i < size; i++) {
        corpus[i] = data.vector(BenchIndex.DOCUMENT_STREAM, i);
      }
      float[][] qs = new float[queries][];
      for (int q = 0; q < queries; q++) {
        qs[q] = data.vector(BenchIndex.QUERY_STREAM, q);
      }
      // Warm-up: JIT and page cache.
      for (int q = 0; q < Math.min(200, queries); q++) {
        index.search(SearchQuery.vector(qs[q], k));
        exactTopK(corpus, qs[q], k);
      }
      long[] hnswNanos = new long[queries];
      long[] exactNanos = new long[queries];
      double recallSum = 0;
      for (int q = 0; q < queries; q++) {
        long t0 = System.nanoTime();
        List<SearchHit> hits = index.search(SearchQuery.vector(qs[q], k));
        long t1 = System.nanoTime();
        int[] exact = exactTopK(corpus, qs[q], k);
        long t2 = System.nanoTime();
        hnswNanos[q] = t1 - t0;
        exactNanos[q] = t2 - t1;
        Set<String> truth = new HashSet<>();
        for (int i : exact) {
          truth.add("v" + BenchIndex.DOCUMENT_STREAM + "-" + i);
        }
        recallSum += hits.stream().filter(h -> truth.contains(h.chunkId())).count() / (double) k;
      }
      double recall = recallSum / queries;
      System.out.printf("data=%s vectors=%d dims=%d maxConn=%d beamWidth=%d candidates=%d queries=%d%n",
          uniform ? "uniform" : "clustered", size, SyntheticEmbeddings.DIMENSION, maxConn, beamWidth,
          candidates, queries);
      System.out.printf("HNSW   search: p50 %.2f ms, p99 %.2f ms%n", pct(hnswNanos, 50), pct(hnswNanos, 99));
      System.out.printf("exact  search: p50 %.2f ms, p99 %.2f ms (brute force over float[][], same JVM)%n",
          pct(exactNanos, 50), pct(exactNanos, 99));
      System.out.printf("HNSW/exact p50 latency: %.3f%n", pct(hnswNanos, 50) / pct(exactNanos, 50));
      System.out.printf("recall@10: %.4f%n", recall);
    }
  }

  /** Indexes of the k most cosine-similar vectors (all are unit length: dot product). */
  static int[] exactTopK(float[][] corpus, float[] q, int k) {
    int[] best = new int[k];
    float[] scores = new float[k];
    Arrays.fill(scores, Float.NEGATIVE_INFINITY);
    for (int i = 0; i < corpus.length; i++) {
      float[] v = corpus[i];
      float s = 0;
      for (int d = 0; d < v.length; d++) {
        s += v[d] * q[d];
      }
      if (s > scores[k - 1]) {
        int j = k - 1;
        while (j > 0 && scores[j - 1] < s) {
          scores[j] = scores[j - 1];
          best[j] = best[j - 1];
          j--;
        }
        scores[j] = s;
        best[j] = i;
      }
    }
    return best;
  }

  static double pct(long[] nanos, int p) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }
}
