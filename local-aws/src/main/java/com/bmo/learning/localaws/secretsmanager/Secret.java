package com.bmo.learning.localaws.secretsmanager;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One secret as Secrets Manager keeps it: identity, metadata, tags and its versions in creation order.
 * Immutable; every change returns a new {@code Secret}.
 *
 * @param lastAccessedDate midnight UTC of the last day the value was read, or {@code null}
 * @param deletion the pending deletion, or {@code null} when the secret is active
 */
record Secret(
    String arn,
    String name,
    String description,
    String kmsKeyId,
    List<SecretTag> tags,
    List<SecretVersion> versions,
    Instant createdDate,
    Instant lastChangedDate,
    Instant lastAccessedDate,
    ScheduledDeletion deletion) {

  static final String AWSCURRENT = "AWSCURRENT";
  static final String AWSPREVIOUS = "AWSPREVIOUS";

  /** Secrets Manager keeps at most this many versions without labels; older ones are dropped. */
  static final int MAX_DEPRECATED_VERSIONS = 100;

  /** Length of {@code -} plus the six random characters that end every secret ARN. */
  private static final int ARN_SUFFIX_LENGTH = 7;

  Secret {
    Objects.requireNonNull(arn, "arn");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(createdDate, "createdDate");
    Objects.requireNonNull(lastChangedDate, "lastChangedDate");
    tags = List.copyOf(tags);
    versions = List.copyOf(versions);
  }

  boolean pendingDeletion() {
    return deletion != null;
  }

  /** True when {@code partialArn} is this secret's ARN without the random suffix ({@code -abc123}). */
  boolean matchesPartialArn(String partialArn) {
    int length = arn.length() - ARN_SUFFIX_LENGTH;
    return partialArn.length() == length && arn.startsWith(partialArn);
  }

  Optional<SecretVersion> version(String versionId) {
    return versions.stream().filter(v -> v.versionId().equals(versionId)).findFirst();
  }

  Optional<SecretVersion> versionWithStage(String stage) {
    return versions.stream().filter(v -> v.hasStage(stage)).findFirst();
  }

  /** Version id to labels for the versions that have labels, as DescribeSecret shows them. */
  Map<String, List<String>> labelledVersions() {
    Map<String, List<String>> result = new LinkedHashMap<>();
    versions.stream().filter(v -> !v.deprecated()).forEach(v -> result.put(v.versionId(), v.stages()));
    return result;
  }

  /**
   * Adds a version and moves its labels to it, as PutSecretValue does: each label the new version
   * takes is removed from the version that had it; when it takes {@code AWSCURRENT}, the version that
   * was current becomes {@code AWSPREVIOUS} (and the old {@code AWSPREVIOUS} loses that label).
   */
  Secret withNewVersion(SecretVersion added, Instant now) {
    List<String> taken = added.stages();
    Optional<SecretVersion> oldCurrent = versionWithStage(AWSCURRENT)
        .filter(v -> !v.versionId().equals(added.versionId()));
    boolean currentMoves = taken.contains(AWSCURRENT) && oldCurrent.isPresent()
        && !taken.contains(AWSPREVIOUS);

    List<SecretVersion> result = new ArrayList<>(versions.size() + 1);
    for (SecretVersion v : versions) {
      SecretVersion moved = v.withoutStages(taken);
      if (currentMoves) {
        moved = moved.withoutStages(List.of(AWSPREVIOUS));
        if (v.versionId().equals(oldCurrent.get().versionId())) {
          moved = moved.withStage(AWSPREVIOUS);
        }
      }
      result.add(moved);
    }
    result.add(added);
    dropOldDeprecated(result);
    return new Secret(arn, name, description, kmsKeyId, tags, result, createdDate, now,
        lastAccessedDate, deletion);
  }

  private static void dropOldDeprecated(List<SecretVersion> versions) {
    long deprecated = versions.stream().filter(SecretVersion::deprecated).count();
    for (var it = versions.iterator(); it.hasNext() && deprecated > MAX_DEPRECATED_VERSIONS; ) {
      if (it.next().deprecated()) {
        it.remove();
        deprecated--;
      }
    }
  }

  Secret withDescription(String newDescription, Instant now) {
    return new Secret(arn, name, newDescription, kmsKeyId, tags, versions, createdDate, now,
        lastAccessedDate, deletion);
  }

  Secret withKmsKeyId(String newKmsKeyId, Instant now) {
    return new Secret(arn, name, description, newKmsKeyId, tags, versions, createdDate, now,
        lastAccessedDate, deletion);
  }

  /** Adds the tags; a tag whose key exists replaces the old value. */
  Secret withTags(List<SecretTag> added, Instant now) {
    Map<String, SecretTag> byKey = new LinkedHashMap<>();
    tags.forEach(t -> byKey.put(t.key(), t));
    added.forEach(t -> byKey.put(t.key(), t));
    return new Secret(arn, name, description, kmsKeyId, List.copyOf(byKey.values()), versions,
        createdDate, now, lastAccessedDate, deletion);
  }

  Secret withoutTags(List<String> keys, Instant now) {
    List<SecretTag> kept = tags.stream().filter(t -> !keys.contains(t.key())).toList();
    return new Secret(arn, name, description, kmsKeyId, kept, versions, createdDate, now,
        lastAccessedDate, deletion);
  }

  Secret scheduledForDeletion(ScheduledDeletion scheduled, Instant now) {
    return new Secret(arn, name, description, kmsKeyId, tags, versions, createdDate, now,
        lastAccessedDate, scheduled);
  }

  Secret restored(Instant now) {
    return new Secret(arn, name, description, kmsKeyId, tags, versions, createdDate, now,
        lastAccessedDate, null);
  }

  /** Records a read; AWS keeps only the day. */
  Secret accessedOn(Instant day) {
    return new Secret(arn, name, description, kmsKeyId, tags, versions, createdDate, lastChangedDate,
        day, deletion);
  }
}
