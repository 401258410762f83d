package com.bmo.learning.service.auth;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * An API key on its way to be checked (unauthenticated, holding the presented key), or the checked caller
 * (authenticated, holding the {@link Caller}; the key itself is dropped).
 */
public final class ApiKeyAuthentication extends AbstractAuthenticationToken {

  /** The header a key is sent in (or {@code Authorization: Bearer <key>}). */
  public static final String HEADER = "X-API-Key";

  private final Caller caller;
  private String presentedKey;

  private ApiKeyAuthentication(String presentedKey, Caller caller) {
    super(caller == null ? List.of() : caller.role().authorities());
    this.presentedKey = presentedKey;
    this.caller = caller;
    super.setAuthenticated(caller != null);
  }

  public static ApiKeyAuthentication presented(String key) {
    return new ApiKeyAuthentication(key, null);
  }

  public static ApiKeyAuthentication authenticated(Caller caller) {
    return new ApiKeyAuthentication(null, caller);
  }

  @Override
  public Object getCredentials() {
    return presentedKey;
  }

  @Override
  public Object getPrincipal() {
    return caller;
  }

  @Override
  public String getName() {
    return caller == null ? "" : caller.id();
  }

  @Override
  public void setAuthenticated(boolean authenticated) {
    if (authenticated) {
      throw new IllegalArgumentException("Only the provider authenticates an API key");
    }
    super.setAuthenticated(false);
  }

  @Override
  public void eraseCredentials() {
    super.eraseCredentials();
    presentedKey = null;
  }

  @Override
  public boolean equals(Object o) {
    return super.equals(o);
  }

  @Override
  public int hashCode() {
    return super.hashCode();
  }
}
