package com.bmo.learning.service.auth;

import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
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

  /**
   * The refusals' responses (401, 403, 503) are the API's (problem details, audit lines): Spring Security's
   * handler interfaces keep this package free of the web and audit layers above it.
   */
  @Bean
  SecurityFilterChain apiSecurity(HttpSecurity http, ApiKeyRegistry registry, AuthenticationEntryPoint unauthorized,
      AccessDeniedHandler forbidden, AuthenticationFailureHandler failed) throws Exception {
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

  /** A request the firewall refuses is a client mistake: a 400 problem, no stack trace logged. */
  @Bean
  WebSecurityCustomizer rejectedRequestsAsProblems(RequestRejectedHandler rejected) {
    return web -> web.requestRejectedHandler(rejected);
  }
}
