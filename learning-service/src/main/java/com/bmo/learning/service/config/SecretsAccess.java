package com.bmo.learning.service.config;

import com.bmo.learning.aws.secrets.SecretCache;
import com.bmo.learning.aws.secrets.SecretNaming;
import com.bmo.learning.aws.secrets.SecretsClient;
import com.bmo.learning.aws.secrets.SettingsResolver;
import java.net.URI;
import org.springframework.core.env.Environment;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;

/**
 * The service's one Secrets Manager client, the secret cache in front of it, and the settings resolver
 * (Secrets Manager → environment → default) over that cache. Created once per application, first for
 * configuration properties ({@link SecretsPropertySource}) and then shared as a bean.
 */
public final class SecretsAccess implements AutoCloseable {

  private final SecretsClient client;
  private final SecretCache cache;
  private final SettingsResolver settings;

  private SecretsAccess(SecretsClient client, SecretCache cache, SettingsResolver settings) {
    this.client = client;
    this.cache = cache;
    this.settings = settings;
  }

  /** Built from {@code learning.aws.*} and {@code learning.environment} of {@code env}. */
  public static SecretsAccess from(Environment env) {
    SecretsManagerClientBuilder builder = SecretsManagerClient.builder();
    String endpoint = env.getProperty("learning.aws.endpoint");
    if (endpoint != null && !endpoint.isBlank()) {
      builder.endpointOverride(URI.create(endpoint.trim()));
    }
    String region = env.getProperty("learning.aws.region");
    if (region != null && !region.isBlank()) {
      builder.region(Region.of(region.trim()));
    }
    if (env.getProperty("learning.aws.static-credentials", Boolean.class, false)) {
      builder.credentialsProvider(AwsConfiguration.LOCAL_CREDENTIALS);
    }
    SecretsClient client = SecretsClient.owning(builder.build());
    SecretCache cache = SecretCache.create(client);
    SettingsResolver settings = SettingsResolver.builder()
        .secrets(cache)
        .environmentName(env.getProperty("learning.environment", "dev"))
        // BMO_SECRET_NAME_PATTERN of bmo-learning.env, the pattern scripts/localstack-init.sh names secrets by
        .secretNamePattern(env.getProperty("learning.secrets.name-pattern", SecretNaming.DEFAULT_PATTERN))
        .build();
    return new SecretsAccess(client, cache, settings);
  }

  public SecretsClient client() {
    return client;
  }

  public SecretCache cache() {
    return cache;
  }

  public SettingsResolver settings() {
    return settings;
  }

  @Override
  public void close() {
    cache.close();
    client.close();
  }
}
