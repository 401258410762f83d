package com.bmo.learning.localaws.secretsmanager;

import java.util.Objects;

/**
 * An error the emulator answers with, in AWS's terms: the error code that goes into {@code __type}
 * (and that the SDK maps to its exception class), the HTTP status and the message. Messages never
 * contain a secret value; {@link #secretId()} names the secret the error is about, when there is one.
 */
public final class SecretsManagerException extends RuntimeException {

  static final String RESOURCE_NOT_FOUND = "ResourceNotFoundException";
  static final String RESOURCE_EXISTS = "ResourceExistsException";
  static final String INVALID_REQUEST = "InvalidRequestException";
  static final String INVALID_PARAMETER = "InvalidParameterException";
  static final String INVALID_NEXT_TOKEN = "InvalidNextTokenException";
  static final String VALIDATION = "ValidationException";
  static final String SERIALIZATION = "SerializationException";
  static final String UNKNOWN_OPERATION = "UnknownOperationException";
  static final String INTERNAL_SERVICE_ERROR = "InternalServiceError";

  static final String MARKED_FOR_DELETION =
      "You can't perform this operation on the secret because it was marked for deletion.";

  private final String code;
  private final int httpStatus;
  private final String secretId;

  public SecretsManagerException(String code, int httpStatus, String message) {
    this(code, httpStatus, message, null);
  }

  private SecretsManagerException(String code, int httpStatus, String message, String secretId) {
    // No stack trace: these are answers to bad requests, not bugs.
    super(message, null, false, false);
    this.code = Objects.requireNonNull(code, "code");
    this.httpStatus = httpStatus;
    this.secretId = secretId;
  }

  /** AWS's error code, e.g. {@code ResourceNotFoundException}. */
  public String code() {
    return code;
  }

  public int httpStatus() {
    return httpStatus;
  }

  /** The secret name or ARN the request named, or {@code null}. */
  public String secretId() {
    return secretId;
  }

  static SecretsManagerException secretNotFound(String secretId) {
    return new SecretsManagerException(RESOURCE_NOT_FOUND, 400,
        "Secrets Manager can't find the specified secret.", secretId);
  }

  static SecretsManagerException versionNotFound(String secretId, String versionId) {
    return new SecretsManagerException(RESOURCE_NOT_FOUND, 400,
        "Secrets Manager can't find the specified secret value for VersionId: " + versionId, secretId);
  }

  static SecretsManagerException stageNotFound(String secretId, String stage) {
    return new SecretsManagerException(RESOURCE_NOT_FOUND, 400,
        "Secrets Manager can't find the specified secret value for staging label: " + stage, secretId);
  }

  static SecretsManagerException markedForDeletion(String secretId) {
    return new SecretsManagerException(INVALID_REQUEST, 400, MARKED_FOR_DELETION, secretId);
  }

  static SecretsManagerException resourceExists(String secretId, String message) {
    return new SecretsManagerException(RESOURCE_EXISTS, 400, message, secretId);
  }

  static SecretsManagerException invalidRequest(String secretId, String message) {
    return new SecretsManagerException(INVALID_REQUEST, 400, message, secretId);
  }

  static SecretsManagerException invalidParameter(String message) {
    return new SecretsManagerException(INVALID_PARAMETER, 400, message, null);
  }

  static SecretsManagerException invalidNextToken() {
    return new SecretsManagerException(INVALID_NEXT_TOKEN, 400, "The NextToken value is invalid.", null);
  }

  /** A request member that breaks the API's schema (missing, too long, out of range, not in an enum). */
  static SecretsManagerException validation(String message) {
    return new SecretsManagerException(VALIDATION, 400, "1 validation error detected: " + message, null);
  }

  /** A body that is not JSON, or a member of the wrong JSON type. */
  static SecretsManagerException serialization(String message) {
    return new SecretsManagerException(SERIALIZATION, 400, message, null);
  }

  static SecretsManagerException unknownOperation(String operation) {
    return new SecretsManagerException(UNKNOWN_OPERATION, 400,
        "Operation secretsmanager." + operation + " is not supported by this endpoint.", null);
  }

  static SecretsManagerException internal(String message) {
    return new SecretsManagerException(INTERNAL_SERVICE_ERROR, 500, message, null);
  }
}
