package com.bmo.learning.localaws.secretsmanager;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** What ListSecrets sorts by ({@code SortBy}); ties are broken by name, so the order is total. */
enum SecretSortKey {
  CREATED_DATE("created-date"),
  LAST_ACCESSED_DATE("last-accessed-date"),
  LAST_CHANGED_DATE("last-changed-date"),
  NAME("name");

  private final String wireName;

  SecretSortKey(String wireName) {
    this.wireName = wireName;
  }

  String wireName() {
    return wireName;
  }

  static Optional<SecretSortKey> fromWireName(String name) {
    return Arrays.stream(values()).filter(k -> k.wireName.equals(name)).findFirst();
  }

  static List<String> wireNames() {
    return Arrays.stream(values()).map(SecretSortKey::wireName).toList();
  }

  /** Where a secret sits in this order. */
  Position position(Secret secret) {
    return switch (this) {
      case CREATED_DATE -> new Position(millis(secret.createdDate()), secret.name());
      case LAST_ACCESSED_DATE -> new Position(millis(secret.lastAccessedDate()), secret.name());
      case LAST_CHANGED_DATE -> new Position(millis(secret.lastChangedDate()), secret.name());
      case NAME -> new Position(0, secret.name());
    };
  }

  private static long millis(Instant instant) {
    return instant == null ? Long.MIN_VALUE : instant.toEpochMilli();
  }

  /** A point in the order: the sort attribute in epoch millis (0 when sorting by name), then the name. */
  record Position(long key, String name) implements Comparable<Position> {
    private static final Comparator<Position> ORDER =
        Comparator.comparingLong(Position::key).thenComparing(Position::name);

    @Override
    public int compareTo(Position other) {
      return ORDER.compare(this, other);
    }
  }
}
