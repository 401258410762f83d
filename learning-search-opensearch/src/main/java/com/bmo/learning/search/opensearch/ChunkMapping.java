package com.bmo.learning.search.opensearch;

import com.bmo.learning.search.ContentVersion;
import com.bmo.learning.search.HybridRanking;
import java.util.Map;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch._types.mapping.DynamicMapping;
import org.opensearch.client.opensearch._types.mapping.TypeMapping;
import org.opensearch.client.opensearch.indices.IndexSettings;

/**
 * The mapping of a chunk document: BM25 text fields, keyword fields for filters and a {@code knn_vector}
 * (Lucene engine, HNSW, cosine). Its version is stored in the index's {@code _meta}; an index with another
 * version or dimension is refused, never written to.
 */
final class ChunkMapping {

  /** Raise on any change that needs a re-index; an existing index with another version is refused. */
  static final int VERSION = 2;

  static final String CHUNK_ID = "chunk_id";
  static final String SOURCE_URI = "source_uri";
  static final String TEXT = "text";
  static final String HEADING_PATH = "heading_path";
  /** Every metadata value as a keyword (its string form), for filters: {@code metadata.course}. */
  static final String METADATA = "metadata";
  /** Each metadata value's Java type, stored but not indexed, so values come back typed. */
  static final String METADATA_TYPES = "metadata_types";
  static final String VECTOR = "vector";

  /**
   * The analyzer of the text fields: English (Porter stemming) with {@link HybridRanking#STOP_WORDS}, as the
   * Lucene backend's EnglishAnalyzer, so both rank alike.
   */
  static final String TEXT_ANALYZER = "chunk_text";

  static final String META_VERSION = "mapping_version";
  static final String META_DIMENSION = "dimension";
  static final String META_EMBEDDING_MODEL = "embedding_model";
  static final String META_CHUNKER = "chunker_version";

  /** HNSW graph parameters (the k-NN plugin's defaults, written down so a change is a mapping change). */
  static final int HNSW_M = 16;
  static final int HNSW_EF_CONSTRUCTION = 100;

  private ChunkMapping() {
  }

  static TypeMapping mapping(int dimension) {
    return mapping(dimension, null);
  }

  /** The mapping; {@code content} (the embedding model and chunker, null: not recorded) goes into {@code _meta}. */
  static TypeMapping mapping(int dimension, ContentVersion content) {
    Map<String, JsonData> meta = new java.util.HashMap<>();
    meta.put(META_VERSION, JsonData.of(VERSION));
    meta.put(META_DIMENSION, JsonData.of(dimension));
    if (content != null) {
      meta.put(META_EMBEDDING_MODEL, JsonData.of(content.embeddingModel()));
      meta.put(META_CHUNKER, JsonData.of(content.chunker()));
    }
    return TypeMapping.of(m -> m
        .meta(meta)
        // A field the mapping does not name is a bug in the writer: refuse it instead of guessing a type.
        .dynamic(DynamicMapping.Strict)
        .dynamicTemplates(Map.of("metadata_as_keywords", org.opensearch.client.opensearch._types.mapping.DynamicTemplate
            .of(t -> t.pathMatch(METADATA + ".*").mapping(p -> p.keyword(k -> k.ignoreAbove(1024))))))
        .properties(CHUNK_ID, p -> p.keyword(k -> k))
        .properties(SOURCE_URI, p -> p.keyword(k -> k))
        .properties(TEXT, p -> p.text(t -> t.analyzer(TEXT_ANALYZER)))
        .properties(HEADING_PATH, p -> p.text(t -> t.analyzer(TEXT_ANALYZER)))
        .properties(METADATA, p -> p.object(o -> o.dynamic(DynamicMapping.True)))
        .properties(METADATA_TYPES, p -> p.object(o -> o.enabled(false)))
        .properties(VECTOR, p -> p.knnVector(v -> v.dimension(dimension)
            .method(me -> me.name("hnsw").engine("lucene").spaceType("cosinesimil")
                .parameters(Map.of("m", JsonData.of(HNSW_M), "ef_construction", JsonData.of(HNSW_EF_CONSTRUCTION)))))));
  }

  static IndexSettings settings(OpenSearchSettings settings) {
    return IndexSettings.of(s -> s.knn(true)
        // Lucene's EnglishAnalyzer, step by step, with our stop words.
        .analysis(a -> a
            .filter("chunk_possessive", f -> f.definition(d -> d.stemmer(st -> st.language("possessive_english"))))
            .filter("chunk_stop", f -> f.definition(d -> d.stop(st -> st.stopwords(
                HybridRanking.STOP_WORDS.stream().sorted().toList()))))
            .filter("chunk_porter", f -> f.definition(d -> d.porterStem(p -> p)))
            .analyzer(TEXT_ANALYZER, an -> an.custom(c -> c.tokenizer("standard")
                .filter("chunk_possessive", "lowercase", "chunk_stop", "chunk_porter"))))
        .numberOfShards(Integer.toString(settings.shards()))
        .numberOfReplicas(Integer.toString(settings.replicas())));
  }
}
