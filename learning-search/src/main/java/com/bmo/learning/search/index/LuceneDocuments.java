package com.bmo.learning.search.index;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.VectorSimilarityFunction;

/**
 * How a chunk is laid out in a Lucene document. Metadata is stored with its type in the field name, so a
 * search returns exactly the {@link Metadata} that was ingested (String, UUID, int, long, float, double),
 * and indexed as a keyword of its string form for {@link ChunkFilter}s.
 */
final class LuceneDocuments {

  static final String ID = "id";
  static final String SOURCE = "source";
  static final String TEXT = "text";
  static final String VECTOR = "vector";
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
    String source = chunk.sourceUri();
    if (source != null) {
      doc.add(new StringField(SOURCE, source, Field.Store.NO));
    }
    doc.add(new StoredField(TEXT, chunk.segment().text()));
    doc.add(new KnnFloatVectorField(VECTOR, chunk.vectorUnsafe(), VectorSimilarityFunction.COSINE));
    for (Map.Entry<String, Object> e : chunk.segment().metadata().toMap().entrySet()) {
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
      } else {
        // Metadata accepts only the types above; anything else is a bug upstream.
        throw new IllegalArgumentException("metadata '" + key + "' of chunk " + chunk.id()
            + " has unsupported type " + value.getClass().getName());
      }
    }
    return doc;
  }

  static String id(Document doc) {
    return doc.get(ID);
  }

  static TextSegment toSegment(Document doc) {
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
    return TextSegment.from(doc.get(TEXT), Metadata.from(metadata));
  }
}
