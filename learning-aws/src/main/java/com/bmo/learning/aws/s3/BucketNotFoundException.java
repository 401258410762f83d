package com.bmo.learning.aws.s3;

/** The bucket does not exist (S3 {@code NoSuchBucket}). */
public final class BucketNotFoundException extends StorageException {
  private static final long serialVersionUID = 1L;

  BucketNotFoundException(Context context, String detail, Throwable cause) {
    super(context, detail, cause);
  }
}
