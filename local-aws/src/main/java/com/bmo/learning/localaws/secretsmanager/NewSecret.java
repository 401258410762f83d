package com.bmo.learning.localaws.secretsmanager;

import java.util.List;
import java.util.Objects;

/**
 * What CreateSecret asks for.
 *
 * @param value the first version's value, or {@code null} to create a secret without versions
 * @param clientRequestToken the first version's id, or {@code null} to generate one
 */
record NewSecret(String name, String description, String kmsKeyId, SecretValue value,
    List<SecretTag> tags, String clientRequestToken) {

  NewSecret {
    Objects.requireNonNull(name, "name");
    tags = tags == null ? List.of() : List.copyOf(tags);
  }
}
