package com.bmo.learning.search.opensearch;

import java.util.List;
import java.util.Optional;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.query_dsl.Operator;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.SearchRequest;
import org.opensearch.client.opensearch.core.search.Highlight;

/**
 * The three searches as OpenSearch requests: keyword (BM25 over the chunk text, its heading path and the
 * document title), vector (k-NN on the Lucene HNSW graph) and the two for hybrid. The filter is applied
 * inside both: as a {@code bool} filter next to the match, and as the k-NN query's own {@code filter} (so
 * the graph search looks for k matching chunks instead of filtering k nearest ones afterwards).
 */
final class OpenSearchQueries {

  /** Candidates each part of a hybrid search contributes to the fusion. */
  static final int MIN_CANDIDATES = 50;
  /** HNSW beam width at query time: recall@10 1.0 vs 0.74–0.85 with the default (probe, 1k × 384). */
  static final int MIN_EF_SEARCH = 100;
  static final String PRE_TAG = "<em>";
  static final String POST_TAG = "</em>";
  static final int SNIPPET_LENGTH = 240;

  private OpenSearchQueries() {
  }

  /** {@code key = value} on a chunk's metadata. */
  static Query term(String key, String value) {
    return Query.of(q -> q.term(t -> t.field(field(key)).value(FieldValue.of(value))));
  }

  /** {@code key ∈ values}. */
  static Query terms(String key, List<String> values) {
    return Query.of(q -> q.terms(t -> t.field(field(key))
        .terms(v -> v.value(values.stream().map(FieldValue::of).toList()))));
  }

  /** Every one of {@code filters}. */
  static Query all(List<Query> filters) {
    return Query.of(q -> q.bool(b -> b.filter(filters)));
  }

  /** Any of {@code filters}. */
  static Query any(List<Query> filters) {
    return Query.of(q -> q.bool(b -> b.should(filters).minimumShouldMatch("1")));
  }

  /** Not {@code filter}. */
  static Query not(Query filter) {
    return Query.of(q -> q.bool(b -> b.mustNot(filter)));
  }

  /** Metadata keys are filtered in the {@code metadata} object; the keyword fields of the mapping directly. */
  static String field(String key) {
    return switch (key) {
      case ChunkMapping.CHUNK_ID, ChunkMapping.DOCUMENT_ID, ChunkMapping.SOURCE_URI -> key;
      default -> ChunkMapping.METADATA + "." + key;
    };
  }

  static Query keywordQuery(String text, Optional<Query> filter) {
    return Query.of(q -> q.bool(b -> {
      b.must(m -> m.multiMatch(mm -> mm.query(text)
          .fields(ChunkMapping.TEXT, ChunkMapping.HEADING_PATH, ChunkMapping.TITLE)
          .operator(Operator.Or)));
      filter.ifPresent(b::filter);
      return b;
    }));
  }

  static Query vectorQuery(float[] vector, int candidates, Optional<Query> filter) {
    return Query.of(q -> q.knn(k -> {
      k.field(ChunkMapping.VECTOR).vector(vector).k(candidates)
          .methodParameters("ef_search", JsonData.of(Math.max(candidates, MIN_EF_SEARCH)));
      filter.ifPresent(k::filter);
      return k;
    }));
  }

  /**
   * A search of {@code size} hits without the vector in the answer, highlighting the question's words in
   * the chunk text (also for vector hits, whose own query has no words to highlight).
   */
  static SearchRequest search(String index, Query query, int size, Optional<String> highlightText) {
    return SearchRequest.of(s -> {
      s.index(index).size(size).query(query).trackTotalHits(t -> t.enabled(false))
          .source(src -> src.filter(f -> f.excludes(ChunkMapping.VECTOR)));
      highlightText.filter(t -> !t.isBlank()).ifPresent(t -> s.highlight(highlight(t)));
      return s;
    });
  }

  private static Highlight highlight(String text) {
    return Highlight.of(h -> h.preTags(PRE_TAG).postTags(POST_TAG)
        .fields(ChunkMapping.TEXT, f -> f.fragmentSize(SNIPPET_LENGTH).numberOfFragments(1).noMatchSize(SNIPPET_LENGTH)
            .highlightQuery(hq -> hq.match(m -> m.field(ChunkMapping.TEXT).query(FieldValue.of(text))))));
  }
}
