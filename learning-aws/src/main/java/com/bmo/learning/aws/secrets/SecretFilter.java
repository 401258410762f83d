package com.bmo.learning.aws.secrets;

import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.secretsmanager.model.Filter;
import software.amazon.awssdk.services.secretsmanager.model.FilterNameStringType;

/**
 * One list filter, with Secrets Manager's semantics: values match as case-sensitive prefixes; several
 * values of one filter are OR-ed, several filters AND-ed; a value starting with {@code !} negates.
 */
public record SecretFilter(Key key, List<String> values) {

  /** What a filter matches on. */
  public enum Key {
    NAME(FilterNameStringType.NAME),
    DESCRIPTION(FilterNameStringType.DESCRIPTION),
    TAG_KEY(FilterNameStringType.TAG_KEY),
    TAG_VALUE(FilterNameStringType.TAG_VALUE),
    /** Name, description, tag keys and tag values. */
    ALL(FilterNameStringType.ALL);

    private final FilterNameStringType sdk;

    Key(FilterNameStringType sdk) {
      this.sdk = sdk;
    }
  }

  public SecretFilter {
    Objects.requireNonNull(key, "key");
    values = List.copyOf(values);
    if (values.isEmpty()) {
      throw new IllegalArgumentException("A filter needs at least one value");
    }
  }

  public static SecretFilter name(String... prefixes) {
    return new SecretFilter(Key.NAME, List.of(prefixes));
  }

  public static SecretFilter description(String... prefixes) {
    return new SecretFilter(Key.DESCRIPTION, List.of(prefixes));
  }

  public static SecretFilter tagKey(String... prefixes) {
    return new SecretFilter(Key.TAG_KEY, List.of(prefixes));
  }

  public static SecretFilter tagValue(String... prefixes) {
    return new SecretFilter(Key.TAG_VALUE, List.of(prefixes));
  }

  public static SecretFilter all(String... prefixes) {
    return new SecretFilter(Key.ALL, List.of(prefixes));
  }

  Filter toSdk() {
    return Filter.builder().key(key.sdk).values(values).build();
  }
}
