package com.bmo.learning.aws.secrets;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.DecryptionFailureException;
import software.amazon.awssdk.services.secretsmanager.model.DeleteSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.DeleteSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.InternalServiceErrorException;
import software.amazon.awssdk.services.secretsmanager.model.InvalidParameterException;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsRequest;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.RestoreSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.RestoreSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

/**
 * Secrets Manager for the platform, on the AWS SDK v2: read (text, binary, one JSON field; by name or
 * ARN; any staging label), create, update, delete, restore, describe and list — with typed exceptions
 * that name the secret ({@link SecretNotFoundException}, {@link SecretPendingDeletionException}, ...)
 * and values that never print themselves.
 *
 * <p>Thread-safe; share one instance. Writes are announced to {@link SecretWriteListener}s, which is how a
 * {@link SecretCache} built on this client drops entries the moment they change. Malformed requests are
 * rejected with an {@link InvalidSecretRequestException} before any call to AWS.
 */
public final class SecretsClient implements SecretSource, AutoCloseable {

  /** AWS's rule for secret names. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9/_+=.@-]{1,512}");
  private static final int MAX_ID_LENGTH = 2048;

  private final SecretsManagerClient sdk;
  private final boolean closeSdk;
  private final List<SecretWriteListener> listeners = new CopyOnWriteArrayList<>();

  private SecretsClient(SecretsManagerClient sdk, boolean closeSdk) {
    this.sdk = Objects.requireNonNull(sdk, "sdk");
    this.closeSdk = closeSdk;
  }

  /** A client on {@code sdk}; the caller keeps ownership of {@code sdk} and closes it. */
  public static SecretsClient create(SecretsManagerClient sdk) {
    return new SecretsClient(sdk, false);
  }

  /** A client that owns {@code sdk} and closes it in {@link #close()}. */
  public static SecretsClient owning(SecretsManagerClient sdk) {
    return new SecretsClient(sdk, true);
  }

  /**
   * A client on an SDK client configured the SDK's standard way (region, credentials, and
   * {@code AWS_ENDPOINT_URL}/{@code AWS_ENDPOINT_URL_SECRETS_MANAGER} from the environment).
   */
  public static SecretsClient create() {
    return owning(SecretsManagerClient.create());
  }

