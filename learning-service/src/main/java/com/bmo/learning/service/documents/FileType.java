package com.bmo.learning.service.documents;

import java.util.List;
import java.util.Locale;

/** The document types the service accepts, decided from the content (see {@link FileTypeDetector}). */
public enum FileType {
  PDF("application/pdf", List.of("pdf")),
  MARKDOWN("text/markdown", List.of("md", "markdown")),
  HTML("text/html", List.of("html", "htm")),
  TEXT("text/plain", List.of("txt", "text"));

  private final String contentType;
  private final List<String> extensions;

  FileType(String contentType, List<String> extensions) {
    this.contentType = contentType;
    this.extensions = extensions;
  }

  public String contentType() {
    return contentType;
  }

  /** The extension a stored file of this type gets when its own does not fit. */
  public String canonicalExtension() {
    return extensions.get(0);
  }

  public boolean hasExtension(String fileName) {
    return extensions.contains(extension(fileName));
  }

  /** Lower-case extension without the dot, or empty. */
  public static String extension(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot < 0 || dot == fileName.length() - 1 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
