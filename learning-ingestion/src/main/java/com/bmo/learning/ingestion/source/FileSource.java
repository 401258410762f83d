package com.bmo.learning.ingestion.source;

import com.bmo.learning.ingestion.IngestionException;
import com.bmo.learning.ingestion.parse.DocumentParsers;
import dev.langchain4j.data.document.DocumentSource;

/**
 * One file to ingest, in S3 or on the local disk. As a LangChain4j {@link DocumentSource} it gives the
 * raw bytes and the source metadata, for any LangChain4j parser; {@link #load(DocumentParsers)} does the
 * whole job: fetch, detect the type, parse, attach metadata, remove temporary files.
 */
public sealed interface FileSource extends DocumentSource permits S3ObjectSource, LocalFileSource {

  /** {@code s3://bucket/key} or {@code file:///path}. */
  String uri();

  /** The last segment of the key or path. */
  String fileName();

  /**
   * Fetches and parses the file.
   *
   * @throws IngestionException a typed per-file failure
   */
  LoadedFile load(DocumentParsers parsers);
}
