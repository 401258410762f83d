package com.bmo.learning.service.auth;

import java.util.Locale;

/** What a caller may do: users upload, read and search; admins also manage backups. */
public enum Role {
  USER,
  ADMIN;

  public boolean includes(Role required) {
    return this == ADMIN || this == required;
  }

  /** {@code user} / {@code admin}, case-insensitive; null when unknown. */
  public static Role parse(String value) {
    if (value == null) {
      return null;
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "user" -> USER;
      case "admin" -> ADMIN;
      default -> null;
    };
  }
}
