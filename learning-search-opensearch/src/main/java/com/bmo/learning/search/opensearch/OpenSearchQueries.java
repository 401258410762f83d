package com.bmo.learning.search.opensearch;

import com.bmo.learning.search.HybridRanking;
import java.util.List;
import java.util.Optional;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.query_dsl.Operator;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.SearchRequest;
import org.opensearch.client.opensearch.core.search.Highlight;
import org.opensearch.client.opensearch.core.search.HighlighterEncoder;

/**
 * The three searches as OpenSearch requests: keyword (BM25 over the chunk text, its heading path and the
 * document title), vector (k-NN on the Lucene HNSW graph) and the two for hybrid. The filter is applied
 * inside both: as a {@code bool} filter next to the match, and as the k-NN query's own {@code filter} (so
 * the graph search looks for k matching chunks instead of filtering k nearest ones afterwards).
 */
final class OpenSearchQueries {

  /** HNSW beam width at query time: recall@10 1.0 vs 0.74–0.85 with the default (probe, 1k × 384). */
  static final int MIN_EF_SEARCH = 100;
  static final String PRE_TAG = "<mark>";
  static final String POST_TAG = "</mark>";
  static final int SNIPPET_LENGTH = 240;
  static final int SNIPPET_PASSAGES = 2;

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

  /** At least one of {@code filters} (a bool of should clauses, at least one must match). */
  static Query any(List<Query> filters) {
    return Query.of(q -> q.bool(b -> b.should(filters).minimumShouldMatch("1")));
  }

  /** Filters match a metadata value's string form, kept in the {@code metadata} object. */
  static String field(String key) {
    return ChunkMapping.METADATA + "." + key;
  }

  /** BM25 over text and heading path: any term may match (OR), more matching terms rank higher. */
  static Query keywordQuery(String text, Optional<Query> filter) {
    Query body = Query.of(q -> q.match(m -> m.field(ChunkMapping.TEXT).query(FieldValue.of(text))
        .operator(Operator.Or)));
    Query heading = Query.of(q -> q.match(m -> m.field(ChunkMapping.HEADING_PATH).query(FieldValue.of(text))
        .operator(Operator.Or).boost(HybridRanking.HEADING_BOOST)));
    return Query.of(q -> q.bool(b -> {
      b.must(m -> m.bool(either -> either.should(body, heading)));
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
   * the chunk text (also for vector hits of a hybrid search, whose own query has no words).
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
    // HTML encoder: the text is escaped, so only the marks are markup.
    return Highlight.of(h -> h.preTags(PRE_TAG).postTags(POST_TAG).encoder(HighlighterEncoder.Html)
        .fields(ChunkMapping.TEXT, f -> f.fragmentSize(SNIPPET_LENGTH).numberOfFragments(SNIPPET_PASSAGES)
            .highlightQuery(hq -> hq.match(m -> m.field(ChunkMapping.TEXT).query(FieldValue.of(text))))));
  }
}
