package com.bmo.learning.ingestion;

import com.bmo.learning.aws.s3.TransientStorageException;

/**
 * The file exists (as far as is known) but could not be read: access denied, S3 unavailable after the
 * client's retries, a local I/O error. The cause is the {@link com.bmo.learning.aws.s3.StorageException}
 * or {@link java.io.IOException}.
 */
public final class SourceReadException extends IngestionException {
  private static final long serialVersionUID = 1L;

  public SourceReadException(String source, String detail, Throwable cause) {
    super(source, "read_failed", detail, cause);
  }

  @Override
  public boolean retryable() {
    return getCause() instanceof TransientStorageException;
  }
}
