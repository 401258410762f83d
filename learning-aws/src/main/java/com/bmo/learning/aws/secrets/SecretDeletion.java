package com.bmo.learning.aws.secrets;

import java.time.Instant;
import java.util.Optional;

/**
 * The outcome of a delete: with a recovery window, the secret can be restored until
 * {@link #deletionDate()}; a forced deletion is immediate and final.
 */
public record SecretDeletion(String name, String arn, Optional<Instant> deletionDate) {
}
