package com.bmo.learning.benchmarks.eval;

import com.bmo.learning.search.HybridRanking;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
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
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Tuning rounds for hybrid search, on cached embeddings: per question, the rank of the first relevant
 * passage in the keyword, vector and fused lists under several keyword set-ups (analyzer, fields, boosts)
 * and fusions (reciprocal rank with constant and vector weight, weighted sum of normalised scores). Questions
 * are split in two halves (odd and even ids): choose on the tuning half, report the held-out half too.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar com.bmo.learning.benchmarks.eval.FusionTuning \
 *     --corpus /tmp/eval-corpus --sizes 800 --model minilm-q --cache /tmp/eval-cache [--detail true]
 *     [--explain q14,q18] [--heading-levels all|2|3 (how much of the heading path is embedded)]
 * </pre>
 */
public final class FusionTuning {

  static final int DEPTH = 50;

  private FusionTuning() {
  }

  record Ranked(int passage, double score) {
  }

  record Keyword(String name, Analyzer analyzer, float headingBoost, boolean oneField) {
  }

  public static void main(String[] args) throws IOException {
    Path corpus = Path.of(RetrievalEvaluation.arg(args, "--corpus", "/tmp/eval-corpus"));
    String modelName = RetrievalEvaluation.arg(args, "--model", "minilm-q");
    Path cache = Path.of(RetrievalEvaluation.arg(args, "--cache", "/tmp/eval-cache"));
    boolean detail = "true".equals(RetrievalEvaluation.arg(args, "--detail", "false"));
    List<EvalQuestion> questions = RetrievalEvaluation.questions(RetrievalEvaluation.arg(args, "--questions", null));
    List<Path> files = RetrievalEvaluation.files(corpus, questions);
    var model = RetrievalEvaluation.model(modelName);
    EmbeddingCache embeddings = new EmbeddingCache(cache.resolve(modelName + ".bin"));
    List<float[]> qv = normalized(embeddings.embedAll(model, questions.stream().map(EvalQuestion::question).toList()));

    // engQ: the service's analyzer (English + HybridRanking's stop words with the question words)
    CharArraySet questionStops = new CharArraySet(HybridRanking.STOP_WORDS, true);
    List<Keyword> keywords = List.of(
        new Keyword("std one-field", new StandardAnalyzer(), 0, true),
        new Keyword("std text+heading0.5", new StandardAnalyzer(), 0.5f, false),
        new Keyword("eng one-field", new EnglishAnalyzer(), 0, true),
        new Keyword("eng text+heading0.5", new EnglishAnalyzer(), 0.5f, false),
        new Keyword("engQ one-field", new EnglishAnalyzer(questionStops), 0, true),
        new Keyword("engQ text+heading0.5", new EnglishAnalyzer(questionStops), 0.5f, false),
        new Keyword("engQ text+heading1", new EnglishAnalyzer(questionStops), 1f, false),
        new Keyword("engQ text+heading2", new EnglishAnalyzer(questionStops), 2f, false));

    for (String size : RetrievalEvaluation.arg(args, "--sizes", "800").split(",")) {
      List<Passage> passages = headings(PassageSources.pipeline(files, Integer.parseInt(size), 0),
          RetrievalEvaluation.arg(args, "--heading-levels", "all"));
      List<float[]> pv = normalized(embeddings.embedAll(model, passages.stream().map(Passage::indexText).toList()));
      System.out.printf("%s %s: %d chunks (%d embedded now in %.1f s)%n", modelName, size, passages.size(),
          embeddings.lastEmbedded(), embeddings.lastEmbedSeconds());
      List<List<Ranked>> vector = new ArrayList<>();
      for (float[] q : qv) {
        vector.add(vectorTop(q, pv));
      }
      Map<String, List<List<Ranked>>> keywordLists = new LinkedHashMap<>();
      for (Keyword k : keywords) {
        keywordLists.put(k.name(), keywordTop(k, passages, questions));
      }
      Map<String, int[]> ranks = new LinkedHashMap<>();
      ranks.put("vector", ranks(questions, passages, vector));
      keywordLists.forEach((name, lists) -> ranks.put("keyword " + name, ranks(questions, passages, lists)));
      for (var e : keywordLists.entrySet()) {
        for (int c : new int[] {10, 30, 60}) {
          for (double w : new double[] {1, 1.5, 2, 3}) {
            List<List<Ranked>> fused = new ArrayList<>();
            for (int i = 0; i < questions.size(); i++) {
              fused.add(rrf(e.getValue().get(i), vector.get(i), c, w));
            }
            ranks.put(String.format("rrf c=%d wv=%.1f %s", c, w, e.getKey()), ranks(questions, passages, fused));
          }
        }
        for (String norm : new String[] {"max", "minmax"}) {
          for (double a : new double[] {0.5, 0.6, 0.7, 0.8, 0.9}) {
            List<List<Ranked>> fused = new ArrayList<>();
            for (int i = 0; i < questions.size(); i++) {
              fused.add(weighted(e.getValue().get(i), vector.get(i), a, norm));
            }
            ranks.put(String.format("wsum %s a=%.1f %s", norm, a, e.getKey()), ranks(questions, passages, fused));
          }
        }
      }
      System.out.printf("%-48s %-44s | %-44s | %s%n", "size " + size, "tuning half (odd ids)", "held-out half (even ids)", "all");
      ranks.forEach((name, r) -> System.out.printf("%-48s %s | %s | %s%n", name, metrics(r, 1), metrics(r, 0),
          metrics(r, -1)));
      for (String id : RetrievalEvaluation.arg(args, "--explain", "").split(",")) {
        for (int i = 0; i < questions.size(); i++) {
          if (questions.get(i).id().equals(id)) {
            explain(questions.get(i), passages, vector.get(i), keywordLists.get("engQ text+heading0.5").get(i));
          }
        }
      }
      if (detail) {
        String[] show = RetrievalEvaluation.arg(args, "--show", "vector,keyword engQ text+heading0.5,rrf c=60 wv=1.0 std text+heading0.5").split(",");
        System.out.printf("%-4s %s  question%n", "id", String.join(" | ", show));
        for (int i = 0; i < questions.size(); i++) {
          StringBuilder line = new StringBuilder(questions.get(i).id());
          for (String s : show) {
            line.append(String.format("  %3d", ranks.get(s)[i]));
          }
          System.out.println(line + "  " + questions.get(i).question());
        }
      }
    }
  }

