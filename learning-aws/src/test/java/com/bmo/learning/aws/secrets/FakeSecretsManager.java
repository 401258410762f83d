package com.bmo.learning.aws.secrets;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DeleteSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.DeleteSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * A minimal in-memory Secrets Manager for unit tests of the cache: text secrets by name or ARN, current
 * version only, deletion marks. It counts GetSecretValue calls, can make them fail, and can hold them at a
 * gate so a test controls exactly when a load finishes.
 */
final class FakeSecretsManager implements SecretsManagerClient {

  private record Secret(String name, String arn, String value, int version, Instant deleted) {
  }

  private final Map<String, Secret> byName = new ConcurrentHashMap<>();
  private final AtomicInteger getCalls = new AtomicInteger();
  private final AtomicReference<Supplier<RuntimeException>> failure = new AtomicReference<>();
  private volatile CountDownLatch gate;
  private volatile CountDownLatch getStarted = new CountDownLatch(1);

  static String arnOf(String name) {
    return "arn:aws:secretsmanager:us-east-1:000000000000:secret:" + name + "-AbCdEf";
  }

  /** Creates or replaces a secret directly, as another process would: no client, no invalidation. */
  void set(String name, String value) {
    byName.compute(name, (k, old) -> new Secret(name, arnOf(name), value,
        old == null ? 1 : old.version() + 1, null));
  }

  void remove(String name) {
    byName.remove(name);
  }

  int getCalls() {
    return getCalls.get();
  }

  /** Every GetSecretValue from now on throws what {@code error} supplies; null to heal. */
  void failGets(Supplier<RuntimeException> error) {
    failure.set(error);
  }

  /** GetSecretValue calls wait until {@link #openGate()}. */
  void closeGate() {
    getStarted = new CountDownLatch(1);
    gate = new CountDownLatch(1);
  }

  void openGate() {
    CountDownLatch g = gate;
    gate = null;
    if (g != null) {
      g.countDown();
    }
  }

  /** Waits until a GetSecretValue call has arrived since the last {@link #closeGate()}. */
  boolean awaitGetStarted() throws InterruptedException {
    return getStarted.await(10, TimeUnit.SECONDS);
  }

  private Secret find(String id) {
    Secret s = byName.get(id);
    if (s == null) {
      s = byName.values().stream().filter(x -> x.arn().equals(id)).findFirst().orElse(null);
    }
    if (s == null) {
      throw ResourceNotFoundException.builder().message("Secrets Manager can't find the specified secret.")
          .build();
    }
    return s;
  }

  @Override
  public GetSecretValueResponse getSecretValue(GetSecretValueRequest request) {
    getCalls.incrementAndGet();
    getStarted.countDown();
    CountDownLatch g = gate;
    if (g != null) {
      try {
        if (!g.await(30, TimeUnit.SECONDS)) {
          throw new IllegalStateException("gate never opened");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    Supplier<RuntimeException> f = failure.get();
    if (f != null) {
      throw f.get();
    }
    Secret s = find(request.secretId());
    if (s.deleted() != null) {
      throw InvalidRequestException.builder().message("You can't perform this operation on the secret"
          + " because it was marked for deletion.").build();
    }
    return GetSecretValueResponse.builder().name(s.name()).arn(s.arn()).versionId("v" + s.version())
        .versionStages(List.of(StagingLabels.AWSCURRENT)).secretString(s.value()).build();
  }

  @Override
  public PutSecretValueResponse putSecretValue(PutSecretValueRequest request) {
    Secret s = find(request.secretId());
    Secret next = new Secret(s.name(), s.arn(), request.secretString(), s.version() + 1, null);
    byName.put(s.name(), next);
    return PutSecretValueResponse.builder().name(s.name()).arn(s.arn()).versionId("v" + next.version())
        .build();
  }

  @Override
  public DeleteSecretResponse deleteSecret(DeleteSecretRequest request) {
    Secret s = find(request.secretId());
    Instant now = Instant.now();
    byName.put(s.name(), new Secret(s.name(), s.arn(), s.value(), s.version(), now));
    return DeleteSecretResponse.builder().name(s.name()).arn(s.arn()).deletionDate(now).build();
  }

  @Override
  public DescribeSecretResponse describeSecret(DescribeSecretRequest request) {
    Secret s = find(request.secretId());
    return DescribeSecretResponse.builder().name(s.name()).arn(s.arn()).deletedDate(s.deleted())
        .versionIdsToStages(Map.of("v" + s.version(), List.of(StagingLabels.AWSCURRENT))).build();
  }

  @Override
  public String serviceName() {
    return "secretsmanager";
  }

  @Override
  public void close() {
  }
}
