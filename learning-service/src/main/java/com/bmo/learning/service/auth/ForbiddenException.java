package com.bmo.learning.service.auth;

import java.util.Locale;

/** The caller is authenticated but lacks the role: HTTP 403. */
public class ForbiddenException extends RuntimeException {

  private final Role required;

  public ForbiddenException(Role required) {
    super("This operation needs the " + required.name().toLowerCase(Locale.ROOT) + " role");
    this.required = required;
  }

  public Role required() {
    return required;
  }
}