  /** The passages with only the last {@code levels} of their heading path in the indexing text ("all": as is). */
  static List<Passage> headings(List<Passage> passages, String levels) {
    if ("all".equals(levels)) {
      return passages;
    }
    int n = Integer.parseInt(levels);
    List<Passage> out = new ArrayList<>();
    for (Passage p : passages) {
      String path = p.headingPath();
      if (path != null) {
        List<String> parts = List.of(path.split(" › "));
        path = String.join(" › ", parts.subList(Math.max(0, parts.size() - n), parts.size()));
      }
      out.add(new Passage(p.fileName(), p.page(), p.pageEnd(), p.headingPath(), p.text(),
          path == null ? p.text() : path + "\n\n" + p.text()));
    }
    return out;
  }

  static void explain(EvalQuestion q, List<Passage> passages, List<Ranked> vector, List<Ranked> keyword) {
    System.out.printf("%n== %s %s (labelled %s)%n", q.id(), q.question(), q.section() != null ? q.section() : q.pages());
    for (String side : new String[] {"vector", "keyword"}) {
      List<Ranked> list = side.equals("vector") ? vector : keyword;
      for (int r = 0; r < Math.min(6, list.size()); r++) {
        Passage p = passages.get(list.get(r).passage());
        boolean ok = q.isAnsweredBy(p.fileName(), p.page(), p.pageEnd(), p.headingPath());
        String heading = p.headingPath() == null ? "" : p.headingPath().substring(Math.max(0, p.headingPath().length() - 60));
        System.out.printf("  %s %d %s %.3f %s p%s-%s [%s] %s%n", side, r + 1, ok ? "*" : " ", list.get(r).score(),
            p.fileName(), p.page(), p.pageEnd(), heading, p.text().replace('\n', ' ').substring(0, Math.min(110, p.text().length())));
      }
    }
    for (int i = 0; i < passages.size(); i++) {
      Passage p = passages.get(i);
      if (q.isAnsweredBy(p.fileName(), p.page(), p.pageEnd(), p.headingPath())) {
        System.out.printf("  relevant #%d p%s-%s [%s] %s%n", i, p.page(), p.pageEnd(), p.headingPath(),
            p.text().replace('\n', ' ').substring(0, Math.min(160, p.text().length())));
      }
    }
  }

  static String metrics(int[] ranks, int half) {
    List<Integer> r = new ArrayList<>();
    for (int i = 0; i < ranks.length; i++) {
      if (half < 0 || i % 2 == (half == 1 ? 0 : 1)) {
        r.add(ranks[i] > 10 ? 0 : ranks[i]);
      }
    }
    RankingMetrics m = RankingMetrics.of(r);
    return String.format("R@1 %.3f R@5 %.3f R@10 %.3f MRR %.3f", m.recallAt1(), m.recallAt5(), m.recallAt10(), m.mrrAt10());
  }

  static int[] ranks(List<EvalQuestion> questions, List<Passage> passages, List<List<Ranked>> lists) {
    int[] out = new int[questions.size()];
    for (int i = 0; i < questions.size(); i++) {
      EvalQuestion q = questions.get(i);
      List<Ranked> list = lists.get(i);
      for (int r = 0; r < list.size(); r++) {
        Passage p = passages.get(list.get(r).passage());
        if (q.isAnsweredBy(p.fileName(), p.page(), p.pageEnd(), p.headingPath())) {
          out[i] = r + 1;
          break;
        }
      }
      if (out[i] == 0) {
        out[i] = 99;
      }
    }
    return out;
  }

