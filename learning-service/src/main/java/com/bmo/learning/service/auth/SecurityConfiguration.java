package com.bmo.learning.service.auth;

import com.bmo.learning.service.api.ProblemResponses;
import com.bmo.learning.service.ops.AuditLog;
import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Who may call what. Every request passes Spring Security's {@code StrictHttpFirewall} first (no {@code ;},
 * no encoded {@code / % .}, no {@code //} or {@code ..}: refused with 400); the rules below then match the
 * decoded, normalised path that Spring MVC routes on, so no spelling of a path skips them. Deny by default:
 * only the web page, the health probes and the API documentation are anonymous.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class SecurityConfiguration {

  static final String AUTHENTICATE_HEADER = "ApiKey header=\"" + ApiKeyAuthenticationConverter.HEADER + "\"";

  @Bean
  SecurityFilterChain apiSecurity(HttpSecurity http, ApiKeyRegistry registry, ProblemResponses problems,
      AuditLog audit) throws Exception {
    // Every refusal leaves an audit line: who (key id, or anonymous; never the key), what, denied.
    AuthenticationEntryPoint unauthorized = (request, response, e) -> {
      boolean noKey = request.getHeader(ApiKeyAuthenticationConverter.HEADER) == null
          && request.getHeader("Authorization") == null;
      audit.record(AuditLog.ANONYMOUS, AuditLog.Action.ACCESS, request.getMethod() + " " + request.getServletPath(),
          AuditLog.Outcome.DENIED, noKey ? "401: no API key" : "401: API key not valid");
      response.setHeader("WWW-Authenticate", AUTHENTICATE_HEADER);
      problems.write(request, response, HttpStatus.UNAUTHORIZED, "Unauthorized",
          noKey ? "An API key is required: send it in the X-API-Key header" : "The API key is not valid");
    };
    AccessDeniedHandler forbidden = (request, response, e) -> {
      boolean adminOnly = request.getServletPath().startsWith("/api/v1/backups")
          || request.getServletPath().startsWith("/actuator");
      Authentication caller = SecurityContextHolder.getContext().getAuthentication();
      audit.record(caller != null && caller.getPrincipal() instanceof Caller c ? c.id() : AuditLog.ANONYMOUS,
          AuditLog.Action.ACCESS, request.getMethod() + " " + request.getServletPath(), AuditLog.Outcome.DENIED,
          adminOnly ? "403: needs the admin role" : "403: not allowed");
      problems.write(request, response, HttpStatus.FORBIDDEN, "Forbidden", "This API key may not use "
          + request.getMethod() + " " + request.getServletPath() + (adminOnly ? ": it needs the admin role" : ""));
    };
    AuthenticationFailureHandler failed = (request, response, e) -> {
      if (e instanceof AuthenticationServiceException) {
        problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "Authentication unavailable",
            "The API keys could not be read; try again shortly");
      } else {
        unauthorized.commence(request, response, e);
      }
    };
    AuthenticationFilter apiKeys = new AuthenticationFilter(
        new ProviderManager(new ApiKeyAuthenticationProvider(registry)), new ApiKeyAuthenticationConverter());
    apiKeys.setSuccessHandler((request, response, authentication) -> { });
    apiKeys.setFailureHandler(failed);
    apiKeys.setSecurityContextRepository(new RequestAttributeSecurityContextRepository());

    return http
        .csrf(AbstractHttpConfigurer::disable)  // no cookies, no sessions: a key on every request
        .formLogin(AbstractHttpConfigurer::disable)
        .httpBasic(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .addFilterBefore(apiKeys, AnonymousAuthenticationFilter.class)
        .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
        .headers(h -> h
            .frameOptions(f -> f.deny())
            .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER)))
        .authorizeHttpRequests(a -> a
            .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
            .requestMatchers("/error").permitAll()
            // The web page (static) and the API documentation; the API itself needs a key.
            .requestMatchers(HttpMethod.GET, "/", "/index.html", "/favicon.svg", "/assets/**").permitAll()
            .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
                "/swagger-ui/**").permitAll()
            // Probes: status only unless the caller is an admin (management.endpoint.health.show-*).
            .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/liveness",
                "/actuator/health/readiness").permitAll()
            .requestMatchers("/actuator/**").hasRole("ADMIN")
            .requestMatchers("/api/v1/backups", "/api/v1/backups/**").hasRole("ADMIN")
            .requestMatchers("/api/**").hasRole("USER")
            .anyRequest().denyAll())
        .build();
  }

  /** A request the firewall refuses is a client mistake: 400 problem details, no stack trace logged. */
  @Bean
  WebSecurityCustomizer rejectedRequestsAsProblems(ProblemResponses problems) {
    RequestRejectedHandler rejected = (request, response, e) -> problems.write(request, response,
        HttpStatus.BAD_REQUEST, "Bad request",
        "The request path is not allowed (no ';', encoded '/', '%' or '.', '//' or '..' segments)");
    return web -> web.requestRejectedHandler(rejected);
  }
}
