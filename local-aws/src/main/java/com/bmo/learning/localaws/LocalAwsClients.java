package com.bmo.learning.localaws;

import java.io.ByteArrayInputStream;
import java.net.URI;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * SDK clients for a local endpoint: static {@code test}/{@code test} credentials (never the developer's
 * profile or keys), the given region, path-style S3 addressing. The same calls work against LocalStack.
 */
public final class LocalAwsClients {

  /** LocalStack's conventional credentials; any value is accepted by local endpoints. */
  public static final AwsCredentialsProvider TEST_CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

  /**
   * No shared config/credentials file: a developer's {@code ~/.aws/config} (profile, retry mode,
   * checksum settings) must not change what a local test does.
   */
  private static final ClientOverrideConfiguration ISOLATED = ClientOverrideConfiguration.builder()
      .defaultProfileFile(ProfileFile.builder()
          .content(new ByteArrayInputStream(new byte[0]))
          .type(ProfileFile.Type.CONFIGURATION)
          .build())
      .defaultProfileName("local-aws")
      .build();

  private LocalAwsClients() {
  }

  public static S3Client s3(URI endpoint, String region) {
    return S3Client.builder()
        .endpointOverride(endpoint)
        .region(Region.of(region))
        .credentialsProvider(TEST_CREDENTIALS)
        .overrideConfiguration(ISOLATED)
        .forcePathStyle(true)
        .build();
  }

  public static S3Presigner s3Presigner(URI endpoint, String region) {
    return S3Presigner.builder()
        .endpointOverride(endpoint)
        .region(Region.of(region))
        .credentialsProvider(TEST_CREDENTIALS)
        .serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder()
            .pathStyleAccessEnabled(true).build())
        .build();
  }

  public static SecretsManagerClient secretsManager(URI endpoint, String region) {
    return SecretsManagerClient.builder()
        .endpointOverride(endpoint)
        .region(Region.of(region))
        .credentialsProvider(TEST_CREDENTIALS)
        .overrideConfiguration(ISOLATED)
        .build();
  }
}
