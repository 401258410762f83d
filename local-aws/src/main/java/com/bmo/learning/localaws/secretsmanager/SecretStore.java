package com.bmo.learning.localaws.secretsmanager;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulator's secrets with Secrets Manager's semantics: ARNs with a random suffix, versions and
 * staging labels, idempotent client request tokens, recovery-window deletion and restore, filtered and
 * paginated listing. Thread-safe: every operation runs under one lock, so each is atomic.
 *
 * <p>Secrets whose recovery window has passed (by the store's {@link Clock}) are purged lazily, at the
 * start of the next operation. With a file, the whole store is saved after every change and loaded at
 * {@link #open}; a change that cannot be saved is undone and reported as an internal error.
 */
public final class SecretStore {

  /** LocalStack's default account, so ARNs look the same on both endpoints. */
  static final String ACCOUNT_ID = "000000000000";
  static final int MAX_VALUE_BYTES = 65_536;
  static final int MAX_NAME_LENGTH = 512;
  static final int DEFAULT_RECOVERY_WINDOW_DAYS = 30;

  private static final Logger LOG = LoggerFactory.getLogger(SecretStore.class);
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9/_+=.@-]+");
  private static final String SUFFIX_ALPHABET =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

  private final Map<String, Secret> secrets = new LinkedHashMap<>();
  private final SecretStoreFile file;
  private final String region;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  private SecretStore(SecretStoreFile file, String region, Clock clock) {
    this.file = file;
    this.region = Objects.requireNonNull(region, "region");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * @param file where to persist secrets; {@code null} keeps them in memory only
   * @param region the region in the ARNs of new secrets
   * @param clock the time for creation dates, deletion dates and the purge of deleted secrets
   * @throws IllegalStateException when the file exists but cannot be read
   */
  public static SecretStore open(Path file, String region, Clock clock) {
    SecretStore store = new SecretStore(file == null ? null : new SecretStoreFile(file), region, clock);
    if (store.file != null) {
      store.file.load().forEach(s -> store.secrets.put(s.name(), s));
      LOG.info("Loaded {} secret(s) from {}", store.secrets.size(), store.file.path());
    }
    return store;
  }

  synchronized VersionedSecret create(NewSecret spec) {
    purgeExpired();
    String name = spec.name();
    validateName(name);
    validateSize(spec.value());
    Secret existing = secrets.get(name);
    if (existing != null) {
      if (existing.pendingDeletion()) {
        throw SecretsManagerException.invalidRequest(name, "You can't create this secret because a"
            + " secret with this name is already scheduled for deletion.");
      }
      // A retry of the same request (same token, same value) succeeds without change, as documented.
      Optional<SecretVersion> retried = Optional.ofNullable(spec.clientRequestToken())
          .flatMap(existing::version)
          .filter(v -> v.value().equals(spec.value()));
      if (retried.isPresent()) {
        return new VersionedSecret(existing, retried.get());
      }
      throw SecretsManagerException.resourceExists(name,
          "The operation failed because the secret " + name + " already exists.");
    }
    Instant now = now();
    List<SecretVersion> versions = spec.value() == null ? List.of()
        : List.of(new SecretVersion(versionId(spec.clientRequestToken()), spec.value(),
            List.of(Secret.AWSCURRENT), now));
    Secret secret = new Secret(newArn(name), name, spec.description(), spec.kmsKeyId(), List.of(),
        versions, now, now, null, null).withTags(spec.tags(), now);
    return change(() -> {
      secrets.put(name, secret);
      return new VersionedSecret(secret, versions.isEmpty() ? null : versions.get(0));
    });
  }

  /**
   * The version named by {@code versionId} and/or {@code versionStage}; {@code AWSCURRENT} when both
   * are {@code null}. Records the day of access.
   */
  synchronized VersionedSecret getValue(String secretId, String versionId, String versionStage) {
    purgeExpired();
    Secret secret = requireActive(secretId);
    SecretVersion version;
    if (versionId != null) {
      version = secret.version(versionId)
          .orElseThrow(() -> SecretsManagerException.versionNotFound(secretId, versionId));
      if (versionStage != null && !version.hasStage(versionStage)) {
        throw SecretsManagerException.invalidRequest(secretId,
            "You provided a VersionStage that is not associated to the provided VersionId.");
      }
    } else {
      String stage = versionStage == null ? Secret.AWSCURRENT : versionStage;
      version = secret.versionWithStage(stage)
          .orElseThrow(() -> SecretsManagerException.stageNotFound(secretId, stage));
    }
    Instant today = now().truncatedTo(ChronoUnit.DAYS);
    if (!today.equals(secret.lastAccessedDate())) {
      Secret accessed = secret.accessedOn(today);
      try {
        change(() -> secrets.put(accessed.name(), accessed));
        secret = accessed;
      } catch (SecretsManagerException notSaved) {
        // A read must not fail because its access day could not be saved; it is tried again next read.
      }
    }
    return new VersionedSecret(secret, version);
  }

  /**
   * Adds a version with the given labels ({@code AWSCURRENT} when {@code stages} is {@code null}) and
   * moves the labels to it. A token that names an existing version with the same value returns that
   * version unchanged; with a different value it fails, since versions are immutable.
   */
  synchronized VersionedSecret putValue(String secretId, String clientRequestToken, SecretValue value,
      List<String> stages) {
    purgeExpired();
    Objects.requireNonNull(value, "value");
    validateSize(value);
    Secret secret = requireActive(secretId);
    return change(() -> addVersion(secret, clientRequestToken, value,
        stages == null ? List.of(Secret.AWSCURRENT) : stages));
  }

  /**
   * Changes the description and/or KMS key (each only when not {@code null}) and, when {@code value}
   * is not {@code null}, adds a new {@code AWSCURRENT} version.
   */
  synchronized VersionedSecret update(String secretId, String description, String kmsKeyId,
      SecretValue value, String clientRequestToken) {
    purgeExpired();
    validateSize(value);
    Secret secret = requireActive(secretId);
    Instant now = now();
    Secret updated = secret;
    if (description != null) {
      updated = updated.withDescription(description, now);
    }
    if (kmsKeyId != null) {
      updated = updated.withKmsKeyId(kmsKeyId, now);
    }
    Secret metadataUpdated = updated;
    return change(() -> {
      if (value == null) {
        secrets.put(metadataUpdated.name(), metadataUpdated);
        return new VersionedSecret(metadataUpdated, null);
      }
      return addVersion(metadataUpdated, clientRequestToken, value, List.of(Secret.AWSCURRENT));
    });
  }

  private VersionedSecret addVersion(Secret secret, String token, SecretValue value,
      List<String> stages) {
    if (token != null) {
      Optional<SecretVersion> existing = secret.version(token);
      if (existing.isPresent()) {
        if (!existing.get().value().equals(value)) {
          throw SecretsManagerException.resourceExists(secret.name(), "A version with the"
              + " ClientRequestToken " + token + " already exists with a different value. You can't"
              + " modify an existing version, you can only create new versions.");
        }
        secrets.put(secret.name(), secret);
        return new VersionedSecret(secret, existing.get());
      }
    }
    Instant now = now();
    SecretVersion version = new SecretVersion(versionId(token), value, stages, now);
    Secret updated = secret.withNewVersion(version, now);
    secrets.put(updated.name(), updated);
    return new VersionedSecret(updated, version);
  }

  /** The secret, also when it is pending deletion. */
  synchronized Secret describe(String secretId) {
    purgeExpired();
    return require(secretId);
  }

  synchronized SecretPage list(SecretQuery query) {
    purgeExpired();
    Comparator<SecretSortKey.Position> order = query.ascending()
        ? Comparator.naturalOrder() : Comparator.reverseOrder();
    SecretSortKey sortKey = query.sortKey();
    PageCursor cursor = query.nextToken() == null ? null : PageCursor.decode(query.nextToken());
    if (cursor != null && (cursor.sortKey() != sortKey || cursor.ascending() != query.ascending())) {
      throw SecretsManagerException.invalidNextToken();
    }
    List<Secret> matching = secrets.values().stream()
        .filter(s -> query.includePlannedDeletion() || !s.pendingDeletion())
        .filter(s -> SecretFilter.matchesAll(query.filters(), s))
        .filter(s -> cursor == null || order.compare(sortKey.position(s), cursor.after()) > 0)
        .sorted(Comparator.comparing(sortKey::position, order))
        .toList();
    if (matching.size() <= query.maxResults()) {
      return new SecretPage(matching, null);
    }
    List<Secret> page = matching.subList(0, query.maxResults());
    Secret last = page.get(page.size() - 1);
    return new SecretPage(page,
        new PageCursor(sortKey, query.ascending(), sortKey.position(last)).encode());
  }

  /**
   * Schedules the secret for deletion after the recovery window (7 to 30 days, default 30), or removes
   * it at once when {@code force} is set.
   */
  synchronized DeletedSecret delete(String secretId, Long recoveryWindowInDays, boolean force) {
    purgeExpired();
    if (recoveryWindowInDays != null && force) {
      throw SecretsManagerException.invalidParameter(
          "You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.");
    }
    if (recoveryWindowInDays != null && (recoveryWindowInDays < 7 || recoveryWindowInDays > 30)) {
      throw SecretsManagerException.invalidParameter(
          "The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).");
    }
    Secret secret = require(secretId);
    Instant now = now();
    if (force) {
      return change(() -> {
        secrets.remove(secret.name());
        return new DeletedSecret(secret.arn(), secret.name(), now);
      });
    }
    if (secret.pendingDeletion()) {
      throw SecretsManagerException.invalidRequest(secretId,
          "You tried to perform the operation on a secret that's currently marked deleted.");
    }
    long days = recoveryWindowInDays == null ? DEFAULT_RECOVERY_WINDOW_DAYS : recoveryWindowInDays;
    Instant deletionDate = now.plus(Duration.ofDays(days));
    Secret scheduled = secret.scheduledForDeletion(new ScheduledDeletion(now, deletionDate), now);
    return change(() -> {
      secrets.put(scheduled.name(), scheduled);
      return new DeletedSecret(scheduled.arn(), scheduled.name(), deletionDate);
    });
  }

  /** Cancels a pending deletion; a secret that is not pending deletion is returned unchanged. */
  synchronized Secret restore(String secretId) {
    purgeExpired();
    Secret secret = require(secretId);
    if (!secret.pendingDeletion()) {
      return secret;
    }
    Secret restored = secret.restored(now());
    return change(() -> {
      secrets.put(restored.name(), restored);
      return restored;
    });
  }

  synchronized Secret tag(String secretId, List<SecretTag> tags) {
    purgeExpired();
    Secret tagged = require(secretId).withTags(tags, now());
    return change(() -> {
      secrets.put(tagged.name(), tagged);
      return tagged;
    });
  }

  synchronized Secret untag(String secretId, List<String> tagKeys) {
    purgeExpired();
    Secret untagged = require(secretId).withoutTags(tagKeys, now());
    return change(() -> {
      secrets.put(untagged.name(), untagged);
      return untagged;
    });
  }

  private Secret require(String secretId) {
    return find(secretId).orElseThrow(() -> SecretsManagerException.secretNotFound(secretId));
  }

  private Secret requireActive(String secretId) {
    Secret secret = require(secretId);
    if (secret.pendingDeletion()) {
      throw SecretsManagerException.markedForDeletion(secretId);
    }
    return secret;
  }

  /** By name, full ARN, or partial ARN (without the random suffix); names never contain ':'. */
  private Optional<Secret> find(String secretId) {
    if (!secretId.startsWith("arn:")) {
      return Optional.ofNullable(secrets.get(secretId));
    }
    return secrets.values().stream().filter(s -> s.arn().equals(secretId)).findFirst()
        .or(() -> secrets.values().stream().filter(s -> s.matchesPartialArn(secretId)).findFirst());
  }

  private void purgeExpired() {
    Instant now = now();
    if (secrets.values().stream().anyMatch(s -> s.pendingDeletion() && s.deletion().expiredAt(now))) {
      change(() -> secrets.values().removeIf(s -> s.pendingDeletion() && s.deletion().expiredAt(now)));
    }
  }

  /** Applies a change to the map and saves it; if saving fails, the map is put back as it was. */
  private <T> T change(Supplier<T> mutation) {
    if (file == null) {
      return mutation.get();
    }
    Map<String, Secret> before = new LinkedHashMap<>(secrets);
    T result = mutation.get();
    try {
      file.save(secrets.values());
    } catch (UncheckedIOException e) {
      secrets.clear();
      secrets.putAll(before);
      LOG.error("Secrets Manager change not saved; state left unchanged", e);
      throw SecretsManagerException.internal("The secret store could not be saved.");
    }
    return result;
  }

  private static void validateName(String name) {
    if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
      throw SecretsManagerException.validation("Value at 'name' failed to satisfy constraint: Member"
          + " must have length between 1 and " + MAX_NAME_LENGTH);
    }
    if (!NAME.matcher(name).matches()) {
      throw SecretsManagerException.validation("Invalid name. Must be a valid name containing"
          + " alphanumeric characters, or any of the following: -/_+=.@!");
    }
  }

  private static void validateSize(SecretValue value) {
    if (value != null && value.sizeInBytes() > MAX_VALUE_BYTES) {
      throw SecretsManagerException.validation("Value at 'secretString/secretBinary' failed to"
          + " satisfy constraint: Member must have length less than or equal to " + MAX_VALUE_BYTES);
    }
  }

  private String newArn(String name) {
    StringBuilder suffix = new StringBuilder(6);
    for (int i = 0; i < 6; i++) {
      suffix.append(SUFFIX_ALPHABET.charAt(random.nextInt(SUFFIX_ALPHABET.length())));
    }
    return "arn:" + partition(region) + ":secretsmanager:" + region + ":" + ACCOUNT_ID + ":secret:"
        + name + "-" + suffix;
  }

  private static String partition(String region) {
    if (region.startsWith("cn-")) {
      return "aws-cn";
    }
    return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
  }

  private static String versionId(String clientRequestToken) {
    return clientRequestToken != null ? clientRequestToken : UUID.randomUUID().toString();
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  /** Number of secrets held, pending deletion included (for tests and diagnostics). */
  synchronized int size() {
    purgeExpired();
    return secrets.size();
  }

  /** A defensive snapshot, for tests. */
  synchronized List<Secret> snapshot() {
    return new ArrayList<>(secrets.values());
  }
}
