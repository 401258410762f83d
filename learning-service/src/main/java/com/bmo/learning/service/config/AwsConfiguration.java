package com.bmo.learning.service.config;

import com.bmo.learning.aws.s3.S3Storage;
import com.bmo.learning.aws.s3.S3StorageConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The S3 storage client and the Secrets Manager client, cache and settings, configured from {@code learning.aws.*}. */
@Configuration(proxyBeanMethods = false)
public class AwsConfiguration {

  /** The credentials every local endpoint (embedded, LocalStack, moto) accepts. */
  public static final AwsCredentialsProvider LOCAL_CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

  @Bean(destroyMethod = "close")
  S3Storage s3Storage(ServiceProperties properties) {
    ServiceProperties.Aws aws = properties.aws();
    S3StorageConfig.Builder config = S3StorageConfig.builder()
        .endpoint(aws.endpoint())
        .region(aws.region())
        .multipartChecksum(aws.multipartChecksum());
    if (aws.staticCredentials()) {
      config.credentialsProvider(LOCAL_CREDENTIALS);
    }
    return S3Storage.create(config.build());
  }

  /** The same instance the configuration properties were resolved with, when they needed one. */
  @Bean(destroyMethod = "close")
  SecretsAccess secretsAccess(ConfigurableEnvironment environment) {
    if (environment.getPropertySources().get(SecretsPropertySource.NAME) instanceof SecretsPropertySource s) {
      return s.access();
    }
    return SecretsAccess.from(environment);
  }
}
