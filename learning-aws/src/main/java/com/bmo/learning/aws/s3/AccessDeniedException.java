package com.bmo.learning.aws.s3;

/** The credentials may not do this (HTTP 403: {@code AccessDenied}, {@code InvalidAccessKeyId}, {@code SignatureDoesNotMatch}, ...). Retrying will not help; fix the credentials or the policy. */
public final class AccessDeniedException extends StorageException {
  private static final long serialVersionUID = 1L;

  AccessDeniedException(Context context, String detail, Throwable cause) {
    super(context, detail, cause);
  }
}