  public void addWriteListener(SecretWriteListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  public void removeWriteListener(SecretWriteListener listener) {
    listeners.remove(listener);
  }

  // ---- reads ----

  @Override
  public SecretValue getSecret(String secretId) {
    return getSecret(secretId, null);
  }

  @Override
  public SecretValue getSecret(String secretId, String versionStage) {
    checkId(secretId);
    if (versionStage != null && versionStage.isBlank()) {
      throw new InvalidSecretRequestException(secretId, "The version stage must not be blank");
    }
    return call(secretId, versionStage, () -> SecretValue.from(
        sdk.getSecretValue(GetSecretValueRequest.builder().secretId(secretId).versionStage(versionStage)
            .build())));
  }

  /** The secret's metadata: name, ARN, versions and their labels, tags, deletion date. */
  public SecretMetadata describe(String secretId) {
    checkId(secretId);
    return call(secretId, null, () -> SecretMetadata.from(sdk.describeSecret(describeRequest(secretId))));
  }

  /** Every secret matching the query, following all pages. */
  public List<SecretMetadata> list(SecretQuery query) {
    Objects.requireNonNull(query, "query");
    if (query.pageSize() < 1 || query.pageSize() > SecretQuery.MAX_PAGE_SIZE) {
      throw new InvalidSecretRequestException(null, "The page size must be 1 to "
          + SecretQuery.MAX_PAGE_SIZE + ", not " + query.pageSize());
    }
    ListSecretsRequest request = ListSecretsRequest.builder()
        .filters(query.filters().stream().map(SecretFilter::toSdk).toList())
        .includePlannedDeletion(query.includePlannedDeletion())
        .maxResults(query.pageSize())
        .build();
    return call(null, null, () -> {
      List<SecretMetadata> all = new ArrayList<>();
      sdk.listSecretsPaginator(request).forEach(page ->
          page.secretList().forEach(e -> all.add(SecretMetadata.from(e))));
      return all;
    });
  }

  /** {@link #list(SecretQuery)} with these filters. */
  public List<SecretMetadata> list(SecretFilter... filters) {
    return list(SecretQuery.of(filters));
  }

  // ---- writes ----

  /** Creates a secret; its first version is AWSCURRENT. */
  public SecretVersion create(NewSecret secret) {
    Objects.requireNonNull(secret, "secret");
    String name = secret.name();
    if (name == null || !NAME.matcher(name).matches()) {
      throw new InvalidSecretRequestException(name, "Invalid secret name '" + name + "': 1 to 512 of"
          + " A-Z a-z 0-9 / _ + = . @ -");
    }
    String text = secret.textValue();
    byte[] binary = secret.binaryValue();
    if ((text == null) == (binary == null)) {
      throw new InvalidSecretRequestException(name, "A new secret needs exactly one value, text or binary");
    }
    List<Tag> tags = secret.tags().entrySet().stream()
        .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
    CreateSecretRequest request = CreateSecretRequest.builder()
        .name(name)
        .secretString(text)
        .secretBinary(binary == null ? null : SdkBytes.fromByteArray(binary))
        .description(secret.description())
        .kmsKeyId(secret.kmsKeyId())
        .tags(tags.isEmpty() ? null : tags)
        .build();
    return write(name, () -> {
      CreateSecretResponse r = sdk.createSecret(request);
      return new Written<>(new SecretVersion(r.name(), r.arn(), r.versionId()), r.name(), r.arn());
    });
  }

  /** Creates a text secret. */
  public SecretVersion createString(String name, String value) {
    return create(NewSecret.text(name, value));
  }

  /**
   * Stores a new text value: the new version becomes AWSCURRENT and the one before it AWSPREVIOUS
   * (kept, so the previous credential stays readable during a rotation).
   */
  public SecretVersion updateString(String secretId, String value) {
    checkId(secretId);
    Objects.requireNonNull(value, "value");
    return put(secretId, PutSecretValueRequest.builder().secretId(secretId).secretString(value).build());
  }

  /** Stores a new binary value; see {@link #updateString}. */
  public SecretVersion updateBinary(String secretId, byte[] value) {
    checkId(secretId);
    Objects.requireNonNull(value, "value");
    return put(secretId, PutSecretValueRequest.builder().secretId(secretId)
        .secretBinary(SdkBytes.fromByteArray(value)).build());
  }

  /** A rotation done by the application: the same as {@link #updateString}. */
  public SecretVersion rotate(String secretId, String newValue) {
    return updateString(secretId, newValue);
  }

  private SecretVersion put(String secretId, PutSecretValueRequest request) {
    return write(secretId, () -> {
      PutSecretValueResponse r = sdk.putSecretValue(request);
      return new Written<>(new SecretVersion(r.name(), r.arn(), r.versionId()), r.name(), r.arn());
    });
  }

  /** Schedules deletion after AWS's default recovery window (30 days). */
  public SecretDeletion delete(String secretId) {
    return delete(secretId, DeleteOptions.defaults());
  }

  /**
   * Deletes a secret after a recovery window (7 to 30 days, restorable meanwhile) or at once. Invalid
   * options are rejected before calling AWS.
   */
  public SecretDeletion delete(String secretId, DeleteOptions options) {
    checkId(secretId);
    Objects.requireNonNull(options, "options");
    String problem = options.problem();
    if (problem != null) {
      throw new InvalidSecretRequestException(secretId, "Cannot delete secret '" + secretId + "': "
          + problem);
    }
    DeleteSecretRequest.Builder request = DeleteSecretRequest.builder().secretId(secretId);
    if (options.forceDeleteWithoutRecovery()) {
      request.forceDeleteWithoutRecovery(true);
    }
    options.recoveryWindowDays().ifPresent(days -> request.recoveryWindowInDays((long) days));
    return write(secretId, () -> {
      DeleteSecretResponse r = sdk.deleteSecret(request.build());
      return new Written<>(new SecretDeletion(r.name(), r.arn(), Optional.ofNullable(r.deletionDate())),
          r.name(), r.arn());
    });
  }

  /** Cancels a scheduled deletion; the secret is usable again with all its versions. */
  public SecretMetadata restore(String secretId) {
    checkId(secretId);
    write(secretId, () -> {
      RestoreSecretResponse r = sdk.restoreSecret(RestoreSecretRequest.builder().secretId(secretId).build());
      return new Written<>(r, r.name(), r.arn());
    });
    return describe(secretId);
  }

  @Override
  public void close() {
    if (closeSdk) {
      sdk.close();
    }
  }

  // ---- plumbing ----

  private record Written<T>(T result, String name, String arn) {
  }

  /**
   * Runs a write and tells the listeners — also when it failed, since a timed-out write may still have
   * happened and a stale cache entry is worse than one extra read.
   */
  private <T> T write(String secretId, Supplier<Written<T>> op) {
    Set<String> ids = new LinkedHashSet<>();
    ids.add(secretId);
    try {
      Written<T> written = call(secretId, null, op);
      if (written.name() != null) {
        ids.add(written.name());
      }
      if (written.arn() != null) {
        ids.add(written.arn());
      }
      return written.result();
    } finally {
      Set<String> frozen = Set.copyOf(ids);
      listeners.forEach(l -> l.secretWritten(frozen));
    }
  }

  private <T> T call(String secretId, String versionStage, Supplier<T> op) {
    try {
      return op.get();
    } catch (SdkException e) {
      throw translate(e, secretId, versionStage);
    }
  }

  private static void checkId(String secretId) {
    if (secretId == null || secretId.isBlank()) {
      throw new InvalidSecretRequestException(secretId, "A secret name or ARN is required");
    }
    if (secretId.length() > MAX_ID_LENGTH) {
      throw new InvalidSecretRequestException(secretId.substring(0, 64) + "...",
          "A secret id is at most " + MAX_ID_LENGTH + " characters");
    }
  }

  /** Maps an SDK error to this package's exception for it, asking AWS when the code alone is ambiguous. */
  private SecretsException translate(SdkException e, String secretId, String versionStage) {
    String who = secretId == null ? "Secrets Manager" : "Secret '" + secretId + "'";
    if (e instanceof ResourceNotFoundException) {
      if (versionStage != null && secretId != null && tryDescribe(secretId).isPresent()) {
        return new SecretVersionNotFoundException(secretId, versionStage, e);
      }
      return new SecretNotFoundException(secretId, who + " not found", e);
    }
    if (e instanceof ResourceExistsException) {
      return new SecretAlreadyExistsException(secretId, e);
    }
    if (e instanceof InvalidRequestException) {
      // AWS answers InvalidRequest for any use of a secret scheduled for deletion (and for a new secret
      // whose name is still held by one); the message wording varies, so ask.
      if (secretId != null) {
        Optional<DescribeSecretResponse> d = tryDescribe(secretId);
        if (d.isPresent() && d.get().deletedDate() != null) {
          return new SecretPendingDeletionException(secretId, d.get().deletedDate(), e);
        }
      }
      return new InvalidSecretRequestException(secretId, who + ": invalid request: " + awsMessage(e), e);
    }
    if (e instanceof InvalidParameterException) {
      return new InvalidSecretRequestException(secretId, who + ": invalid parameter: " + awsMessage(e), e);
    }
    if (e instanceof DecryptionFailureException) {
      return new SecretAccessDeniedException(secretId, who + " cannot be decrypted: " + awsMessage(e), e);
    }
    if (e instanceof AwsServiceException s) {
      String code = s.awsErrorDetails() == null ? "" : s.awsErrorDetails().errorCode();
      if ("ValidationException".equals(code)) {
        // AWS's generic answer to a parameter outside the model's constraints (length, pattern).
        return new InvalidSecretRequestException(secretId, who + ": invalid request: " + awsMessage(e), e);
      }
      if ("AccessDeniedException".equals(code) || s.statusCode() == 403) {
        return new SecretAccessDeniedException(secretId, who + ": access denied: " + awsMessage(e), e);
      }
      if (s instanceof InternalServiceErrorException || s.isThrottlingException() || s.statusCode() >= 500) {
        return new SecretsUnavailableException(secretId, who + ": Secrets Manager unavailable: "
            + awsMessage(e), e);
      }
      return new SecretsException(secretId, who + ": " + code + ": " + awsMessage(e), e);
    }
    if (e instanceof SdkClientException) {
      return new SecretsUnavailableException(secretId, who + ": Secrets Manager not reachable: "
          + e.getMessage(), e);
    }
    return new SecretsException(secretId, who + ": " + e.getMessage(), e);
  }

  private Optional<DescribeSecretResponse> tryDescribe(String secretId) {
    try {
      return Optional.of(sdk.describeSecret(describeRequest(secretId)));
    } catch (SdkException ignored) {
      return Optional.empty();
    }
  }

  private static DescribeSecretRequest describeRequest(String secretId) {
    return DescribeSecretRequest.builder().secretId(secretId).build();
  }

  private static String awsMessage(SdkException e) {
    if (e instanceof AwsServiceException s && s.awsErrorDetails() != null
        && s.awsErrorDetails().errorMessage() != null) {
      return s.awsErrorDetails().errorMessage();
    }
    return e.getMessage();
  }
}
