package com.bmo.learning.localaws.secretsmanager;

import java.time.Instant;
import java.util.Objects;

/**
 * A secret's pending deletion.
 *
 * @param deletedDate when DeleteSecret was called (AWS's {@code DeletedDate})
 * @param deletionDate when the secret is removed for good, at the end of the recovery window
 */
record ScheduledDeletion(Instant deletedDate, Instant deletionDate) {
  ScheduledDeletion {
    Objects.requireNonNull(deletedDate, "deletedDate");
    Objects.requireNonNull(deletionDate, "deletionDate");
  }

  boolean expiredAt(Instant now) {
    return !deletionDate.isAfter(now);
  }
}
