package com.bmo.learning.service.api;

import com.bmo.learning.service.auth.ApiKeyAuthentication;
import com.bmo.learning.service.auth.Caller;
import com.bmo.learning.service.ops.AuditLog;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * What a client gets when Spring Security refuses a request ({@code auth.SecurityConfiguration} wires these
 * in): problem details for 401, 403, 503 (keys unreadable) and the firewall's 400. Every 401 and 403 also
 * leaves an audit line: who (key id, or anonymous; never the key), what, denied.
 */
@Component
class SecurityRefusals implements AuthenticationEntryPoint, AccessDeniedHandler, AuthenticationFailureHandler,
    RequestRejectedHandler {

  static final String AUTHENTICATE_HEADER = "ApiKey header=\"" + ApiKeyAuthentication.HEADER + "\"";

  private final ProblemResponses problems;
  private final AuditLog audit;

  SecurityRefusals(ProblemResponses problems, AuditLog audit) {
    this.problems = problems;
    this.audit = audit;
  }

  /** 401: no key, or one that is not valid. */
  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    boolean noKey = request.getHeader(ApiKeyAuthentication.HEADER) == null
        && request.getHeader("Authorization") == null;
    audit.record(AuditLog.ANONYMOUS, AuditLog.Action.ACCESS, request.getMethod() + " " + request.getServletPath(),
        AuditLog.Outcome.DENIED, noKey ? "401: no API key" : "401: API key not valid");
    response.setHeader("WWW-Authenticate", AUTHENTICATE_HEADER);
    problems.write(request, response, HttpStatus.UNAUTHORIZED, "Unauthorized",
        noKey ? "An API key is required: send it in the X-API-Key header" : "The API key is not valid");
  }

  /** 403: a valid key without the role the route needs. */
  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    boolean adminOnly = request.getServletPath().startsWith("/api/v1/backups")
        || request.getServletPath().startsWith("/actuator");
    Authentication caller = SecurityContextHolder.getContext().getAuthentication();
    audit.record(caller != null && caller.getPrincipal() instanceof Caller c ? c.id() : AuditLog.ANONYMOUS,
        AuditLog.Action.ACCESS, request.getMethod() + " " + request.getServletPath(), AuditLog.Outcome.DENIED,
        adminOnly ? "403: needs the admin role" : "403: not allowed");
    problems.write(request, response, HttpStatus.FORBIDDEN, "Forbidden", "This API key may not use "
        + request.getMethod() + " " + request.getServletPath() + (adminOnly ? ": it needs the admin role" : ""));
  }

  /** A presented key that could not be checked: 503 when the keys could not be read, else 401. */
  @Override
  public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
      AuthenticationException e) throws IOException {
    if (e instanceof AuthenticationServiceException) {
      problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "Authentication unavailable",
          "The API keys could not be read; try again shortly");
    } else {
      commence(request, response, e);
    }
  }

  /** A request the firewall refuses is a client mistake: 400 problem details, no stack trace logged. */
  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
      throws IOException {
    problems.write(request, response, HttpStatus.BAD_REQUEST, "Bad request",
        "The request path is not allowed (no ';', encoded '/', '%' or '.', '//' or '..' segments)");
  }
}
