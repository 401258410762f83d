package com.bmo.learning.aws.secrets;

import java.util.OptionalInt;

/**
 * How to delete a secret: after a recovery window of 7 to 30 days (during which it can be restored), or
 * at once without recovery. The two exclude each other; {@link SecretsClient#delete(String, DeleteOptions)}
 * rejects an invalid combination before calling AWS. Neither set means AWS's default window of 30 days.
 *
 * @param recoveryWindowDays days until the secret is deleted for good, 7 to 30
 * @param forceDeleteWithoutRecovery delete at once, without a recovery window
 */
public record DeleteOptions(OptionalInt recoveryWindowDays, boolean forceDeleteWithoutRecovery) {

  public static final int MIN_RECOVERY_DAYS = 7;
  public static final int MAX_RECOVERY_DAYS = 30;

  public DeleteOptions {
    recoveryWindowDays = recoveryWindowDays == null ? OptionalInt.empty() : recoveryWindowDays;
  }

  /** AWS's default: recoverable for 30 days. */
  public static DeleteOptions defaults() {
    return new DeleteOptions(OptionalInt.empty(), false);
  }

  public static DeleteOptions recoveryWindow(int days) {
    return new DeleteOptions(OptionalInt.of(days), false);
  }

  /** Immediate, unrecoverable deletion. */
  public static DeleteOptions force() {
    return new DeleteOptions(OptionalInt.empty(), true);
  }

  /** Why these options are invalid, or null when they are valid. */
  String problem() {
    if (forceDeleteWithoutRecovery && recoveryWindowDays.isPresent()) {
      return "a recovery window and forced deletion without recovery exclude each other";
    }
    if (recoveryWindowDays.isPresent()) {
      int days = recoveryWindowDays.getAsInt();
      if (days < MIN_RECOVERY_DAYS || days > MAX_RECOVERY_DAYS) {
        return "the recovery window must be " + MIN_RECOVERY_DAYS + " to " + MAX_RECOVERY_DAYS
            + " days, not " + days;
      }
    }
    return null;
  }
}
