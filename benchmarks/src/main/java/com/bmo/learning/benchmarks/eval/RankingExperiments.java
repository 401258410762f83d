package com.bmo.learning.benchmarks.eval;

import static com.bmo.learning.benchmarks.eval.FusionTuning.DEPTH;
import static com.bmo.learning.benchmarks.eval.FusionTuning.metrics;
import static com.bmo.learning.benchmarks.eval.FusionTuning.normalized;
import static com.bmo.learning.benchmarks.eval.FusionTuning.ranks;
import static com.bmo.learning.benchmarks.eval.FusionTuning.rrf;
import static com.bmo.learning.benchmarks.eval.FusionTuning.terms;
import static com.bmo.learning.benchmarks.eval.FusionTuning.vectorTop;

import com.bmo.learning.benchmarks.eval.FusionTuning.Ranked;
import com.bmo.learning.search.HybridRanking;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Ranking ideas measured beside the service's ranking (English analyzer + question words, heading boost
 * 0.5, weighted RRF k = 60 with vector weight 1.5), on the same 800-character pipeline passages and cached
 * embeddings, each row with the tuning half (odd ids), the held-out half (even ids) and all questions:
 * phrase (bigram) boosts, a minimum share of matched terms and BM25 parameters on the keyword side; the
 * question without its learner framing,
 * pseudo-relevance feedback, neighbour smoothing, section-title vectors and sub-passage vectors on the
 * vector side; at most n passages per section; and e5-small-v2 (quantized) alone and as a third list.
 * docs/EVALUATION.md ("Ideas that did not help") has the numbers.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar com.bmo.learning.benchmarks.eval.RankingExperiments \
 *     --corpus /tmp/eval-corpus --cache /tmp/eval-cache
 * </pre>
 */
public final class RankingExperiments {

  private static final int RRF_K = HybridRanking.RANK_CONSTANT;
  private static final double VECTOR_WEIGHT = HybridRanking.VECTOR_WEIGHT;
  /** The framing of a learner's question, dropped for the "question without framing" vector. */
  private static final Set<String> FRAMING = Set.of("how", "what", "which", "why", "when", "where", "who", "do",
      "does", "did", "can", "could", "should", "would", "i", "me", "my", "you", "your", "we", "is", "are", "a",
      "an", "the", "to", "of", "in", "it");
  private static final Pattern SENTENCE_OR_PARAGRAPH = Pattern.compile("(?<=[.!?:])\\s+|\\n\\s*\\n");

  private final List<EvalQuestion> questions;
  private final List<Passage> passages;

  private RankingExperiments(List<EvalQuestion> questions, List<Passage> passages) {
    this.questions = questions;
    this.passages = passages;
  }

  /** The keyword side's set-up: heading boost, bigram phrase boost and slop, BM25 k1 and b. */
  record KeywordSetup(float headingBoost, float phraseBoost, int slop, float k1, float b, double minShouldMatch) {
    static final KeywordSetup SERVICE = new KeywordSetup(HybridRanking.HEADING_BOOST, 0, 0, 1.2f, 0.75f, 0);

    KeywordSetup(float headingBoost, float phraseBoost, int slop, float k1, float b) {
      this(headingBoost, phraseBoost, slop, k1, b, 0);
    }
  }

  public static void main(String[] args) throws IOException {
    Path corpus = Path.of(RetrievalEvaluation.arg(args, "--corpus", "/tmp/eval-corpus"));
    Path cache = Path.of(RetrievalEvaluation.arg(args, "--cache", "/tmp/eval-cache"));
    List<EvalQuestion> questions = RetrievalEvaluation.questions(RetrievalEvaluation.arg(args, "--questions", null));
    List<Passage> passages = PassageSources.pipeline(RetrievalEvaluation.files(corpus, questions), 800, 0);
    new RankingExperiments(questions, passages).run(cache);
  }

