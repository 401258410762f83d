package com.bmo.learning.aws.s3;

import java.io.IOException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns what the SDK throws into the typed {@link StorageException}s, with operation, bucket and key.
 * Runs after the SDK's retry strategy has given up, so a transient error here is final for this call.
 */
final class StorageErrors {

  private static final Set<String> ACCESS_DENIED = Set.of("AccessDenied", "InvalidAccessKeyId",
      "SignatureDoesNotMatch", "AllAccessDisabled", "AccountProblem", "InvalidToken", "ExpiredToken",
      "InvalidSecurity");
  private static final Set<String> CHECKSUM = Set.of("BadDigest", "XAmzContentChecksumMismatch",
      "XAmzContentSHA256Mismatch");
  private static final Set<String> TRANSIENT = Set.of("SlowDown", "Throttling", "ThrottlingException",
      "RequestTimeout", "RequestTimeoutException", "InternalError", "ServiceUnavailable",
      "RequestLimitExceeded", "BandwidthLimitExceeded", "TooManyRequestsException",
      "ProvisionedThroughputExceededException", "PriorRequestNotComplete", "EC2ThrottledException",
      "OperationAborted");
  /** The SDK's own response-checksum validation failing, which it reports as a client exception. */
  private static final String SDK_CHECKSUM_MESSAGE = "Data read has a different checksum";

  private StorageErrors() {
  }

  static StorageException map(String operation, String bucket, String key, Throwable error) {
    if (error instanceof StorageException typed) {
      return typed;
    }
    StorageException.Context ctx = StorageException.Context.of(operation, bucket, key);
    if (error instanceof AwsServiceException service) {
      return mapService(ctx, service);
    }
    if (error instanceof SdkClientException client) {
      String message = client.getMessage() == null ? "" : client.getMessage();
      if (message.contains(SDK_CHECKSUM_MESSAGE)) {
        return new ChecksumMismatchException(ctx, "content received does not match the checksum S3"
            + " stored", null, null, client);
      }
      if (isTransient(client)) {
        return new TransientStorageException(ctx, "S3 not reachable: " + rootMessage(client),
            attempts(client), client);
      }
      return new StorageRequestException(ctx, "request failed: " + message, client);
    }
    if (error instanceof SdkException sdk) {
      return new StorageRequestException(ctx, "request failed: " + sdk.getMessage(), sdk);
    }
    return new StorageRequestException(ctx, "request failed: " + error, error);
  }

  private static StorageException mapService(StorageException.Context base, AwsServiceException e) {
    int status = e.statusCode();
    String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    if (code != null && code.isBlank()) {
      code = null;
    }
    StorageException.Context ctx = base.withResponse(status, code, e.requestId());
    String detail = e.awsErrorDetails() == null || e.awsErrorDetails().errorMessage() == null
        ? "" : e.awsErrorDetails().errorMessage();
    if ("NoSuchKey".equals(code) || ("NotFound".equals(code) || code == null) && status == 404
        && base.key() != null) {
      return new ObjectNotFoundException(ctx, "object not found", e);
    }
    if ("NoSuchBucket".equals(code) || status == 404 && base.key() == null) {
      return new BucketNotFoundException(ctx, "bucket not found", e);
    }
    if ("InvalidObjectState".equals(code)) {
      // 403 too, but about the object (archived in Glacier), not the caller's rights.
      return new StorageRequestException(ctx, "object not readable in its storage class" + suffix(detail), e);
    }
    if (status == 403 || code != null && ACCESS_DENIED.contains(code)) {
      return new AccessDeniedException(ctx, "access denied" + suffix(detail), e);
    }
    if (code != null && CHECKSUM.contains(code)) {
      return new ChecksumMismatchException(ctx, "S3 rejected the content: it does not match the checksum"
          + " sent" + suffix(detail), null, null, e);
    }
    if (status >= 500 || status == 429 || e.isThrottlingException()
        || code != null && TRANSIENT.contains(code)) {
      return new TransientStorageException(ctx, "S3 unavailable" + suffix(detail), attempts(e), e);
    }
    return new StorageRequestException(ctx, "S3 refused the request" + suffix(detail), e);
  }

  private static boolean isTransient(SdkClientException e) {
    if (e.retryable()) {
      return true;
    }
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof IOException || t instanceof ApiCallTimeoutException
          || t instanceof ApiCallAttemptTimeoutException) {
        return true;
      }
    }
    return false;
  }

  private static int attempts(SdkException e) {
    Integer n = e.numAttempts();
    return n == null || n < 1 ? 1 : n;
  }

  private static String suffix(String detail) {
    return detail == null || detail.isBlank() ? "" : ": " + detail;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
  }
}
