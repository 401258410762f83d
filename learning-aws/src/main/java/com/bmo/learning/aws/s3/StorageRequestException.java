package com.bmo.learning.aws.s3;

/** S3 refused the request for a reason without a more specific type here (for example {@code InvalidRange}, {@code PreconditionFailed}, {@code EntityTooLarge}), or the SDK failed in a way that is not transient (for example no credentials). {@link #awsErrorCode()} and {@link #statusCode()} tell which. */
public final class StorageRequestException extends StorageException {
  private static final long serialVersionUID = 1L;

  StorageRequestException(Context context, String detail, Throwable cause) {
    super(context, detail, cause);
  }
}
