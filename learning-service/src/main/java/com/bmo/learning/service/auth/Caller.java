package com.bmo.learning.service.auth;

import java.util.Set;

/**
 * Who made a request: the id of their API key (never the key), its role and the courses it was granted.
 *
 * @param id the key's id, the principal every document and audit line is attributed to
 * @param courses courses whose documents this caller may see besides its own (empty: only its own)
 */
public record Caller(String id, Role role, Set<String> courses) {

  public Caller {
    courses = courses == null ? Set.of() : Set.copyOf(courses);
  }

  public boolean isAdmin() {
    return role == Role.ADMIN;
  }
}
