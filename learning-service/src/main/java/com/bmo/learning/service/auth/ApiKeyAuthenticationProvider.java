package com.bmo.learning.service.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

/** Checks a presented API key against the hashed keys of the secret ({@link ApiKeyRegistry}). */
public class ApiKeyAuthenticationProvider implements AuthenticationProvider {

  private static final Logger LOG = LoggerFactory.getLogger(ApiKeyAuthenticationProvider.class);

  private final ApiKeyRegistry registry;

  public ApiKeyAuthenticationProvider(ApiKeyRegistry registry) {
    this.registry = registry;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String key = (String) authentication.getCredentials();
    java.util.Optional<Caller> caller;
    try {
      caller = registry.authenticate(key);
    } catch (RuntimeException e) {
      // Never the key, never the secret's content: only which secret could not be read.
      LOG.error("API keys could not be read from {}: {}", registry.secretName(), e.toString());
      throw new AuthenticationServiceException("The API keys could not be read");
    }
    return ApiKeyAuthentication.authenticated(
        caller.orElseThrow(() -> new BadCredentialsException("The API key is not valid")));
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return ApiKeyAuthentication.class.isAssignableFrom(authentication);
  }
}
