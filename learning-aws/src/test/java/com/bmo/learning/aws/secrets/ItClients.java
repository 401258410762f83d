package com.bmo.learning.aws.secrets;

import com.bmo.learning.localaws.LocalAwsClients;
import com.bmo.learning.localaws.junit.LocalAwsTarget;
import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** SDK clients for the integration tests' endpoint that count the calls they make, per operation. */
final class ItClients {

  private ItClients() {
  }

  /** Counts SDK operations (GetSecretValue, ...) as they are sent. */
  static final class CallCounter implements ExecutionInterceptor {
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      calls.computeIfAbsent(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
          k -> new AtomicInteger()).incrementAndGet();
    }

    int count(String operation) {
      AtomicInteger n = calls.get(operation);
      return n == null ? 0 : n.get();
    }
  }

  /** Like {@link LocalAwsClients#secretsManager}, with a call counter. */
  static SecretsManagerClient sdk(LocalAwsTarget target, CallCounter counter) {
    return SecretsManagerClient.builder()
        .endpointOverride(target.endpoint())
        .region(Region.of(target.region()))
        .credentialsProvider(LocalAwsClients.TEST_CREDENTIALS)
        .overrideConfiguration(c -> c.addExecutionInterceptor(counter)
            .defaultProfileFile(ProfileFile.builder().content(new ByteArrayInputStream(new byte[0]))
                .type(ProfileFile.Type.CONFIGURATION).build())
            .defaultProfileName("local-aws"))
        .build();
  }

  /** Our client on its own SDK client (closed with it). */
  static SecretsClient client(LocalAwsTarget target) {
    return SecretsClient.owning(LocalAwsClients.secretsManager(target.endpoint(), target.region()));
  }
}
