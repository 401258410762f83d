package com.bmo.learning.ingestion.source;

import com.bmo.learning.ingestion.MetadataKeys;
import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.document.Metadata;
import java.util.List;
import java.util.Map;

/** Merges source metadata into parsed documents: the source's reserved keys win over the parser's. */
final class SourceMetadata {

  private SourceMetadata() {
  }

  /** Object user metadata; a name that collides with a reserved key gets the {@code user_} prefix. */
  static void putUserMetadata(Metadata target, Map<String, String> user) {
    user.forEach((name, value) -> {
      if (name == null || name.isEmpty() || value == null) {
        return;
      }
      target.put(MetadataKeys.RESERVED.contains(name) ? MetadataKeys.USER_METADATA_PREFIX + name : name,
          value);
    });
  }

  /**
   * New documents with {@code source} metadata added to each document's own. The two never share a key:
   * parser keys ({@code page}, {@code title}, ...) are reserved, and object user metadata with a
   * reserved name was renamed by {@link #putUserMetadata}.
   */
  static List<Document> withSource(List<Document> documents, Metadata source) {
    Map<String, Object> all = source.toMap();
    return documents.stream()
        .map(d -> Document.from(d.text(), d.metadata().copy().putAll(all)))
        .toList();
  }
}
