package com.bmo.learning.localaws.secretsmanager;

import java.util.Objects;

/** A tag on a secret; the value may be empty, never null. */
record SecretTag(String key, String value) {
  SecretTag {
    Objects.requireNonNull(key, "key");
    value = value == null ? "" : value;
  }
}
