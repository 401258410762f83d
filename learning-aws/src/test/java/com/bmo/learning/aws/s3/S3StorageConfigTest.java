package com.bmo.learning.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class S3StorageConfigTest {

  private static S3StorageConfig withEnv(Map<String, String> env) {
    return S3StorageConfig.builder().environment(env).build();
  }

  @Test
  void noEndpointMeansAwsWithVirtualHostedStyle() {
    S3StorageConfig c = withEnv(Map.of());
    assertThat(c.resolvedEndpoint()).isEmpty();
    assertThat(c.pathStyle()).isFalse();
    assertThat(c.resolvedRegion()).isEmpty();
  }

  @Test
  void serviceSpecificVariableWinsOverGenericOne() {
    S3StorageConfig c = withEnv(Map.of("AWS_ENDPOINT_URL", "http://localhost:4566",
        "AWS_ENDPOINT_URL_S3", "http://localhost:9090"));
    assertThat(c.resolvedEndpoint()).contains(URI.create("http://localhost:9090"));
    assertThat(c.pathStyle()).isTrue();
  }

  @Test
  void genericVariableIsUsedAlone() {
    S3StorageConfig c = withEnv(Map.of("AWS_ENDPOINT_URL", "http://localhost:4566"));
    assertThat(c.resolvedEndpoint()).contains(URI.create("http://localhost:4566"));
    // A local endpoint does not care about the region; us-east-1 keeps the SDK from asking for one.
    assertThat(c.resolvedRegion()).contains("us-east-1");
  }

  @Test
  void configuredEndpointWinsOverEnvironment() {
    S3StorageConfig c = S3StorageConfig.builder().endpoint(URI.create("https://s3.example.test"))
        .environment(Map.of("AWS_ENDPOINT_URL_S3", "http://localhost:9090")).build();
    assertThat(c.resolvedEndpoint()).contains(URI.create("https://s3.example.test"));
    assertThat(c.pathStyle()).isTrue();
  }

  @Test
  void ignoreConfiguredEndpointUrlsTurnsTheVariablesOff() {
    S3StorageConfig c = withEnv(Map.of("AWS_ENDPOINT_URL", "http://localhost:4566",
        "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true"));
    assertThat(c.resolvedEndpoint()).isEmpty();
  }

  @Test
  void regionFromConfigThenEnvironment() {
    assertThat(withEnv(Map.of("AWS_REGION", "eu-west-1", "AWS_DEFAULT_REGION", "us-west-2"))
        .resolvedRegion()).contains("eu-west-1");
    assertThat(withEnv(Map.of("AWS_DEFAULT_REGION", "us-west-2")).resolvedRegion()).contains("us-west-2");
    assertThat(S3StorageConfig.builder().region("ca-central-1").environment(Map.of("AWS_REGION", "x"))
        .build().resolvedRegion()).contains("ca-central-1");
  }

  @Test
  void badEndpointsAreRejectedClearly() {
    assertThatThrownBy(() -> withEnv(Map.of("AWS_ENDPOINT_URL", "localhost:4566")).resolvedEndpoint())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("AWS_ENDPOINT_URL=localhost:4566");
    assertThatThrownBy(() -> S3StorageConfig.builder().endpoint(URI.create("ftp://x")).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void limitsAreValidated() {
    assertThatThrownBy(() -> S3StorageConfig.builder().partSize(4 * S3StorageConfig.MIB).build())
        .hasMessageContaining("partSize");
    assertThatThrownBy(() -> S3StorageConfig.builder().multipartThreshold(S3StorageConfig.MIB).build())
        .hasMessageContaining("multipartThreshold");
    assertThatThrownBy(() -> S3StorageConfig.builder().maxAttempts(0).build())
        .hasMessageContaining("maxAttempts");
    assertThatThrownBy(() -> S3StorageConfig.builder().partConcurrency(0).build())
        .hasMessageContaining("partConcurrency");
  }

  @Test
  void toStringLeavesSecretsOut() {
    S3StorageConfig c = withEnv(Map.of("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        "AWS_ENDPOINT_URL", "http://localhost:4566"));
    assertThat(c.toString()).doesNotContain("wJalrXUtnFEMI").contains("http://localhost:4566");
  }

  @Test
  void partSizeGrowsForObjectsThatWouldNeedOver10000Parts() {
    long mib = S3StorageConfig.MIB;
    assertThat(S3Storage.partSizeFor(8 * mib, 80L * 1024 * 1024 * 1024)).isEqualTo(9 * mib);
    assertThat(S3Storage.partSizeFor(8 * mib, 100 * mib)).isEqualTo(8 * mib);
    assertThat(S3Storage.partSizeFor(8 * mib, -1)).isEqualTo(8 * mib);
  }
}
