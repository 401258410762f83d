package com.bmo.learning.ingestion.source;

import com.bmo.learning.ingestion.parse.DocumentType;
import dev.langchain4j.data.document.Document;
import java.util.List;

/**
 * The documents parsed from one file, each with the file's full metadata.
 *
 * @param sourceUri {@code s3://bucket/key} or {@code file:///path}
 * @param version what identifies this content of the file: the S3 ETag, or the SHA-256 of a local
 *     file
 * @param size bytes
 */
public record LoadedFile(String sourceUri, String version, DocumentType type, long size,
    List<Document> documents) {

  public LoadedFile {
    documents = List.copyOf(documents);
  }

  /** Pages of a PDF (from its {@code page_count}), else 0. */
  public int pageCount() {
    Integer pages = documents.isEmpty() ? null
        : documents.get(0).metadata().getInteger(com.bmo.learning.ingestion.MetadataKeys.PAGE_COUNT);
    return pages == null ? 0 : pages;
  }
}