  private void run(Path cache) {
    EmbeddingModel minilm = RetrievalEvaluation.model("minilm-q");
    EmbeddingCache minilmCache = new EmbeddingCache(cache.resolve("minilm-q.bin"));
    List<float[]> qv = normalized(minilmCache.embedAll(minilm,
        questions.stream().map(EvalQuestion::question).toList()));
    List<float[]> pv = normalized(minilmCache.embedAll(minilm, passages.stream().map(Passage::indexText).toList()));
    List<List<Ranked>> keyword = keyword(KeywordSetup.SERVICE);
    List<List<Ranked>> vector = perQuestion(i -> vectorTop(qv.get(i), pv));
    System.out.printf("%d passages, %d questions; columns: tuning half (odd ids) | held-out half (even ids) | all%n",
        passages.size(), questions.size());
    report("service: keyword", keyword);
    report("service: vector", vector);
    report("service: hybrid", fuse(keyword, vector));

    // Keyword side: bigram phrase boosts (Solr's pf2), BM25 parameters.
    for (float boost : new float[] {0.5f, 1f, 2f}) {
      report("hybrid, keyword + bigram phrases x" + boost + " slop 2",
          fuse(keyword(new KeywordSetup(HybridRanking.HEADING_BOOST, boost, 2, 1.2f, 0.75f)), vector));
    }
    // Keyword side: a passage must hold a share of the question's terms (Elasticsearch's minimum_should_match).
    for (double share : new double[] {0.34, 0.5, 0.75}) {
      report("hybrid, keyword must match " + Math.round(share * 100) + "% of terms",
          fuse(keyword(new KeywordSetup(HybridRanking.HEADING_BOOST, 0, 0, 1.2f, 0.75f, share)), vector));
    }
    for (float[] kb : new float[][] {{0.9f, 0.4f}, {0.9f, 0.9f}, {1.2f, 0.4f}, {1.2f, 0.9f}, {1.6f, 0.75f}}) {
      report("hybrid, BM25 k1 " + kb[0] + " b " + kb[1],
          fuse(keyword(new KeywordSetup(HybridRanking.HEADING_BOOST, 0, 0, kb[0], kb[1])), vector));
    }

    // Vector side: the question without its framing, alone and averaged with the question.
    List<float[]> bare = normalized(minilmCache.embedAll(minilm,
        questions.stream().map(q -> withoutFraming(q.question())).toList()));
    report("vector, question without framing", perQuestion(i -> vectorTop(bare.get(i), pv)));
    report("hybrid, question without framing", fuse(keyword, perQuestion(i -> vectorTop(bare.get(i), pv))));
    List<List<Ranked>> averaged =
        perQuestion(i -> vectorTop(normalized(List.of(sum(qv.get(i), bare.get(i), 1))).get(0), pv));
    report("hybrid, question + question without framing", fuse(keyword, averaged));

    // Pseudo-relevance feedback (Rocchio): add the top n hybrid passages' vectors to the question's.
    List<List<Ranked>> hybrid = fuse(keyword, vector);
    for (int n : new int[] {1, 3, 5}) {
      List<List<Ranked>> feedback = perQuestion(i -> {
        float[] q = qv.get(i).clone();
        for (int t = 0; t < n; t++) {
          q = sum(q, pv.get(hybrid.get(i).get(t).passage()), 0.3 / n);
        }
        return vectorTop(normalized(List.of(q)).get(0), pv);
      });
      report("hybrid, feedback from top " + n + " (0.3)", fuse(keyword, feedback));
    }

    // Neighbour smoothing: a passage's cosine plus λ × the best of its neighbours in the same section.
    for (double lambda : new double[] {0.1, 0.3}) {
      report("hybrid, neighbour smoothing " + lambda, fuse(keyword, perQuestion(i -> smoothed(qv.get(i), pv, lambda))));
    }

    // Section titles embedded on their own: a third list, each passage gets its section's rank.
    report("hybrid + section-title vectors (0.5)", withSectionTitles(keyword, vector, qv, minilm, minilmCache));

    // Diversity: at most n passages of one section in the fused list.
    for (int n : new int[] {1, 2}) {
      report("hybrid, at most " + n + " per section", perQuestion(i -> perSection(hybrid.get(i), n)));
    }

    // Sub-passages: each passage's ≤ 400-character sentence groups embedded too.
    subPassages(keyword, vector, qv, pv, minilm, minilmCache);

    // Another model: e5-small-v2 quantized, alone and as a third list beside MiniLM.
    EmbeddingModel e5 = RetrievalEvaluation.model("e5-q");
    EmbeddingCache e5Cache = new EmbeddingCache(cache.resolve("e5-q.bin"));
    List<float[]> eq = normalized(e5Cache.embedAll(e5,
        questions.stream().map(q -> RetrievalEvaluation.E5_QUERY_PREFIX + q.question()).toList()));
    List<float[]> ep = normalized(e5Cache.embedAll(e5,
        passages.stream().map(p -> RetrievalEvaluation.E5_PASSAGE_PREFIX + p.indexText()).toList()));
    System.out.printf("e5-small-v2-q: %d passages embedded now in %.1f s%n", e5Cache.lastEmbedded(),
        e5Cache.lastEmbedSeconds());
    List<List<Ranked>> e5Vector = perQuestion(i -> vectorTop(eq.get(i), ep));
    report("e5-small-v2-q: vector", e5Vector);
    report("e5-small-v2-q: hybrid", fuse(keyword, e5Vector));
    for (double w : new double[] {0.5, 1.0}) {
      report("hybrid + e5 vector as third list (" + w + ")", perQuestion(i -> {
        Map<Integer, Double> s = rrfScores(keyword.get(i), vector.get(i));
        add(s, e5Vector.get(i), w);
        return sorted(s);
      }));
    }
  }

