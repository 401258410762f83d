package com.bmo.learning.search.opensearch;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A chunk as one OpenSearch document ({@link ChunkMapping}). Metadata is stored twice over: each value's
 * string form under {@code metadata.<key>} (what filters match, as in the Lucene backend) and its type
 * under {@code metadata_types.<key>} (not indexed), so a value comes back as the type it went in as.
 *
 * @param metadata values are String, UUID, Integer, Long, Float or Double
 * @param vector null when read back from a search (searches do not ship vectors)
 */
record ChunkDocument(String chunkId, String sourceUri, String text, Map<String, Object> metadata, float[] vector) {

  /** The metadata key of the " › "-joined section titles, searched by keyword like the text. */
  static final String HEADING_PATH_KEY = "heading_path";

  ChunkDocument {
    Objects.requireNonNull(chunkId, "chunkId");
    Objects.requireNonNull(sourceUri, "sourceUri");
    Objects.requireNonNull(text, "text");
    metadata = Map.copyOf(metadata);
  }

  /** The JSON source to index. */
  Map<String, Object> toSource() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put(ChunkMapping.CHUNK_ID, chunkId);
    s.put(ChunkMapping.SOURCE_URI, sourceUri);
    s.put(ChunkMapping.TEXT, text);
    Object heading = metadata.get(HEADING_PATH_KEY);
    if (heading != null) {
      s.put(ChunkMapping.HEADING_PATH, heading.toString());
    }
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, String> types = new LinkedHashMap<>();
    metadata.forEach((k, v) -> {
      values.put(k, String.valueOf(v));
      types.put(k, typeOf(k, v));
    });
    s.put(ChunkMapping.METADATA, values);
    s.put(ChunkMapping.METADATA_TYPES, types);
    if (vector != null) {
      s.put(ChunkMapping.VECTOR, vector);
    }
    return s;
  }

  /** Reads a stored source back; {@code vector} is null unless the source carried it. */
  static ChunkDocument fromSource(Map<String, Object> s) {
    Map<String, Object> metadata = new HashMap<>();
    Map<?, ?> values = s.get(ChunkMapping.METADATA) instanceof Map<?, ?> m ? m : Map.of();
    Map<?, ?> types = s.get(ChunkMapping.METADATA_TYPES) instanceof Map<?, ?> m ? m : Map.of();
    values.forEach((k, v) -> {
      if (v != null) {
        metadata.put(String.valueOf(k), typed(String.valueOf(v), String.valueOf(types.get(k))));
      }
    });
    float[] vector = null;
    if (s.get(ChunkMapping.VECTOR) instanceof List<?> list) {
      vector = new float[list.size()];
      for (int i = 0; i < vector.length; i++) {
        vector[i] = ((Number) list.get(i)).floatValue();
      }
    }
    return new ChunkDocument((String) s.get(ChunkMapping.CHUNK_ID), (String) s.get(ChunkMapping.SOURCE_URI),
        (String) s.get(ChunkMapping.TEXT), metadata, vector);
  }

  ChunkDocument withVector(float[] newVector) {
    return new ChunkDocument(chunkId, sourceUri, text, metadata, newVector);
  }

  private static String typeOf(String key, Object v) {
    if (v instanceof String) {
      return "string";
    }
    if (v instanceof UUID) {
      return "uuid";
    }
    if (v instanceof Integer) {
      return "int";
    }
    if (v instanceof Long) {
      return "long";
    }
    if (v instanceof Float) {
      return "float";
    }
    if (v instanceof Double) {
      return "double";
    }
    throw new IllegalArgumentException("metadata '" + key + "' has unsupported type " + v.getClass().getName());
  }

  private static Object typed(String value, String type) {
    return switch (type) {
      case "uuid" -> UUID.fromString(value);
      case "int" -> Integer.valueOf(value);
      case "long" -> Long.valueOf(value);
      case "float" -> Float.valueOf(value);
      case "double" -> Double.valueOf(value);
      default -> value;
    };
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ChunkDocument c && chunkId.equals(c.chunkId) && sourceUri.equals(c.sourceUri)
        && text.equals(c.text) && metadata.equals(c.metadata) && Arrays.equals(vector, c.vector);
  }

  @Override
  public int hashCode() {
    return Objects.hash(chunkId, sourceUri, text, metadata, Arrays.hashCode(vector));
  }
}
