package com.bmo.learning.search.opensearch;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A chunk as one OpenSearch document: the fields of {@link ChunkMapping}. {@code metadata} keeps every
 * metadata value in its string form (what filters match).
 */
record ChunkDocument(String chunkId, String documentId, String sourceUri, String text, String title,
    String headingPath, Integer page, Integer pageEnd, Map<String, String> metadata, float[] vector) {

  ChunkDocument {
    Objects.requireNonNull(chunkId, "chunkId");
    Objects.requireNonNull(text, "text");
    metadata = Map.copyOf(metadata);
  }

  /** The JSON source to index. */
  Map<String, Object> toSource() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put(ChunkMapping.CHUNK_ID, chunkId);
    putIfPresent(s, ChunkMapping.DOCUMENT_ID, documentId);
    putIfPresent(s, ChunkMapping.SOURCE_URI, sourceUri);
    s.put(ChunkMapping.TEXT, text);
    putIfPresent(s, ChunkMapping.TITLE, title);
    putIfPresent(s, ChunkMapping.HEADING_PATH, headingPath);
    putIfPresent(s, ChunkMapping.PAGE, page);
    putIfPresent(s, ChunkMapping.PAGE_END, pageEnd);
    s.put(ChunkMapping.METADATA, metadata);
    if (vector != null) {
      s.put(ChunkMapping.VECTOR, vector);
    }
    return s;
  }

  /** Reads a stored source back; {@code vector} is null unless the source carried it. */
  @SuppressWarnings("unchecked")
  static ChunkDocument fromSource(Map<String, Object> s) {
    Map<String, String> metadata = new HashMap<>();
    Object m = s.get(ChunkMapping.METADATA);
    if (m instanceof Map<?, ?> map) {
      map.forEach((k, v) -> {
        if (v != null) {
          metadata.put(String.valueOf(k), String.valueOf(v));
        }
      });
    }
    float[] vector = null;
    if (s.get(ChunkMapping.VECTOR) instanceof List<?> list) {
      vector = new float[list.size()];
      for (int i = 0; i < vector.length; i++) {
        vector[i] = ((Number) list.get(i)).floatValue();
      }
    }
    return new ChunkDocument((String) s.get(ChunkMapping.CHUNK_ID), (String) s.get(ChunkMapping.DOCUMENT_ID),
        (String) s.get(ChunkMapping.SOURCE_URI), (String) s.get(ChunkMapping.TEXT), (String) s.get(ChunkMapping.TITLE),
        (String) s.get(ChunkMapping.HEADING_PATH), integer(s.get(ChunkMapping.PAGE)),
        integer(s.get(ChunkMapping.PAGE_END)), metadata, vector);
  }

  private static Integer integer(Object value) {
    return value instanceof Number n ? n.intValue() : null;
  }

  private static void putIfPresent(Map<String, Object> s, String key, Object value) {
    if (value != null) {
      s.put(key, value);
    }
  }
}
