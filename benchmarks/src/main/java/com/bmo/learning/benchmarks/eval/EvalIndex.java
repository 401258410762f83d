package com.bmo.learning.benchmarks.eval;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
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
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * An in-memory index of passages for quick evaluation rounds: BM25 (Lucene, standard analyzer unless told) over the
 * indexed text, exact cosine over embeddings of the indexed text, and hybrid = reciprocal rank fusion
 * (k = 60) of the top {@value #FUSION_DEPTH} of both, the fusion the service's hybrid search uses.
 */
public final class EvalIndex {

  static final int FUSION_DEPTH = 50;
  private static final int RRF_K = 60;

  /** How a question is matched against the passages. */
  public enum Mode { KEYWORD, VECTOR, HYBRID }

  private final List<Passage> passages;
  private final float[][] vectors;
  private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
  private final Analyzer analyzer;
  private final IndexSearcher searcher;
  private final EmbeddingModel model;
  private final String queryPrefix;
  private final double embedSeconds;

  /**
   * @param queryPrefix prepended to questions before embedding (bge's instruction), "" for none
   */
  public EvalIndex(List<Passage> passages, EmbeddingModel model, String queryPrefix) {
    this(passages, model, queryPrefix, new StandardAnalyzer());
  }

  /**
   * @param analyzer the keyword side's analyzer: {@link StandardAnalyzer} as the service's Lucene index, or
   *     another to compare (e.g. {@code EnglishAnalyzer}: stop words and stemming)
   */
  public EvalIndex(List<Passage> passages, EmbeddingModel model, String queryPrefix, Analyzer analyzer) {
    this.analyzer = analyzer;
    this.passages = List.copyOf(passages);
    this.model = model;
    this.queryPrefix = queryPrefix;
    long start = System.nanoTime();
    this.vectors = new float[passages.size()][];
    int batch = 32;
    for (int i = 0; i < passages.size(); i += batch) {
      List<TextSegment> segments = passages.subList(i, Math.min(passages.size(), i + batch)).stream()
          .map(p -> TextSegment.from(p.indexText())).toList();
      List<Embedding> embeddings = model.embedAll(segments).content();
      for (int j = 0; j < embeddings.size(); j++) {
        vectors[i + j] = normalized(embeddings.get(j).vector());
      }
    }
    this.embedSeconds = (System.nanoTime() - start) / 1e9;
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
      for (int i = 0; i < passages.size(); i++) {
        Document doc = new Document();
        doc.add(new StoredField("i", i));
        doc.add(new TextField("text", passages.get(i).indexText(), Field.Store.NO));
        writer.addDocument(doc);
      }
      writer.commit();
      searcher = new IndexSearcher(DirectoryReader.open(directory));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int size() {
    return passages.size();
  }

  /** Seconds spent embedding the passages. */
  public double embedSeconds() {
    return embedSeconds;
  }

  /** The best {@code k} passages for {@code question}. */
  public List<Passage> search(String question, Mode mode, int k) {
    List<Integer> ids = switch (mode) {
      case KEYWORD -> keyword(question, k);
      case VECTOR -> vector(question, k);
      case HYBRID -> fuse(keyword(question, FUSION_DEPTH), vector(question, FUSION_DEPTH), k);
    };
    return ids.stream().map(passages::get).toList();
  }

  private List<Integer> keyword(String question, int k) {
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    try (TokenStream tokens = analyzer.tokenStream("text", question)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      LinkedHashSet<String> terms = new LinkedHashSet<>();
      while (tokens.incrementToken()) {
        terms.add(term.toString());
      }
      tokens.end();
      terms.forEach(t -> query.add(new TermQuery(new Term("text", t)), BooleanClause.Occur.SHOULD));
      List<Integer> ids = new ArrayList<>();
      for (ScoreDoc hit : searcher.search(query.build(), k).scoreDocs) {
        ids.add(searcher.storedFields().document(hit.doc).getField("i").numericValue().intValue());
      }
      return ids;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<Integer> vector(String question, int k) {
    float[] q = normalized(model.embed(queryPrefix + question).content().vector());
    List<Integer> ids = new ArrayList<>();
    double[] scores = new double[vectors.length];
    for (int i = 0; i < vectors.length; i++) {
      double dot = 0;
      for (int d = 0; d < q.length; d++) {
        dot += q[d] * vectors[i][d];
      }
      scores[i] = dot;
      ids.add(i);
    }
    ids.sort(Comparator.comparingDouble((Integer i) -> -scores[i]));
    return ids.subList(0, Math.min(k, ids.size()));
  }

  static List<Integer> fuse(List<Integer> keyword, List<Integer> vector, int k) {
    Map<Integer, Double> score = new HashMap<>();
    for (int r = 0; r < keyword.size(); r++) {
      score.merge(keyword.get(r), 1.0 / (RRF_K + r + 1), Double::sum);
    }
    for (int r = 0; r < vector.size(); r++) {
      score.merge(vector.get(r), 1.0 / (RRF_K + r + 1), Double::sum);
    }
    return score.entrySet().stream()
        .sorted(Map.Entry.<Integer, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(k).map(Map.Entry::getKey).toList();
  }

  private static float[] normalized(float[] v) {
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) (v[i] / (norm == 0 ? 1 : norm));
    }
    return out;
  }
}
