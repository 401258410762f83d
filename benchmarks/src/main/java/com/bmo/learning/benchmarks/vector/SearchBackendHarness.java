package com.bmo.learning.benchmarks.vector;

import com.bmo.learning.opensearch.junit.EmbeddedOpenSearchNode;
import com.bmo.learning.search.IndexedChunk;
import com.bmo.learning.search.SearchHit;
import com.bmo.learning.search.SearchIndex;
import com.bmo.learning.search.SearchQuery;
import com.bmo.learning.search.lucene.IndexSettings;
import com.bmo.learning.search.lucene.LuceneSearchIndex;
import com.bmo.learning.search.lucene.MergeSettings;
import com.bmo.learning.search.opensearch.OpenSearchSearchIndex;
import com.bmo.learning.search.opensearch.OpenSearchSettings;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Both search backends through the one {@link SearchIndex} port, on the same synthetic corpus in the same
 * run: indexing throughput, p50/p99 latency of keyword, vector and hybrid search (interleaved per query,
 * so load changes hit all three alike), and recall@10 of the vector mode against exact brute force.
 *
 * <pre>java -Xmx6g -cp benchmarks/target/benchmarks.jar com.bmo.learning.benchmarks.vector.SearchBackendHarness \
 *     [backends=lucene,opensearch] [size=100000] [queries=300] [dir=benchmarks/target/search-bench]
 *     [opensearch=http://127.0.0.1:9200 (default: a node started in this JVM)]
 *     [lucene-dir=(an index a former run left: measured without indexing; as written with lucene-merge-above=0)] [lucene-merged=true (then merged into
 *     one segment and measured again)]
 *     [lucene-segments-per-tier=10] [lucene-floor-mb=2] [lucene-merge-to=3 lucene-merge-above=8 (background merge;
 *     lucene-merge-above=0: off) (default: IndexSettings' MergeSettings)] [lucene-candidates=200 (HNSW candidates
 *     per segment, IndexSettings.searchCandidates)]
 *     [lucene-baseline=true (first the same corpus into a Lucene index as configured before the background merge:
 *     Lucene's own merge defaults, no background merge, lucene-baseline-candidates=100; then the configured one;
 *     prints configured / baseline)]</pre>
 */
public final class SearchBackendHarness {

  private static final int K = 10;
  private static final int BATCH = 500;
  private static final int VOCABULARY = 20_000;
  private static final int WORDS_PER_CHUNK = 60;

  private SearchBackendHarness() {
  }

  public static void main(String[] args) throws Exception {
    Args a = new Args(args);
    List<String> backends = new ArrayList<>(List.of(a.get("backends", "lucene,opensearch").split(",")));
    if (Boolean.parseBoolean(a.get("lucene-baseline", "false")) && backends.contains("lucene")) {
      backends.add(backends.indexOf("lucene"), "lucene-baseline");
    }
    int size = a.getInt("size", 100_000);
    int queries = a.getInt("queries", 300);
    Path dir = Path.of(a.get("dir", "benchmarks/target/search-bench"));
    Files.createDirectories(dir);
    int dim = SyntheticEmbeddings.DIMENSION;

    SyntheticEmbeddings data = new SyntheticEmbeddings(BenchIndex.SEED);
    float[][] corpus = new float[size][];
    for (int i = 0; i < size; i++) {
      corpus[i] = data.vector(BenchIndex.DOCUMENT_STREAM, i);
    }
    float[][] qv = new float[queries][];
    String[] qt = new String[queries];
    for (int q = 0; q < queries; q++) {
      qv[q] = data.vector(BenchIndex.QUERY_STREAM, q);
      qt[q] = words(new SplittableRandom(7_000_000L + q), 3);
    }
    List<Set<String>> truth = new ArrayList<>();
    long exactStart = System.nanoTime();
    long[] exactNanos = new long[queries];
    for (int q = 0; q < queries; q++) {
      long t0 = System.nanoTime();
      Set<String> ids = new HashSet<>();
      for (int i : exactTopK(corpus, qv[q], K)) {
        ids.add("c" + i);
      }
      exactNanos[q] = System.nanoTime() - t0;
      truth.add(ids);
    }
    System.out.printf("corpus: %d chunks x %d dims, %d-word texts over %d words; %d queries, k=%d; exact top-%d"
        + " in %.1f s (p50 %.2f ms)%n", size, dim, WORDS_PER_CHUNK, VOCABULARY, queries, K, K,
        (System.nanoTime() - exactStart) / 1e9, pct(exactNanos, 50));
    System.out.println("machine load at start: " + load());

    Map<String, Result> results = new LinkedHashMap<>();
    EmbeddedOpenSearchNode node = null;
    try {
      for (String backend : backends) {
        boolean reused = "lucene".equals(backend) && !a.get("lucene-dir", "").isEmpty();
        SearchIndex index;
        if (backend.startsWith("lucene")) {
          // lucene-dir: an index an earlier run of this harness left (same size), measured without indexing.
          Path luceneDir = reused ? Path.of(a.get("lucene-dir", "")) : Files.createTempDirectory(dir, "lucene-");
          MergeSettings merges = "lucene-baseline".equals(backend) ? MergeSettings.luceneDefaults() : merges(a);
          IndexSettings settings = IndexSettings.defaults(dim).withMerges(merges);
          settings = settings.withSearchCandidates("lucene-baseline".equals(backend)
              ? a.getInt("lucene-baseline-candidates", 100)
              : a.getInt("lucene-candidates", settings.searchCandidates()));
          index = LuceneSearchIndex.open("bench", luceneDir, settings);
          System.out.println(backend + ": " + merges + ", searchCandidates " + settings.searchCandidates());
        } else if ("opensearch".equals(backend)) {
          URI url;
          if (a.get("opensearch", "").isEmpty()) {
            node = EmbeddedOpenSearchNode.start("bench");
            url = node.httpEndpoint();
          } else {
            url = URI.create(a.get("opensearch", ""));
          }
          index = OpenSearchSearchIndex.open(OpenSearchSettings.builder(url, "bench-" + System.currentTimeMillis())
              .replicas(0).build(), dim);
        } else {
          throw new IllegalArgumentException("unknown backend " + backend);
        }
        try (SearchIndex i = index) {
          if (reused) {
            settle(backend, i); // with the background merge on, opening a fragmented index starts one
          }
          results.put(backend, reused
              ? measure(backend, i, Double.NaN, corpus, qv, qt, truth) : run(backend, i, corpus, qv, qt, truth));
        }
        if ("lucene-baseline".equals(backend)) {
          deleteTree(((LuceneSearchIndex) index).directory()); // its disk and page cache go to the next one
        }
        if ("lucene".equals(backend) && index instanceof LuceneSearchIndex lucene
            && Boolean.parseBoolean(a.get("lucene-merged", "false"))) {
          // The same index merged into one segment: what a force-merge (or a coarser merge policy) would buy.
          int before = forceMerge(lucene.directory());
          System.out.printf("lucene: force-merged %d segments into 1; load %s%n", before, load());
          try (LuceneSearchIndex merged = LuceneSearchIndex.open("bench", lucene.directory(),
              IndexSettings.defaults(dim))) {
            results.put("lucene-merged", measure("lucene-merged", merged, Double.NaN, corpus, qv, qt, truth));
          }
        }
      }
    } finally {
      if (node != null) {
        node.close();
      }
    }
    if (results.containsKey("lucene") && results.containsKey("opensearch")) {
      Result l = results.get("lucene");
      Result o = results.get("opensearch");
      System.out.printf("opensearch/lucene: indexing throughput %.2f, p50 keyword %.2f, vector %.2f, hybrid %.2f%n",
          o.chunksPerSecond / l.chunksPerSecond, o.keyword[0] / l.keyword[0], o.vector[0] / l.vector[0],
          o.hybrid[0] / l.hybrid[0]);
    }
    if (results.containsKey("lucene") && results.containsKey("lucene-baseline")) {
      Result c = results.get("lucene");
      Result b = results.get("lucene-baseline");
      System.out.printf("lucene/lucene-baseline: segments %d/%d, indexing throughput %.2f (%.2f counting the background"
          + " merge), p50 keyword %.2f, vector %.2f, hybrid %.2f; vector/exact p50 %.3f vs %.3f%n", c.segments,
          b.segments, c.chunksPerSecond / b.chunksPerSecond, c.chunksPerSecondMerged / b.chunksPerSecondMerged,
          c.keyword[0] / b.keyword[0], c.vector[0] / b.vector[0], c.hybrid[0] / b.hybrid[0], c.vectorToExact,
          b.vectorToExact);
    }
    System.out.println("machine load at end: " + load());
  }

  private static void deleteTree(Path root) throws java.io.IOException {
    try (var paths = Files.walk(root)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** The Lucene backend's merge settings: IndexSettings' defaults, changed by the lucene-* options. */
  static MergeSettings merges(Args a) {
    MergeSettings d = MergeSettings.defaults();
    MergeSettings m = d.withTiers(Double.parseDouble(a.get("lucene-segments-per-tier", "" + d.segmentsPerTier())),
        Double.parseDouble(a.get("lucene-floor-mb", "" + d.floorSegmentMb())));
    int above = a.getInt("lucene-merge-above", d.mergeAbove());
    return above == 0 ? m.withoutBackgroundMerge() : m.withBackgroundMerge(a.getInt("lucene-merge-to", d.mergeTo()), above);
  }

  /** Waits until a background merge left at most {@code mergeAbove} segments (when it is on); prints the count. */
  static double settle(String name, SearchIndex index) throws InterruptedException {
    if (!(index instanceof LuceneSearchIndex lucene)) {
      return 0;
    }
    System.out.printf("%s: %d segments after the last write; load %s%n", name, lucene.segmentCount(), load());
    MergeSettings m = lucene.settings().merges();
    if (m.backgroundMerge()) {
      long t0 = System.nanoTime();
      while (lucene.segmentCount() > m.mergeAbove() && System.nanoTime() - t0 < 3_600_000_000_000L) {
        Thread.sleep(200);
      }
      double waited = (System.nanoTime() - t0) / 1e9;
      System.out.printf("%s: %d segments after the background merge, %.1f s after the last write%n", name,
          lucene.segmentCount(), waited);
      return waited;
    }
    return 0;
  }

  /** Merges the closed Lucene index in {@code directory} into one segment; returns the segments it had. */
  static int forceMerge(Path directory) throws java.io.IOException {
    try (org.apache.lucene.store.FSDirectory d = org.apache.lucene.store.FSDirectory.open(directory);
        org.apache.lucene.index.IndexWriter w = new org.apache.lucene.index.IndexWriter(d,
            new org.apache.lucene.index.IndexWriterConfig()
                .setOpenMode(org.apache.lucene.index.IndexWriterConfig.OpenMode.APPEND))) {
      int before = org.apache.lucene.index.SegmentInfos.readLatestCommit(d).size();
      w.forceMerge(1);
      w.commit();
      return before;
    }
  }

  /** The 1/5/15-minute load averages ({@code /proc/loadavg}), so a result can be read against the machine's load. */
  static String load() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2] + " on " + Runtime.getRuntime().availableProcessors() + " cores";
    } catch (java.io.IOException | RuntimeException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }

  record Result(double chunksPerSecond, double chunksPerSecondMerged, double[] keyword, double[] vector,
      double[] hybrid, double recall, double vectorToExact, int segments) {

    Result withIndexing(double chunksPerSecond, double chunksPerSecondMerged) {
      return new Result(chunksPerSecond, chunksPerSecondMerged, keyword, vector, hybrid, recall, vectorToExact,
          segments);
    }
  }

  private static Result run(String name, SearchIndex index, float[][] corpus, float[][] qv, String[] qt,
      List<Set<String>> truth) {
    long t0 = System.nanoTime();
    List<IndexedChunk> batch = new ArrayList<>(BATCH);
    for (int i = 0; i < corpus.length; i++) {
      String id = "c" + i;
      String source = "s3://bench/doc-" + (i / 50) + ".pdf";
      batch.add(new IndexedChunk(id, source, words(new SplittableRandom(i), WORDS_PER_CHUNK),
          Map.of("chunk_id", id, "source_uri", source, "course", "course-" + (i % 10), "page", i % 50 + 1),
          corpus[i]));
      if (batch.size() == BATCH || i == corpus.length - 1) {
        index.upsert(batch);
        batch.clear();
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    double throughput = corpus.length / seconds;
    System.out.printf("%s: indexed %d chunks in %.1f s = %.0f chunks/s; load %s%n", name, corpus.length, seconds,
        throughput, load());
    double merging;
    try {
      merging = settle(name, index);
      if (merging > 0) {
        System.out.printf("%s: %.0f chunks/s counting the background merge's end%n", name,
            corpus.length / (seconds + merging));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return measure(name, index, throughput, corpus, qv, qt, truth)
        .withIndexing(throughput, corpus.length / (seconds + merging));
  }

  /** Latency of the three modes (interleaved per query, with the exact baseline) and recall of the vector mode. */
  static Result measure(String name, SearchIndex index, double throughput, float[][] corpus, float[][] qv,
      String[] qt, List<Set<String>> truth) {
    int queries = qv.length;
    int segments = index instanceof LuceneSearchIndex lucene ? lucene.segmentCount() : -1;
    if (segments >= 0) {
      System.out.printf("%s: measuring %d segments%n", name, segments);
    }
    // Warm-up: JIT, caches, the HNSW graph's pages.
    for (int q = 0; q < Math.min(100, queries); q++) {
      index.search(SearchQuery.keyword(qt[q], K));
      index.search(SearchQuery.vector(qv[q], K));
      index.search(SearchQuery.hybrid(qt[q], qv[q], K));
    }
    long[] kw = new long[queries];
    long[] vec = new long[queries];
    long[] hyb = new long[queries];
    long[] exact = new long[queries];
    double recall = 0;
    for (int q = 0; q < queries; q++) {
      long s0 = System.nanoTime();
      index.search(SearchQuery.keyword(qt[q], K));
      long s1 = System.nanoTime();
      List<SearchHit> hits = index.search(SearchQuery.vector(qv[q], K));
      long s2 = System.nanoTime();
      index.search(SearchQuery.hybrid(qt[q], qv[q], K));
      long s3 = System.nanoTime();
      exactTopK(corpus, qv[q], K); // the baseline, interleaved so it sees the same load as the searches
      exact[q] = System.nanoTime() - s3;
      kw[q] = s1 - s0;
      vec[q] = s2 - s1;
      hyb[q] = s3 - s2;
      Set<String> t = truth.get(q);
      recall += hits.stream().filter(h -> t.contains(h.chunkId())).count() / (double) K;
    }
    Result r = new Result(throughput, throughput, new double[] {pct(kw, 50), pct(kw, 99)},
        new double[] {pct(vec, 50), pct(vec, 99)}, new double[] {pct(hyb, 50), pct(hyb, 99)}, recall / queries,
        pct(vec, 50) / pct(exact, 50), segments);
    System.out.printf("%s: exact brute force (baseline, same loop) p50 %.2f ms p99 %.2f ms%n", name, pct(exact, 50),
        pct(exact, 99));
    double exactP50 = pct(exact, 50);
    System.out.printf("%s: keyword p50 %.2f ms p99 %.2f ms | vector p50 %.2f ms p99 %.2f ms | hybrid p50 %.2f ms"
        + " p99 %.2f ms%n", name, r.keyword[0], r.keyword[1], r.vector[0], r.vector[1], r.hybrid[0], r.hybrid[1]);
    System.out.printf("%s: p50 ratios hybrid/vector %.2f, keyword/vector %.2f, vector/exact brute force %.3f;"
        + " recall@10 (vector vs exact) %.4f; load %s%n",
        name, r.hybrid[0] / r.vector[0], r.keyword[0] / r.vector[0], r.vector[0] / exactP50, r.recall, load());
    return r;
  }

  /** {@code n} words drawn from a Zipf-like vocabulary (a few words are common, most are rare). */
  static String words(SplittableRandom r, int n) {
    StringBuilder sb = new StringBuilder(n * 7);
    for (int i = 0; i < n; i++) {
      double u = r.nextDouble();
      int w = (int) Math.min(VOCABULARY - 1, Math.floor(Math.pow(VOCABULARY, u)) - 1);
      if (i > 0) {
        sb.append(' ');
      }
      sb.append('w').append(w);
    }
    return sb.toString();
  }

  static int[] exactTopK(float[][] corpus, float[] q, int k) {
    int[] best = new int[k];
    float[] bestScore = new float[k];
    Arrays.fill(bestScore, Float.NEGATIVE_INFINITY);
    for (int i = 0; i < corpus.length; i++) {
      float[] v = corpus[i];
      float dot = 0;
      for (int d = 0; d < v.length; d++) {
        dot += v[d] * q[d];
      }
      if (dot > bestScore[k - 1]) {
        int j = k - 1;
        while (j > 0 && bestScore[j - 1] < dot) {
          bestScore[j] = bestScore[j - 1];
          best[j] = best[j - 1];
          j--;
        }
        bestScore[j] = dot;
        best[j] = i;
      }
    }
    return best;
  }

  static double pct(long[] nanos, int p) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    int i = (int) Math.ceil(p / 100.0 * s.length) - 1;
    return s[Math.max(0, i)] / 1e6;
  }
}
