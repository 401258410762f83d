package com.bmo.learning.localaws.secretsmanager;

import java.util.Objects;

/**
 * A secret together with the version an operation read or wrote.
 *
 * @param version the version, or {@code null} when the operation created none (CreateSecret without a
 *     value, UpdateSecret of the description only)
 */
record VersionedSecret(Secret secret, SecretVersion version) {
  VersionedSecret {
    Objects.requireNonNull(secret, "secret");
  }
}
