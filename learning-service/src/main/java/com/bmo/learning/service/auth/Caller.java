package com.bmo.learning.service.auth;

/** Who made a request: the id of their API key (never the key) and its role. */
public record Caller(String keyId, Role role) {

  /** The request attribute holding the authenticated {@link Caller}. */
  public static final String ATTRIBUTE = Caller.class.getName();
}
