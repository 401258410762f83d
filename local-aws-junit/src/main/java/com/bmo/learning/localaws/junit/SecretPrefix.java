package com.bmo.learning.localaws.junit;

/**
 * A secret-name prefix unique to one test method, such as {@code it/5k2w9q/}. Every secret whose name
 * starts with it is force-deleted after the test.
 */
public record SecretPrefix(String value) {

  /** {@code prefix + name}, the full secret name to use in a test. */
  public String name(String name) {
    return value + name;
  }

  @Override
  public String toString() {
    return value;
  }
}