  private void subPassages(List<List<Ranked>> keyword, List<List<Ranked>> vector, List<float[]> qv, List<float[]> pv,
      EmbeddingModel model, EmbeddingCache cache) {
    List<String> texts = new ArrayList<>();
    List<Integer> owner = new ArrayList<>();
    for (int p = 0; p < passages.size(); p++) {
      Passage passage = passages.get(p);
      for (String piece : pieces(passage.text(), 400)) {
        texts.add(passage.headingPath() == null ? piece : passage.headingPath() + "\n\n" + piece);
        owner.add(p);
      }
    }
    List<float[]> sv = normalized(cache.embedAll(model, texts));
    for (String combine : new String[] {"max(passage, best piece)", "passage + 0.5 best piece"}) {
      report("hybrid, " + combine + " (pieces <= 400)", fuse(keyword, perQuestion(i -> {
        float[] q = qv.get(i);
        double[] best = new double[passages.size()];
        java.util.Arrays.fill(best, -1);
        for (int j = 0; j < texts.size(); j++) {
          best[owner.get(j)] = Math.max(best[owner.get(j)], dot(q, sv.get(j)));
        }
        List<Ranked> all = new ArrayList<>();
        for (int p = 0; p < passages.size(); p++) {
          double whole = dot(q, pv.get(p));
          all.add(new Ranked(p, combine.startsWith("max") ? Math.max(whole, best[p]) : whole + 0.5 * best[p]));
        }
        return top(all);
      })));
    }
  }

  private List<List<Ranked>> withSectionTitles(List<List<Ranked>> keyword, List<List<Ranked>> vector,
      List<float[]> qv, EmbeddingModel model, EmbeddingCache cache) {
    Map<String, Integer> sections = new HashMap<>();
    List<String> titles = new ArrayList<>();
    for (Passage p : passages) {
      if (p.headingPath() != null && sections.putIfAbsent(sectionKey(p), sections.size()) == null) {
        titles.add(p.headingPath());
      }
    }
    List<float[]> tv = normalized(cache.embedAll(model, titles));
    return perQuestion(i -> {
      Map<Integer, Integer> sectionRank = new HashMap<>();
      List<Ranked> titleList = vectorTop(qv.get(i), tv);
      for (int r = 0; r < titleList.size(); r++) {
        sectionRank.put(titleList.get(r).passage(), r + 1);
      }
      Map<Integer, Double> s = rrfScores(keyword.get(i), vector.get(i));
      for (Map.Entry<Integer, Double> e : s.entrySet()) {
        Passage p = passages.get(e.getKey());
        Integer rank = p.headingPath() == null ? null : sectionRank.get(sections.get(sectionKey(p)));
        if (rank != null) {
          e.setValue(e.getValue() + 0.5 / (RRF_K + rank));
        }
      }
      return sorted(s);
    });
  }

