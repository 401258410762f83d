package com.bmo.learning.localaws.secretsmanager;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One immutable version of a secret. Its staging labels ({@code AWSCURRENT}, {@code AWSPREVIOUS}, or
 * custom ones) can move; a version without labels is deprecated but still readable by its id.
 */
record SecretVersion(String versionId, SecretValue value, List<String> stages, Instant createdDate) {

  SecretVersion {
    Objects.requireNonNull(versionId, "versionId");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(createdDate, "createdDate");
    stages = List.copyOf(stages);
  }

  boolean hasStage(String stage) {
    return stages.contains(stage);
  }

  boolean deprecated() {
    return stages.isEmpty();
  }

  SecretVersion withStages(List<String> newStages) {
    return new SecretVersion(versionId, value, newStages, createdDate);
  }

  SecretVersion withoutStages(List<String> removed) {
    List<String> kept = new ArrayList<>(stages);
    kept.removeAll(removed);
    return withStages(kept);
  }

  SecretVersion withStage(String added) {
    if (stages.contains(added)) {
      return this;
    }
    List<String> all = new ArrayList<>(stages);
    all.add(added);
    return withStages(all);
  }
}
