package com.bmo.learning.aws.s3;

import java.util.Optional;

/**
 * Every failure of {@link S3Storage} that a caller can act on. Each subtype names the operation, the bucket
 * and (where there is one) the key, so a log line or an API error can say exactly what failed; the AWS
 * error code, HTTP status and request id are kept when S3 answered.
 *
 * <p>The hierarchy is sealed: a {@code switch} over it is exhaustive, and no raw SDK exception reaches a
 * caller without this context (the SDK exception stays available as the {@linkplain #getCause() cause}).
 */
public abstract sealed class StorageException extends RuntimeException
    permits ObjectNotFoundException, BucketNotFoundException, AccessDeniedException,
    InvalidBucketNameException, InvalidKeyException, ChecksumMismatchException,
    TransientStorageException, StorageRequestException, LocalIoException {

  private final String operation;
  private final String bucket;
  private final String key;
  private final int statusCode;
  private final String awsErrorCode;
  private final String requestId;

  StorageException(Context context, String detail, Throwable cause) {
    super(context.describe() + ": " + detail, cause);
    this.operation = context.operation();
    this.bucket = context.bucket();
    this.key = context.key();
    this.statusCode = context.statusCode();
    this.awsErrorCode = context.awsErrorCode();
    this.requestId = context.requestId();
  }

  /** The S3 operation that failed, such as {@code PutObject}; empty for input validation. */
  public Optional<String> operation() {
    return Optional.ofNullable(operation);
  }

  public String bucket() {
    return bucket;
  }

  /** The object key, when the failure concerns one object. */
  public Optional<String> key() {
    return Optional.ofNullable(key);
  }

  /** HTTP status code of S3's answer, or 0 when there was no answer (network failure, validation). */
  public int statusCode() {
    return statusCode;
  }

  /** S3's error code, such as {@code NoSuchKey} or {@code SlowDown}, when S3 answered with one. */
  public Optional<String> awsErrorCode() {
    return Optional.ofNullable(awsErrorCode);
  }

  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /** What failed and where; built by {@link StorageErrors} and the validators. */
  record Context(String operation, String bucket, String key, int statusCode, String awsErrorCode,
      String requestId) {

    static Context of(String operation, String bucket, String key) {
      return new Context(operation, bucket, key, 0, null, null);
    }

    Context withResponse(int status, String errorCode, String requestId) {
      return new Context(operation, bucket, key, status, errorCode, requestId);
    }

    String describe() {
      StringBuilder sb = new StringBuilder();
      if (operation != null) {
        sb.append(operation).append(' ');
      }
      sb.append("s3://").append(bucket == null ? "?" : bucket);
      if (key != null) {
        // Keys can be 1,024 bytes long; a message needs only enough to recognise one.
        sb.append('/').append(key.length() <= 200 ? key
            : key.substring(0, 200) + "...(" + key.length() + " chars)");
      }
      if (statusCode != 0 || awsErrorCode != null) {
        sb.append(" [");
        if (awsErrorCode != null) {
          sb.append(awsErrorCode);
        }
        if (statusCode != 0) {
          sb.append(awsErrorCode != null ? ", " : "").append("HTTP ").append(statusCode);
        }
        if (requestId != null) {
          sb.append(", request id ").append(requestId);
        }
        sb.append(']');
      }
      return sb.toString();
    }
  }
}
