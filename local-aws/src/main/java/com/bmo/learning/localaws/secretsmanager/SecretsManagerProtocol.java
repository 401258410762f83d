package com.bmo.learning.localaws.secretsmanager;

import java.nio.charset.StandardCharsets;

/** STUB — to be replaced: Secrets Manager's JSON 1.1 protocol over a {@link SecretStore}. */
public final class SecretsManagerProtocol {
  public static final String CONTENT_TYPE = "application/x-amz-json-1.1";

  private final SecretStore store;

  public SecretsManagerProtocol(SecretStore store) {
    this.store = store;
  }

  /** @param operation the part of {@code X-Amz-Target} after {@code secretsmanager.}, e.g. {@code GetSecretValue} */
  public Response handle(String operation, byte[] body) {
    return new Response(400, ("{\"__type\":\"UnknownOperationException\",\"message\":\"" + operation
        + " is not supported\"}").getBytes(StandardCharsets.UTF_8));
  }

  public record Response(int status, byte[] body) {
  }
}
