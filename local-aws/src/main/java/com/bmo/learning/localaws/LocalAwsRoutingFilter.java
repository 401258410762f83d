package com.bmo.learning.localaws;

import com.bmo.learning.localaws.secretsmanager.SecretsManagerProtocol;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Routes one port to several services the way AWS's JSON protocols allow: a request whose
 * {@code X-Amz-Target} names Secrets Manager goes to {@link SecretsManagerProtocol}; {@code /_localstack/*}
 * answers LocalStack's health and init API; everything else is S3 and goes on to S3Mock.
 */
final class LocalAwsRoutingFilter extends OncePerRequestFilter {

  private static final String SECRETS_MANAGER_PREFIX = "secretsmanager.";

  private final SecretsManagerProtocol secretsManager;
  private final LocalStackStatus status;

  LocalAwsRoutingFilter(SecretsManagerProtocol secretsManager, LocalStackStatus status) {
    this.secretsManager = secretsManager;
    this.status = status;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    String target = request.getHeader("X-Amz-Target");
    if (target != null && target.startsWith(SECRETS_MANAGER_PREFIX)) {
      var result = secretsManager.handle(target.substring(SECRETS_MANAGER_PREFIX.length()),
          request.getInputStream().readAllBytes());
      response.setHeader("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
      write(response, result.status(), SecretsManagerProtocol.CONTENT_TYPE, result.body());
      return;
    }
    String path = request.getRequestURI();
    if (path.startsWith("/_localstack/")) {
      if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
        write(response, 405, "application/json", "{\"error\":\"method not allowed\"}"
            .getBytes(StandardCharsets.UTF_8));
        return;
      }
      switch (path) {
        case "/_localstack/health" -> write(response, 200, "application/json", status.healthJson());
        case "/_localstack/init" -> write(response, 200, "application/json", status.initJson());
        default -> write(response, 404, "application/json",
            "{\"error\":\"not found\"}".getBytes(StandardCharsets.UTF_8));
      }
      return;
    }
    chain.doFilter(request, response);
  }

  private static void write(HttpServletResponse response, int status, String contentType,
      byte[] body) throws IOException {
    response.setStatus(status);
    response.setContentType(contentType);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