  private List<Ranked> smoothed(float[] q, List<float[]> pv, double lambda) {
    double[] s = new double[pv.size()];
    for (int i = 0; i < s.length; i++) {
      s[i] = dot(q, pv.get(i));
    }
    List<Ranked> all = new ArrayList<>();
    for (int i = 0; i < s.length; i++) {
      double best = 0;
      for (int j : new int[] {i - 1, i + 1}) {
        if (j >= 0 && j < s.length && sectionKey(passages.get(j)).equals(sectionKey(passages.get(i)))) {
          best = Math.max(best, s[j]);
        }
      }
      all.add(new Ranked(i, s[i] + lambda * best));
    }
    return top(all);
  }

  private List<Ranked> perSection(List<Ranked> ranking, int n) {
    Map<String, Integer> seen = new HashMap<>();
    List<Ranked> out = new ArrayList<>();
    for (Ranked r : ranking) {
      if (seen.merge(sectionKey(passages.get(r.passage())), 1, Integer::sum) <= n) {
        out.add(r);
      }
    }
    return out;
  }

  private static String sectionKey(Passage p) {
    return p.fileName() + "|" + Objects.toString(p.headingPath(), "");
  }

  static String withoutFraming(String question) {
    StringBuilder out = new StringBuilder();
    for (String word : question.replace("?", "").split("\\s+")) {
      if (!FRAMING.contains(word.toLowerCase(java.util.Locale.ROOT))) {
        out.append(out.length() == 0 ? "" : " ").append(word);
      }
    }
    return out.toString();
  }

