package com.bmo.learning.service.auth;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationConverter;

/** The key a request presents: {@code X-API-Key: <key>} or {@code Authorization: Bearer <key>}; null for none. */
final class ApiKeyAuthenticationConverter implements AuthenticationConverter {

  @Override
  public Authentication convert(HttpServletRequest request) {
    String key = request.getHeader(ApiKeyAuthentication.HEADER);
    if (key == null) {
      String auth = request.getHeader("Authorization");
      if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
        key = auth.substring(7);
      }
    }
    // A blank key is no key: the request goes on anonymous and is refused where a key is needed.
    return key == null || key.isBlank() ? null : ApiKeyAuthentication.presented(key.trim());
  }
}
