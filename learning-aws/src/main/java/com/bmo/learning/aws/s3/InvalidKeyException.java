package com.bmo.learning.aws.s3;

/** An object key that S3 cannot store: empty, longer than 1,024 UTF-8 bytes, or not encodable as UTF-8 (an unpaired surrogate). Raised before any request is sent. */
public final class InvalidKeyException extends StorageException {
  private static final long serialVersionUID = 1L;

  InvalidKeyException(Context context, String detail, Throwable cause) {
    super(context, detail, cause);
  }
}