  /** Sentence (or paragraph) groups of at most {@code max} characters (a longer sentence is a piece alone). */
  static List<String> pieces(String text, int max) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String sentence : SENTENCE_OR_PARAGRAPH.split(text)) {
      if (current.length() > 0 && current.length() + 1 + sentence.length() > max) {
        out.add(current.toString());
        current.setLength(0);
      }
      current.append(current.length() == 0 ? "" : " ").append(sentence);
    }
    if (current.length() > 0) {
      out.add(current.toString());
    }
    return out;
  }

  private List<List<Ranked>> keyword(KeywordSetup setup) {
    Analyzer analyzer = new EnglishAnalyzer(new CharArraySet(HybridRanking.STOP_WORDS, true));
    BM25Similarity similarity = new BM25Similarity(setup.k1(), setup.b());
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(analyzer).setSimilarity(similarity))) {
        for (int i = 0; i < passages.size(); i++) {
          Document doc = new Document();
          doc.add(new StoredField("i", i));
          doc.add(new TextField("text", passages.get(i).text(), Field.Store.NO));
          if (passages.get(i).headingPath() != null) {
            doc.add(new TextField("heading", passages.get(i).headingPath(), Field.Store.NO));
          }
          writer.addDocument(doc);
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        searcher.setSimilarity(similarity);
        List<List<Ranked>> out = new ArrayList<>();
        for (EvalQuestion q : questions) {
          List<String> terms = terms(analyzer, q.question());
          BooleanQuery.Builder body = new BooleanQuery.Builder();
          BooleanQuery.Builder heading = new BooleanQuery.Builder();
          BooleanQuery.Builder phrases = new BooleanQuery.Builder();
          for (int t = 0; t < terms.size(); t++) {
            body.add(new TermQuery(new Term("text", terms.get(t))), BooleanClause.Occur.SHOULD);
            heading.add(new TermQuery(new Term("heading", terms.get(t))), BooleanClause.Occur.SHOULD);
            if (t + 1 < terms.size()) {
              phrases.add(new PhraseQuery(setup.slop(), "text", terms.get(t), terms.get(t + 1)),
                  BooleanClause.Occur.SHOULD);
            }
          }
          // Terms count in the passage text or its heading path alike for the share that must match.
          BooleanQuery.Builder either = new BooleanQuery.Builder();
          for (String term : terms) {
            either.add(new BooleanQuery.Builder()
                .add(new TermQuery(new Term("text", term)), BooleanClause.Occur.SHOULD)
                .add(new TermQuery(new Term("heading", term)), BooleanClause.Occur.SHOULD).build(),
                BooleanClause.Occur.SHOULD);
          }
          either.setMinimumNumberShouldMatch((int) Math.ceil(setup.minShouldMatch() * terms.size()));
          BooleanQuery.Builder query = new BooleanQuery.Builder().add(body.build(), BooleanClause.Occur.SHOULD)
              .add(new BoostQuery(heading.build(), setup.headingBoost()), BooleanClause.Occur.SHOULD);
          if (setup.phraseBoost() > 0) {
            query.add(new BoostQuery(phrases.build(), setup.phraseBoost()), BooleanClause.Occur.SHOULD);
          }
          if (setup.minShouldMatch() > 0) {
            query.add(either.build(), BooleanClause.Occur.FILTER);
          }
          List<Ranked> list = new ArrayList<>();
          for (ScoreDoc sd : searcher.search(query.build(), DEPTH).scoreDocs) {
            int passage = searcher.storedFields().document(sd.doc).getField("i").numericValue().intValue();
            list.add(new Ranked(passage, sd.score));
          }
          out.add(list);
        }
        return out;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<List<Ranked>> perQuestion(IntFunction<List<Ranked>> ranking) {
    List<List<Ranked>> out = new ArrayList<>();
    for (int i = 0; i < questions.size(); i++) {
      out.add(ranking.apply(i));
    }
    return out;
  }

  private List<List<Ranked>> fuse(List<List<Ranked>> keyword, List<List<Ranked>> vector) {
    return perQuestion(i -> rrf(keyword.get(i), vector.get(i), RRF_K, VECTOR_WEIGHT));
  }

  private static Map<Integer, Double> rrfScores(List<Ranked> keyword, List<Ranked> vector) {
    Map<Integer, Double> s = new HashMap<>();
    add(s, keyword, 1);
    add(s, vector, VECTOR_WEIGHT);
    return s;
  }

  private static void add(Map<Integer, Double> scores, List<Ranked> ranking, double weight) {
    for (int r = 0; r < ranking.size(); r++) {
      scores.merge(ranking.get(r).passage(), weight / (RRF_K + r + 1), Double::sum);
    }
  }

  private static List<Ranked> sorted(Map<Integer, Double> scores) {
    List<Ranked> out = new ArrayList<>();
    scores.forEach((p, v) -> out.add(new Ranked(p, v)));
    out.sort(Comparator.comparingDouble(Ranked::score).reversed().thenComparingInt(Ranked::passage));
    return out;
  }

  private static List<Ranked> top(List<Ranked> all) {
    all.sort((a, b) -> Double.compare(b.score(), a.score()));
    return all.subList(0, Math.min(DEPTH, all.size()));
  }

  private static float[] sum(float[] a, float[] b, double weight) {
    float[] out = a.clone();
    for (int d = 0; d < out.length; d++) {
      out[d] += (float) (weight * b[d]);
    }
    return out;
  }

  private static double dot(float[] a, float[] b) {
    double d = 0;
    for (int i = 0; i < a.length; i++) {
      d += a[i] * b[i];
    }
    return d;
  }

  private void report(String name, List<List<Ranked>> lists) {
    int[] r = ranks(questions, passages, lists);
    System.out.printf("%-50s %s | %s | %s%n", name, metrics(r, 1), metrics(r, 0), metrics(r, -1));
  }
}
