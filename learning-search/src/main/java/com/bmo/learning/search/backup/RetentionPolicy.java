package com.bmo.learning.search.backup;

import java.time.Duration;
import java.util.Objects;

/**
 * Which backups retention keeps.
 *
 * @param keepLast newest backups kept per collection and type (full and incremental counted apart)
 * @param gracePeriod repository files younger than this are never deleted, even when no kept manifest
 *     lists them: an incremental backup running meanwhile uploads its files before its manifest
 */
public record RetentionPolicy(int keepLast, Duration gracePeriod) {

  public RetentionPolicy {
    if (keepLast < 1) {
      throw new IllegalArgumentException("keepLast must be at least 1, was " + keepLast);
    }
    Objects.requireNonNull(gracePeriod, "gracePeriod");
    if (gracePeriod.isNegative()) {
      throw new IllegalArgumentException("gracePeriod must not be negative");
    }
  }

  public static RetentionPolicy keepLast(int n) {
    return new RetentionPolicy(n, Duration.ofHours(1));
  }
}
