package com.bmo.learning.benchmarks.eval;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.e5smallv2q.E5SmallV2QuantizedEmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The retrieval evaluation through the library pipeline: ingests the corpus (Debian documentation packages
 * extracted by {@code benchmarks/fetch-eval-corpus.sh}), asks every question of
 * {@code eval/questions.jsonl}, and prints Recall@1/5/10 and MRR@10 for keyword, vector and hybrid search
 * over the pipeline's chunks at each chunk size, next to the naive baseline (raw text, fixed 800-character
 * windows, vector search) measured in the same run, plus the embedding throughput of each model. Searches
 * run in the service's own index ({@link EvalIndex}). Besides all questions it reports the tuning half
 * (odd ids, on which ranking parameters were chosen) and the held-out half (even ids) apart.
 *
 * <pre>
 * benchmarks/fetch-eval-corpus.sh /tmp/eval-corpus
 * ./mvnw -B -q -pl benchmarks -am -DskipTests package
 * java -cp benchmarks/target/benchmarks.jar com.bmo.learning.benchmarks.eval.RetrievalEvaluation \
 *     --corpus /tmp/eval-corpus [--sizes 400,600,800] [--overlap 0] [--models minilm-q,minilm,bge-q]
 *     [--baseline true|false] [--cache DIR (embeddings kept between runs; leave out to time the models)]
 * </pre>
 */
public final class RetrievalEvaluation {

  /** bge-small-en-v1.5's instruction for short queries against passages. */
  static final String BGE_QUERY_PREFIX = "Represent this sentence for searching relevant passages: ";
  /** e5 was trained with these prefixes on queries and passages. */
  static final String E5_QUERY_PREFIX = "query: ";
  static final String E5_PASSAGE_PREFIX = "passage: ";

  private RetrievalEvaluation() {
  }

  public static void main(String[] args) throws IOException {
    Path corpus = Path.of(arg(args, "--corpus", "/tmp/eval-corpus"));
    int[] sizes = Arrays.stream(arg(args, "--sizes", "400,600,800").split(",")).mapToInt(Integer::parseInt).toArray();
    int overlap = Integer.parseInt(arg(args, "--overlap", "0"));
    List<String> models = List.of(arg(args, "--models", "minilm-q").split(","));
    String cacheDir = arg(args, "--cache", null);
    boolean naiveToo = !"false".equals(arg(args, "--baseline", "true"));
    List<EvalQuestion> questions = questions(arg(args, "--questions", null));
    List<Path> files = files(corpus, questions);
    System.out.printf("%d questions over %d files%n", questions.size(), files.size());

    for (String name : models) {
      EmbeddingModel model = model(name);
      String prefix = name.startsWith("bge") ? BGE_QUERY_PREFIX : name.startsWith("e5") ? E5_QUERY_PREFIX : "";
      String passagePrefix = name.startsWith("e5") ? E5_PASSAGE_PREFIX : "";
      EmbeddingCache cache = new EmbeddingCache(cacheDir == null ? null : Path.of(cacheDir, name + ".bin"));
      if (naiveToo) {
        try (EvalIndex naive = new EvalIndex(PassageSources.naive(files, 800), model, "", cache)) {
          report(name, "naive 800 (no clean-up)", naive, questions, EvalIndex.Mode.VECTOR);
        }
      }
      for (int size : sizes) {
        List<Passage> passages = PassageSources.pipeline(files, size, overlap);
        try (EvalIndex index = new EvalIndex(passages, model, prefix, passagePrefix, cache)) {
          System.out.printf("%-8s pipeline %d/%d: %d chunks, %d embedded in %.1f s = %.1f chunks/s%n", name, size,
              overlap, index.size(), cache.lastEmbedded(), index.embedSeconds(),
              cache.lastEmbedded() / Math.max(1e-9, index.embedSeconds()));
          for (EvalIndex.Mode mode : EvalIndex.Mode.values()) {
            report(name, "pipeline " + size, index, questions, mode);
          }
        }
      }
    }
  }

  /** Metrics of one index and mode over every question. */
  public static RankingMetrics evaluate(EvalIndex index, List<EvalQuestion> questions, EvalIndex.Mode mode) {
    return RankingMetrics.of(ranks(index, questions, mode));
  }

  /** The 1-based rank of each question's first relevant passage in the top 10, 0 when none. */
  static List<Integer> ranks(EvalIndex index, List<EvalQuestion> questions, EvalIndex.Mode mode) {
    List<Integer> ranks = new ArrayList<>();
    for (EvalQuestion q : questions) {
      ranks.add(firstRelevantRank(q, index.search(q.question(), mode, 10)));
    }
    return ranks;
  }

  /** "all ... | tuning half ... | held-out half ...": the halves are odd and even positions (ids q01, q02, ...). */
  static String withHalves(List<Integer> ranks) {
    List<Integer> tuning = new ArrayList<>();
    List<Integer> heldOut = new ArrayList<>();
    for (int i = 0; i < ranks.size(); i++) {
      (i % 2 == 0 ? tuning : heldOut).add(ranks.get(i));
    }
    return RankingMetrics.of(ranks) + " | tuning " + RankingMetrics.of(tuning).brief() + " | held-out "
        + RankingMetrics.of(heldOut).brief();
  }

  static int firstRelevantRank(EvalQuestion q, List<Passage> hits) {
    for (int i = 0; i < hits.size(); i++) {
      Passage p = hits.get(i);
      if (q.isAnsweredBy(p.fileName(), p.page(), p.pageEnd(), p.headingPath())) {
        return i + 1;
      }
    }
    return 0;
  }

  private static void report(String model, String what, EvalIndex index, List<EvalQuestion> questions,
      EvalIndex.Mode mode) {
    System.out.printf("%-8s %-26s %-7s %s%n", model, what, mode.name().toLowerCase(),
        withHalves(ranks(index, questions, mode)));
  }

  static EmbeddingModel model(String name) {
    return switch (name) {
      case "minilm" -> new AllMiniLmL6V2EmbeddingModel();
      case "minilm-q" -> new AllMiniLmL6V2QuantizedEmbeddingModel();
      case "bge-q" -> new BgeSmallEnV15QuantizedEmbeddingModel();
      case "e5-q" -> new E5SmallV2QuantizedEmbeddingModel();
      default -> throw new IllegalArgumentException("unknown model " + name + " (minilm, minilm-q, bge-q, e5-q)");
    };
  }

  static List<EvalQuestion> questions(String file) throws IOException {
    if (file != null) {
      try (InputStream in = Files.newInputStream(Path.of(file))) {
        return EvalQuestion.read(in);
      }
    }
    try (InputStream in = RetrievalEvaluation.class.getResourceAsStream("/eval/questions.jsonl")) {
      return EvalQuestion.read(in);
    }
  }

  /** Every file the questions name, at {@code corpus/<package>/<file>}. */
  static List<Path> files(Path corpus, List<EvalQuestion> questions) {
    LinkedHashSet<Path> files = new LinkedHashSet<>();
    for (EvalQuestion q : questions) {
      Path f = corpus.resolve(q.packageName()).resolve(q.file());
      if (!Files.isRegularFile(f)) {
        throw new IllegalArgumentException(f + " is missing: run benchmarks/fetch-eval-corpus.sh " + corpus);
      }
      files.add(f);
    }
    return List.copyOf(files);
  }

  /** The value after {@code name} in {@code args}, else {@code fallback}. */
  static String arg(String[] args, String name, String fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }
}
