package com.bmo.learning.aws.secrets;

import java.util.Set;

/** Told after every write through a {@link SecretsClient}, so that caches can drop what they hold. */
@FunctionalInterface
public interface SecretWriteListener {
  /**
   * @param identifiers every way the written secret may be named: the id the caller used and, when AWS
   *     returned them, its name and full ARN
   */
  void secretWritten(Set<String> identifiers);
}
