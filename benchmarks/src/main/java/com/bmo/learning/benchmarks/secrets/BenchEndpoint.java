package com.bmo.learning.benchmarks.secrets;

import com.bmo.learning.localaws.LocalAwsClients;
import com.bmo.learning.localaws.LocalAwsEndpoint;
import java.net.URI;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The endpoint a benchmark fork talks to: the one {@link SecretCacheBenchmarks} started and passed in
 * {@value #PROPERTY}, else {@code AWS_ENDPOINT_URL}, else an embedded endpoint started in this JVM.
 */
final class BenchEndpoint {

  static final String PROPERTY = "bench.endpoint";

  private static LocalAwsEndpoint embedded;

  private BenchEndpoint() {
  }

  static synchronized URI uri() {
    String given = System.getProperty(PROPERTY, System.getenv("AWS_ENDPOINT_URL"));
    if (given != null && !given.isBlank()) {
      return URI.create(given);
    }
    if (embedded == null) {
      embedded = LocalAwsEndpoint.builder().port(0).start();
      Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
    }
    return embedded.endpoint();
  }

  /** An SDK client for the endpoint with a counter of the calls it sends. */
  static SecretsManagerClient client(CallCounter counter) {
    return SecretsManagerClient.builder()
        .endpointOverride(uri())
        .region(Region.of(LocalAwsEndpoint.DEFAULT_REGION))
        .credentialsProvider(LocalAwsClients.TEST_CREDENTIALS)
        .overrideConfiguration(c -> c.addExecutionInterceptor(counter))
        .build();
  }

  /** Counts every Secrets Manager call a client sends, and GetSecretValue calls apart. */
  static final class CallCounter implements ExecutionInterceptor {
    private final AtomicLong all = new AtomicLong();
    private final AtomicLong getSecretValue = new AtomicLong();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      all.incrementAndGet();
      if ("GetSecretValue".equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))) {
        getSecretValue.incrementAndGet();
      }
    }

    long all() {
      return all.get();
    }

    long getSecretValue() {
      return getSecretValue.get();
    }
  }
}
