package com.bmo.learning.aws.s3;

import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** The SDK client and presigner {@link S3Storage#create(S3StorageConfig)} builds from its settings. */
final class SdkClients {

  private SdkClients() {
  }

  static S3Client s3(S3StorageConfig config) {
    RetryStrategy retry = AwsRetryStrategy.standardRetryStrategy().toBuilder()
        .maxAttempts(config.maxAttempts())
        .build();
    S3ClientBuilder builder = S3Client.builder()
        .httpClientBuilder(Apache5HttpClient.builder()
            .maxConnections(config.maxConnections())
            .connectionTimeout(config.connectionTimeout())
            .socketTimeout(config.socketTimeout()))
        .overrideConfiguration(o -> o.retryStrategy(retry))
        // This client computes CRC32C itself and sends the value; the SDK must not add a second checksum.
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_SUPPORTED)
        .forcePathStyle(config.pathStyle());
    config.resolvedEndpoint().ifPresent(builder::endpointOverride);
    config.resolvedRegion().ifPresent(r -> builder.region(Region.of(r)));
    if (config.credentialsProvider() != null) {
      builder.credentialsProvider(config.credentialsProvider());
    }
    return builder.build();
  }

  static S3Presigner presigner(S3StorageConfig config) {
    S3Presigner.Builder builder = S3Presigner.builder()
        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(config.pathStyle()).build());
    config.resolvedEndpoint().ifPresent(builder::endpointOverride);
    config.resolvedRegion().ifPresent(r -> builder.region(Region.of(r)));
    if (config.credentialsProvider() != null) {
      builder.credentialsProvider(config.credentialsProvider());
    }
    return builder.build();
  }
}
