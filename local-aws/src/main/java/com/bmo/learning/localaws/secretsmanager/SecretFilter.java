package com.bmo.learning.localaws.secretsmanager;

import java.util.List;
import java.util.Objects;

/**
 * One ListSecrets filter: a key and up to ten values. A secret matches when any value matches (values
 * are ORed); a value starting with {@code !} matches secrets the rest of it does not match. Several
 * filters are ANDed by the caller.
 */
record SecretFilter(FilterKey key, List<String> values) {

  SecretFilter {
    Objects.requireNonNull(key, "key");
    values = List.copyOf(values);
  }

  boolean matches(Secret secret) {
    for (String value : values) {
      boolean negated = value.startsWith("!");
      boolean hit = key.matches(secret, negated ? value.substring(1) : value);
      if (hit != negated) {
        return true;
      }
    }
    return false;
  }

  static boolean matchesAll(List<SecretFilter> filters, Secret secret) {
    return filters.stream().allMatch(f -> f.matches(secret));
  }
}