  static List<Ranked> rrf(List<Ranked> keyword, List<Ranked> vector, int c, double vectorWeight) {
    Map<Integer, Double> s = new HashMap<>();
    for (int r = 0; r < keyword.size(); r++) {
      s.merge(keyword.get(r).passage(), 1.0 / (c + r + 1), Double::sum);
    }
    for (int r = 0; r < vector.size(); r++) {
      s.merge(vector.get(r).passage(), vectorWeight / (c + r + 1), Double::sum);
    }
    return sorted(s);
  }

  static List<Ranked> weighted(List<Ranked> keyword, List<Ranked> vector, double alpha, String norm) {
    Map<Integer, Double> s = new HashMap<>();
    addNormalised(s, keyword, 1 - alpha, norm);
    addNormalised(s, vector, alpha, norm);
    return sorted(s);
  }

  private static void addNormalised(Map<Integer, Double> s, List<Ranked> list, double weight, String norm) {
    if (list.isEmpty()) {
      return;
    }
    double max = list.get(0).score();
    double min = "minmax".equals(norm) ? list.get(list.size() - 1).score() : 0;
    for (Ranked r : list) {
      double n = max == min ? 1 : (r.score() - min) / (max - min);
      s.merge(r.passage(), weight * n, Double::sum);
    }
  }

  private static List<Ranked> sorted(Map<Integer, Double> s) {
    List<Ranked> out = new ArrayList<>();
    s.forEach((p, v) -> out.add(new Ranked(p, v)));
    out.sort((a, b) -> a.score() != b.score() ? Double.compare(b.score(), a.score()) : Integer.compare(a.passage(), b.passage()));
    return out;
  }

  static List<Ranked> vectorTop(float[] q, List<float[]> passages) {
    List<Ranked> all = new ArrayList<>();
    for (int i = 0; i < passages.size(); i++) {
      double dot = 0;
      float[] p = passages.get(i);
      for (int d = 0; d < q.length; d++) {
        dot += q[d] * p[d];
      }
      all.add(new Ranked(i, dot));
    }
    all.sort((a, b) -> Double.compare(b.score(), a.score()));
    return all.subList(0, Math.min(DEPTH, all.size()));
  }

  static List<List<Ranked>> keywordTop(Keyword k, List<Passage> passages, List<EvalQuestion> questions) {
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(k.analyzer()))) {
        for (int i = 0; i < passages.size(); i++) {
          Passage p = passages.get(i);
          Document doc = new Document();
          doc.add(new StoredField("i", i));
          doc.add(new TextField("text", k.oneField() ? p.indexText() : p.text(), Field.Store.NO));
          if (p.headingPath() != null) {
            doc.add(new TextField("heading", p.headingPath(), Field.Store.NO));
          }
          w.addDocument(doc);
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        List<List<Ranked>> out = new ArrayList<>();
        for (EvalQuestion q : questions) {
          List<String> terms = terms(k.analyzer(), q.question());
          BooleanQuery.Builder body = new BooleanQuery.Builder();
          BooleanQuery.Builder heading = new BooleanQuery.Builder();
          terms.forEach(t -> body.add(new TermQuery(new Term("text", t)), BooleanClause.Occur.SHOULD));
          terms.forEach(t -> heading.add(new TermQuery(new Term("heading", t)), BooleanClause.Occur.SHOULD));
          Query query = body.build();
          if (!k.oneField()) {
            query = new BooleanQuery.Builder().add(query, BooleanClause.Occur.SHOULD)
                .add(new BoostQuery(heading.build(), k.headingBoost()), BooleanClause.Occur.SHOULD).build();
          }
          List<Ranked> list = new ArrayList<>();
          for (ScoreDoc sd : searcher.search(query, DEPTH).scoreDocs) {
            list.add(new Ranked(searcher.storedFields().document(sd.doc).getField("i").numericValue().intValue(), sd.score));
          }
          out.add(list);
        }
        return out;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> terms(Analyzer analyzer, String text) throws IOException {
    LinkedHashSet<String> terms = new LinkedHashSet<>();
    try (TokenStream tokens = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        terms.add(term.toString());
      }
      tokens.end();
    }
    return List.copyOf(terms);
  }

  static List<float[]> normalized(List<float[]> vs) {
    List<float[]> out = new ArrayList<>();
    for (float[] v : vs) {
      double n = 0;
      for (float x : v) {
        n += x * x;
      }
      n = Math.sqrt(n);
      float[] o = Arrays.copyOf(v, v.length);
      for (int i = 0; i < o.length; i++) {
        o[i] /= (float) (n == 0 ? 1 : n);
      }
      out.add(o);
    }
    return out;
  }
}
