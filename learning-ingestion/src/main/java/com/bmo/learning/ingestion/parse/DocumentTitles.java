package com.bmo.learning.ingestion.parse;

/** A document's title when the document itself names none. */
final class DocumentTitles {

  private DocumentTitles() {
  }

  /** The file name without directory and extension, "_" and "-" read as spaces: "intro_to-tfsa.pdf" → "intro to tfsa". */
  static String fromFileName(String fileName) {
    String name = fileName == null ? "" : fileName;
    name = name.substring(name.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    if (dot > 0) {
      name = name.substring(0, dot);
    }
    name = name.replace('_', ' ').replace('-', ' ').replaceAll("\\s+", " ").strip();
    return name.isEmpty() ? "Untitled" : name;
  }
}
