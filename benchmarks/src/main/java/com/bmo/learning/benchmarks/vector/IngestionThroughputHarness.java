package com.bmo.learning.benchmarks.vector;

import com.bmo.learning.search.IndexedChunk;
import com.bmo.learning.search.embedding.BatchEmbedder;
import com.bmo.learning.search.embedding.EmbeddingModels;
import com.bmo.learning.search.lucene.IndexSettings;
import com.bmo.learning.search.lucene.LuceneSearchIndex;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Ingestion throughput (embed with all-MiniLM-L6-v2 in-process, then upsert into the Lucene index with a
 * commit per document) against embedding-only throughput of the same model on the same chunks, embedded
 * in the same calls (one document at a time), in one run. Each document is measured both ways back to back.
 *
 * <pre>java -Xmx4g -cp benchmarks/target/benchmarks.jar com.bmo.learning.benchmarks.vector.IngestionThroughputHarness \
 *     [chunks=600] [perDocument=30] [rounds=3] [dir=benchmarks/target/vector-bench]</pre>
 */
public final class IngestionThroughputHarness {

  private IngestionThroughputHarness() {
  }

  public static void main(String[] args) throws Exception {
    Args a = new Args(args);
    int count = a.getInt("chunks", 600);
    int perDocument = a.getInt("perDocument", 30);
    int rounds = a.getInt("rounds", 3);
    Path root = Path.of(a.get("dir", "benchmarks/target/vector-bench"));

    Map<String, List<TextSegment>> documents = lessonChunks(count, perDocument);
    List<TextSegment> all = documents.values().stream().flatMap(List::stream).toList();
    BatchEmbedder embedder = new BatchEmbedder(EmbeddingModels.localMiniLm());
    embedder.embedAll(all.subList(0, Math.min(64, all.size())));

    // Paired measurements: each document is embedded alone, then ingested (embedded again and written to
    // the index with a commit), back to back. Load from other processes on a shared machine then hits both
    // alike, which alternating whole passes did not achieve.
    double[] ratios = new double[rounds];
    long embedTotal = 0;
    long pipelineTotal = 0;
    for (int r = 0; r < rounds; r++) {
      Path dir = root.resolve("ingest-round-" + r);
      BenchIndex.deleteTree(dir);
      long embedNanos = 0;
      long pipelineNanos = 0;
      try (LuceneSearchIndex index = LuceneSearchIndex.open("ingest", dir,
          IndexSettings.defaults(embedder.dimension()))) {
        for (Map.Entry<String, List<TextSegment>> document : documents.entrySet()) {
          long t0 = System.nanoTime();
          int embedded = embedder.embedAll(document.getValue()).size();
          long t1 = System.nanoTime();
          int indexed = indexSource(embedder, index, document.getKey(), document.getValue());
          long t2 = System.nanoTime();
          if (embedded != indexed) {
            throw new IllegalStateException(embedded + " != " + indexed);
          }
          embedNanos += t1 - t0;
          pipelineNanos += t2 - t1;
        }
        if (index.count() != all.size()) {
          throw new IllegalStateException("indexed " + index.count());
        }
      }
      BenchIndex.deleteTree(dir);
      embedTotal += embedNanos;
      pipelineTotal += pipelineNanos;
      ratios[r] = (double) embedNanos / pipelineNanos;
      System.out.printf("round %d: embedding only %.1f chunks/s, ingestion pipeline %.1f chunks/s, ratio %.3f%n",
          r + 1, all.size() / (embedNanos / 1e9), all.size() / (pipelineNanos / 1e9), ratios[r]);
    }
    double e = rounds * (double) all.size() / (embedTotal / 1e9);
    double p = rounds * (double) all.size() / (pipelineTotal / 1e9);
    System.out.printf("chunks=%d documents=%d batch=%d rounds=%d%n", all.size(), documents.size(),
        embedder.batchSize(), rounds);
    System.out.printf("embedding only (all rounds): %.1f chunks/s%n", e);
    System.out.printf("ingestion pipeline (all rounds): %.1f chunks/s%n", p);
    System.out.printf("pipeline / embedding-only: %.3f (rounds: min %.3f, median %.3f)%n", p / e,
        Arrays.stream(ratios).min().orElse(0), median(ratios));
    Files.createDirectories(root);
  }

  static double median(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  private static final String[] SENTENCES = {
      "A linear equation describes a straight line whose slope stays the same everywhere.",
      "Photosynthesis converts light energy into chemical energy stored in glucose.",
      "The French Revolution began in 1789 and reshaped European politics for a century.",
      "Compound interest adds each period's interest to the principal before the next period.",
      "An acid donates protons in solution, while a base accepts them.",
      "The derivative of a function measures how fast its value changes at a point.",
      "Cells divide by mitosis to grow and by meiosis to make reproductive cells.",
      "The Industrial Revolution moved production from workshops to mechanised factories.",
      "A budget compares expected income with planned spending over a month or a year.",
      "Newton's second law states that force equals mass times acceleration.",
      "Students should review the worked examples before attempting the exercises.",
      "Each lesson ends with a short quiz that checks the main ideas.",
      "Vectors have both a magnitude and a direction, unlike scalar quantities.",
      "Enzymes speed up chemical reactions without being used up themselves.",
      "Supply and demand together determine the market price of a good.",
      "The water cycle moves water between oceans, the atmosphere and the land.",
      "Probability expresses how likely an event is on a scale from zero to one.",
      "Ancient Rome grew from a small city into an empire around the Mediterranean.",
      "Diversifying investments lowers the risk that one loss ruins the portfolio.",
      "Electric current is the rate at which charge flows through a conductor."};

  /** Lesson-like chunks of 5-8 sentences (about 80-130 words), grouped into documents. */
  static Map<String, List<TextSegment>> lessonChunks(int count, int perDocument) {
    SplittableRandom r = new SplittableRandom(7);
    Map<String, List<TextSegment>> documents = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      StringBuilder text = new StringBuilder();
      int sentences = 5 + r.nextInt(4);
      for (int s = 0; s < sentences; s++) {
        text.append(SENTENCES[r.nextInt(SENTENCES.length)]).append(' ');
      }
      String source = "s3://bench/lesson-" + i / perDocument + ".pdf";
      Metadata m = new Metadata().put("chunk_id", "lesson-" + i).put("source_uri", source)
          .put("course", "course-" + (i / perDocument) % 4).put("page", i % perDocument + 1);
      documents.computeIfAbsent(source, k -> new ArrayList<>()).add(TextSegment.from(text.toString().strip(),
          m));
    }
    return documents;
  }

  /** What the service does with a document's chunks: embed them, then replace the document in the index. */
  static int indexSource(BatchEmbedder embedder, LuceneSearchIndex index, String source,
      List<TextSegment> segments) {
    List<float[]> vectors = embedder.embedAll(segments);
    List<IndexedChunk> chunks = new java.util.ArrayList<>(segments.size());
    for (int i = 0; i < segments.size(); i++) {
      chunks.add(IndexedChunk.of(segments.get(i), vectors.get(i)));
    }
    index.replaceSource(source, chunks);
    return chunks.size();
  }
}
