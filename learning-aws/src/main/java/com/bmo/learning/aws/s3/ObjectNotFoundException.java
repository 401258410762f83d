package com.bmo.learning.aws.s3;

/** The object does not exist (S3 {@code NoSuchKey}, or 404 on a HEAD whose bucket exists). */
public final class ObjectNotFoundException extends StorageException {
  private static final long serialVersionUID = 1L;

  ObjectNotFoundException(Context context, String detail, Throwable cause) {
    super(context, detail, cause);
  }
}
