package com.bmo.learning.ingestion;

import java.util.Objects;

/**
 * Why one file could not be ingested. Every subtype names the file ({@link #source()}: an
 * {@code s3://} URI or a {@code file:} URI) and has a stable {@link #code()} for summaries and API
 * answers. The hierarchy is sealed, so a {@code switch} over it is exhaustive.
 *
 * <p>These are per-file outcomes: a batch records them and goes on with the other files.
 */
public abstract sealed class IngestionException extends RuntimeException
    permits CorruptDocumentException, EncryptedDocumentException, EmptyDocumentException,
    UnsupportedDocumentTypeException, DocumentTooLargeException, DocumentLimitExceededException,
    BinaryContentException,
    ContentMismatchException, SourceNotFoundException, SourceReadException, InvalidSourceException,
    UnexpectedFailureException {

  private static final long serialVersionUID = 1L;

  private final String source;
  private final String code;

  protected IngestionException(String source, String code, String detail, Throwable cause) {
    super((source == null ? "(unknown source)" : source) + ": " + detail, cause);
    this.source = source;
    this.code = Objects.requireNonNull(code);
  }

  /** The file that failed: {@code s3://bucket/key} or {@code file:///path}; null if not known. */
  public String source() {
    return source;
  }

  /** A stable, snake-case name of the failure, such as {@code encrypted_document}. */
  public String code() {
    return code;
  }

  /** True when trying the same file again later may succeed (S3 unavailable, throttled). */
  public boolean retryable() {
    return false;
  }
}
