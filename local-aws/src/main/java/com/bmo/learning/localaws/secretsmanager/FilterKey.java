package com.bmo.learning.localaws.secretsmanager;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The attributes ListSecrets and BatchGetSecretValue can filter on, with AWS's matching rules: name,
 * tag-key and tag-value are case-sensitive prefix matches; description is a case-insensitive prefix
 * match (of the whole text or of one of its words); {@code all} splits the search term into words and
 * needs each one to start some word of the name, description, tag keys or tag values, ignoring case.
 * This endpoint has no replicas and no service-owned secrets, so primary-region and owning-service
 * match nothing.
 */
enum FilterKey {
  DESCRIPTION("description"),
  NAME("name"),
  TAG_KEY("tag-key"),
  TAG_VALUE("tag-value"),
  PRIMARY_REGION("primary-region"),
  OWNING_SERVICE("owning-service"),
  ALL("all");

  private final String wireName;

  FilterKey(String wireName) {
    this.wireName = wireName;
  }

  String wireName() {
    return wireName;
  }

  static Optional<FilterKey> fromWireName(String name) {
    return Arrays.stream(values()).filter(k -> k.wireName.equals(name)).findFirst();
  }

  static List<String> wireNames() {
    return Arrays.stream(values()).map(FilterKey::wireName).toList();
  }

  /** True when the secret matches the (not negated) search term. */
  boolean matches(Secret secret, String term) {
    return switch (this) {
      case NAME -> secret.name().startsWith(term);
      case DESCRIPTION -> secret.description() != null && startsTextOrWord(secret.description(), term);
      case TAG_KEY -> secret.tags().stream().anyMatch(t -> t.key().startsWith(term));
      case TAG_VALUE -> secret.tags().stream().anyMatch(t -> t.value().startsWith(term));
      case PRIMARY_REGION, OWNING_SERVICE -> false;
      case ALL -> matchesAllAttributes(secret, term);
    };
  }

  private static boolean startsTextOrWord(String text, String term) {
    String lowerTerm = lower(term);
    return lower(text).startsWith(lowerTerm) || words(text).anyMatch(w -> w.startsWith(lowerTerm));
  }

  private static boolean matchesAllAttributes(Secret secret, String term) {
    List<String> attributeWords = Stream.of(
            Stream.of(secret.name()),
            Stream.ofNullable(secret.description()),
            secret.tags().stream().map(SecretTag::key),
            secret.tags().stream().map(SecretTag::value))
        .flatMap(s -> s)
        .flatMap(attribute -> Stream.concat(Stream.of(lower(attribute)), words(attribute)))
        .toList();
    List<String> termWords = Arrays.stream(lower(term).split("\\s+")).filter(w -> !w.isEmpty()).toList();
    return !termWords.isEmpty()
        && termWords.stream().allMatch(t -> attributeWords.stream().anyMatch(w -> w.startsWith(t)));
  }

  /** Lower-cased words of an attribute, split at anything that is not a letter or digit. */
  private static Stream<String> words(String text) {
    return Arrays.stream(lower(text).split("[^\\p{Alnum}]+")).filter(w -> !w.isEmpty());
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
