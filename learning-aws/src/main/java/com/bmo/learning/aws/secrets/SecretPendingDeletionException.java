package com.bmo.learning.aws.secrets;

import java.time.Instant;
import java.util.Optional;

/**
 * The secret is scheduled for deletion: it cannot be read or changed until it is restored, and its name
 * cannot be reused until the recovery window ends.
 */
public final class SecretPendingDeletionException extends SecretsException {

  private final Instant deletedDate;

  public SecretPendingDeletionException(String secretId, Instant deletedDate, Throwable cause) {
    super(secretId, "Secret '" + secretId + "' is scheduled for deletion"
        + (deletedDate == null ? "" : " (marked " + deletedDate + ")")
        + "; restore it before using it", cause);
    this.deletedDate = deletedDate;
  }

  /** When the secret was marked for deletion, when AWS said. */
  public Optional<Instant> deletedDate() {
    return Optional.ofNullable(deletedDate);
  }
}
