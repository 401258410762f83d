package com.bmo.learning.search.lucene;

import com.bmo.learning.ingestion.MetadataKeys;
import com.bmo.learning.search.IndexedChunk;
import com.bmo.learning.search.SearchHit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.VectorSimilarityFunction;

/**
 * How a chunk is laid out in a Lucene document: its id and source as keywords, its text as an analyzed,
 * stored BM25 field (the highlighter re-reads it), its section title as a second BM25 field, its vector in
 * the HNSW graph. Metadata is stored with its type in the field name, so a search returns exactly the
 * metadata that was ingested (String, UUID, int, long, float, double), and indexed as a keyword of its
 * string form for filters.
 */
final class LuceneDocuments {

  static final String ID = "id";
  static final String SOURCE = "source";
  static final String TEXT = "text";
  static final String HEADING = "heading";
  static final String VECTOR = "vector";
  /** The section title the keyword search also matches (text-quality's heading path). */
  static final String HEADING_PATH_KEY = "heading_path";
  private static final String FILTER_PREFIX = "f.";
  private static final String STRING = "ms.";
  private static final String UUID_PREFIX = "mu.";
  private static final String INT = "mi.";
  private static final String LONG = "ml.";
  private static final String FLOAT = "mf.";
  private static final String DOUBLE = "md.";

  private LuceneDocuments() {
  }

  static String filterField(String key) {
    return FILTER_PREFIX + key;
  }

  static Document toDocument(IndexedChunk chunk) {
    Document doc = new Document();
    doc.add(new StringField(ID, chunk.id(), Field.Store.YES));
    doc.add(new StringField(SOURCE, chunk.sourceUri(), Field.Store.YES));
    doc.add(new TextField(TEXT, chunk.text(), Field.Store.YES));
    doc.add(new KnnFloatVectorField(VECTOR, chunk.vectorView(), VectorSimilarityFunction.COSINE));
    Object heading = chunk.metadata().get(HEADING_PATH_KEY);
    if (heading != null) {
      doc.add(new TextField(HEADING, heading.toString(), Field.Store.NO));
    }
    for (Map.Entry<String, Object> e : chunk.metadata().entrySet()) {
      String key = e.getKey();
      Object value = e.getValue();
      doc.add(new StringField(filterField(key), String.valueOf(value), Field.Store.NO));
      if (value instanceof String s) {
        doc.add(new StoredField(STRING + key, s));
      } else if (value instanceof UUID u) {
        doc.add(new StoredField(UUID_PREFIX + key, u.toString()));
      } else if (value instanceof Integer i) {
        doc.add(new StoredField(INT + key, i));
      } else if (value instanceof Long l) {
        doc.add(new StoredField(LONG + key, l));
      } else if (value instanceof Float f) {
        doc.add(new StoredField(FLOAT + key, f));
      } else if (value instanceof Double d) {
        doc.add(new StoredField(DOUBLE + key, d));
      }
      // IndexedChunk admits no other type.
    }
    return doc;
  }

  static String id(Document doc) {
    return doc.get(ID);
  }

  /** The stored chunk as a hit (without snippet). */
  static SearchHit toHit(Document doc, double score) {
    Map<String, Object> metadata = metadata(doc);
    String source = doc.get(SOURCE);
    if (source == null) {
      // Indexes written before the source was stored keep it in the metadata.
      Object s = metadata.get(MetadataKeys.SOURCE_URI);
      source = s == null ? null : s.toString();
    }
    return SearchHit.of(doc.get(ID), source, score, doc.get(TEXT), metadata, null);
  }

  static Map<String, Object> metadata(Document doc) {
    Map<String, Object> metadata = new HashMap<>();
    for (IndexableField f : doc.getFields()) {
      String name = f.name();
      if (name.length() < 4 || name.charAt(0) != 'm' || name.charAt(2) != '.') {
        continue;
      }
      String key = name.substring(3);
      switch (name.substring(0, 3)) {
        case STRING -> metadata.put(key, f.stringValue());
        case UUID_PREFIX -> metadata.put(key, UUID.fromString(f.stringValue()));
        case INT -> metadata.put(key, f.numericValue().intValue());
        case LONG -> metadata.put(key, f.numericValue().longValue());
        case FLOAT -> metadata.put(key, f.numericValue().floatValue());
        case DOUBLE -> metadata.put(key, f.numericValue().doubleValue());
        default -> {
          // not metadata
        }
      }
    }
    return metadata;
  }
}
