package com.bmo.learning.benchmarks.eval;

import com.bmo.learning.search.IndexedChunk;
import com.bmo.learning.search.SearchHit;
import com.bmo.learning.search.SearchMode;
import com.bmo.learning.search.SearchQuery;
import com.bmo.learning.search.lucene.IndexSettings;
import com.bmo.learning.search.lucene.LuceneSearchIndex;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The passages of an evaluation in the service's own search index ({@link LuceneSearchIndex}, in a temporary
 * directory): the same keyword analysis, kNN and hybrid fusion the service runs, so a library round measures
 * the method the API serves. Passages are embedded with their indexing text (heading path + passage) as the
 * service does, through an {@link EmbeddingCache} when one is given.
 */
public final class EvalIndex implements AutoCloseable {

  /** How a question is matched against the passages. */
  public enum Mode { KEYWORD, VECTOR, HYBRID }

  private static final String FILE = "eval_file";
  private static final String INDEX = "eval_index";

  private final List<Passage> passages;
  private final Path directory;
  private final LuceneSearchIndex index;
  private final EmbeddingModel model;
  private final String queryPrefix;
  private final double embedSeconds;

  /**
   * @param queryPrefix prepended to questions before embedding (bge's instruction), "" for none
   */
  public EvalIndex(List<Passage> passages, EmbeddingModel model, String queryPrefix) {
    this(passages, model, queryPrefix, new EmbeddingCache(null));
  }

  public EvalIndex(List<Passage> passages, EmbeddingModel model, String queryPrefix, EmbeddingCache cache) {
    this(passages, model, queryPrefix, "", cache);
  }

  /**
   * @param passagePrefix prepended to passages before embedding (e5's "passage: "), "" for none
   */
  public EvalIndex(List<Passage> passages, EmbeddingModel model, String queryPrefix, String passagePrefix,
      EmbeddingCache cache) {
    this.passages = List.copyOf(passages);
    this.model = model;
    this.queryPrefix = queryPrefix;
    List<float[]> vectors = cache.embedAll(model, passages.stream().map(p -> passagePrefix + p.indexText()).toList());
    this.embedSeconds = cache.lastEmbedSeconds();
    try {
      directory = Files.createTempDirectory("eval-index");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    index = LuceneSearchIndex.open("eval", directory, IndexSettings.defaults(vectors.get(0).length));
    List<IndexedChunk> chunks = new ArrayList<>();
    for (int i = 0; i < passages.size(); i++) {
      Passage p = passages.get(i);
      Map<String, Object> metadata = new HashMap<>();
      metadata.put(FILE, p.fileName());
      metadata.put(INDEX, i);
      if (p.headingPath() != null) {
        metadata.put("heading_path", p.headingPath());
      }
      chunks.add(new IndexedChunk("p" + i, "eval://" + p.fileName(), p.text(), metadata, vectors.get(i)));
    }
    index.upsert(chunks);
  }

  public int size() {
    return passages.size();
  }

  /** Seconds spent embedding the passages (0 for those found in the cache). */
  public double embedSeconds() {
    return embedSeconds;
  }

  /** The best {@code k} passages for {@code question}. */
  public List<Passage> search(String question, Mode mode, int k) {
    float[] vector = mode == Mode.KEYWORD ? null : model.embed(queryPrefix + question).content().vector();
    SearchQuery query = switch (mode) {
      case KEYWORD -> SearchQuery.keyword(question, k);
      case VECTOR -> SearchQuery.vector(vector, k);
      case HYBRID -> new SearchQuery(question, vector, null, SearchMode.HYBRID, k, 0);
    };
    List<Passage> hits = new ArrayList<>();
    for (SearchHit hit : index.search(query)) {
      hits.add(passages.get(((Number) hit.metadata().get(INDEX)).intValue()));
    }
    return hits;
  }

  @Override
  public void close() {
    index.close();
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
