package com.bmo.learning.service.auth;

import java.util.List;
import java.util.Locale;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** What a caller may do: users upload, read and search; admins also manage backups and see everything. */
public enum Role {
  USER,
  ADMIN;

  /** Spring Security authorities: an admin holds the user role as well. */
  public List<GrantedAuthority> authorities() {
    return this == ADMIN
        ? List.of(new SimpleGrantedAuthority("ROLE_ADMIN"), new SimpleGrantedAuthority("ROLE_USER"))
        : List.of(new SimpleGrantedAuthority("ROLE_USER"));
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
