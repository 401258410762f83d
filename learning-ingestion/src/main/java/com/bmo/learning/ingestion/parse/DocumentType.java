package com.bmo.learning.ingestion.parse;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The document formats this module reads, recognised by file extension and confirmed by content. */
public enum DocumentType {
  PDF("pdf", "application/pdf", List.of("pdf")),
  TEXT("text", "text/plain", List.of("txt", "text")),
  MARKDOWN("markdown", "text/markdown", List.of("md", "markdown")),
  HTML("html", "text/html", List.of("html", "htm", "xhtml"));

  private final String id;
  private final String mediaType;
  private final List<String> extensions;

  DocumentType(String id, String mediaType, List<String> extensions) {
    this.id = id;
    this.mediaType = mediaType;
    this.extensions = extensions;
  }

  /** Lower-case name used in metadata: {@code pdf}, {@code text}, {@code markdown}, {@code html}. */
  public String id() {
    return id;
  }

  public String mediaType() {
    return mediaType;
  }

  /** Extensions without the dot, lower case. */
  public List<String> extensions() {
    return extensions;
  }

  /** True for the types that are text to decode, as opposed to a binary container (PDF). */
  public boolean isText() {
    return this != PDF;
  }

  /** The type named by a file name's extension (case-insensitive), if it is one of ours. */
  public static Optional<DocumentType> fromFileName(String fileName) {
    String ext = extension(fileName);
    if (ext.isEmpty()) {
      return Optional.empty();
    }
    for (DocumentType t : values()) {
      if (t.extensions.contains(ext)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /** The extension of {@code fileName}, lower case, without the dot; empty when there is none. */
  public static String extension(String fileName) {
    if (fileName == null) {
      return "";
    }
    String name = fileName.substring(fileName.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    return dot <= 0 || dot == name.length() - 1 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
