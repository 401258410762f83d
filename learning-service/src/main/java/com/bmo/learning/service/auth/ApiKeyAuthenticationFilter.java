package com.bmo.learning.service.auth;

import com.bmo.learning.service.api.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every {@code /api/**} request needs a valid API key, in {@code X-API-Key} or as
 * {@code Authorization: Bearer <key>}; otherwise 401 as problem details. The authenticated
 * {@link Caller} is left in a request attribute for the role checks ({@link RequiresRole}).
 */
public class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

  public static final String HEADER = "X-API-Key";
  private static final Logger LOG = LoggerFactory.getLogger(ApiKeyAuthenticationFilter.class);

  private final ApiKeyRegistry registry;
  private final ProblemResponses problems;

  public ApiKeyAuthenticationFilter(ApiKeyRegistry registry, ProblemResponses problems) {
    this.registry = registry;
    this.problems = problems;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !path.startsWith("/api/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String key = presentedKey(request);
    if (key == null) {
      unauthorized(request, response, "An API key is required: send it in the X-API-Key header");
      return;
    }
    Optional<Caller> caller;
    try {
      caller = registry.authenticate(key);
    } catch (RuntimeException e) {
      LOG.error("API keys could not be read from {}: {}", registry.secretName(), e.toString());
      problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "Authentication unavailable",
          "The API keys could not be read; try again shortly");
      return;
    }
    if (caller.isEmpty()) {
      unauthorized(request, response, "The API key is not valid");
      return;
    }
    request.setAttribute(Caller.ATTRIBUTE, caller.get());
    chain.doFilter(request, response);
  }

  private void unauthorized(HttpServletRequest request, HttpServletResponse response, String detail)
      throws IOException {
    response.setHeader("WWW-Authenticate", "ApiKey header=\"" + HEADER + "\"");
    problems.write(request, response, HttpStatus.UNAUTHORIZED, "Unauthorized", detail);
  }

  private static String presentedKey(HttpServletRequest request) {
    String key = request.getHeader(HEADER);
    if (key == null) {
      String auth = request.getHeader("Authorization");
      if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
        key = auth.substring(7);
      }
    }
    return key == null || key.isBlank() ? null : key.trim();
  }
}
