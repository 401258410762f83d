package com.bmo.learning.localaws.junit;

import com.bmo.learning.localaws.LocalAwsClients;
import com.bmo.learning.localaws.LocalAwsEndpoint;
import com.bmo.learning.testsupport.ExternalEndpoint;
import com.bmo.learning.testsupport.ResourceNames;
import com.bmo.learning.testsupport.SessionParameterResolver;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store.CloseableResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * JUnit 5 extension that gives integration tests a ready AWS endpoint and isolated resources.
 *
 * <ul>
 *   <li>One endpoint per test JVM: the embedded {@link LocalAwsEndpoint} on a free port, or the endpoint
 *       in {@code AWS_ENDPOINT_URL} (LocalStack, moto, …). An endpoint that is not on this machine is
 *       refused unless {@code LOCAL_AWS_ALLOW_REMOTE=true}. An unreachable one skips the tests with the
 *       reason — or fails them when {@code CI=true}, so CI can never go green without testing.</li>
 *   <li>Clients use static {@code test} credentials and no profile file: the developer's real AWS set-up
 *       is never used.</li>
 *   <li>Per test method: a {@link TestBucket} with a unique name and a unique {@link SecretPrefix}, both
 *       removed after the test, whatever it left in them.</li>
 * </ul>
 */
public final class LocalAwsExtension extends SessionParameterResolver<LocalAwsExtension.Session>
    implements AfterEachCallback, AfterAllCallback {

  private static final Logger LOG = LoggerFactory.getLogger(LocalAwsExtension.class);
  private static final Namespace NAMESPACE = Namespace.create(LocalAwsExtension.class);

  public LocalAwsExtension() {
    super(Session.class, Session::open, S3Client.class, S3Presigner.class, SecretsManagerClient.class,
        LocalAwsTarget.class, TestBucket.class, SecretPrefix.class);
  }

  @Override
  protected Object resolve(Class<?> type, Session session, ExtensionContext context) {
    if (type == LocalAwsTarget.class) {
      return session.target;
    }
    if (type == S3Client.class) {
      return session.s3;
    }
    if (type == S3Presigner.class) {
      return session.presigner;
    }
    if (type == SecretsManagerClient.class) {
      return session.secretsManager;
    }
    if (type == TestBucket.class) {
      return testBucket(session, context);
    }
    if (type == SecretPrefix.class) {
      return secretPrefix(session, context);
    }
    return null;
  }

  private static TestBucket testBucket(Session session, ExtensionContext context) {
    // One bucket per test method, even when several parameters ask for it.
    return context.getStore(NAMESPACE).getOrComputeIfAbsent(TestBucket.class, k -> {
      String name = ResourceNames.forTestClass(context.getRequiredTestClass(), 12);
      session.s3.createBucket(b -> b.bucket(name));
      return new BucketCleanup(new TestBucket(name), session.s3);
    }, BucketCleanup.class).bucket();
  }

  private static SecretPrefix secretPrefix(Session session, ExtensionContext context) {
    return context.getStore(NAMESPACE).getOrComputeIfAbsent(SecretPrefix.class,
        k -> new SecretCleanup(new SecretPrefix("it/" + ResourceNames.random(10) + "/"), session.secretsManager),
        SecretCleanup.class).prefix();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    cleanUp(context);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    cleanUp(context);
  }

  /**
   * Removes this context's bucket and secrets now, while the test's outcome is known, so that a clean-up
   * problem never changes it: after a failed test it is added to the test's exception as suppressed (the
   * failure stays the test's own); after a passing test it is a warning in the log and the test report.
   */
  private static void cleanUp(ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    List<ResourceCleanup.Outcome> outcomes = new java.util.ArrayList<>();
    BucketCleanup bucket = store.remove(TestBucket.class, BucketCleanup.class);
    if (bucket != null) {
      outcomes.add(bucket.run());
    }
    SecretCleanup secrets = store.remove(SecretPrefix.class, SecretCleanup.class);
    if (secrets != null) {
      outcomes.add(secrets.run());
    }
    for (ResourceCleanup.Outcome outcome : outcomes) {
      outcome.unsupported().stream().filter(UNSUPPORTED_REPORTED::add).forEach(op ->
          LOG.warn("The AWS endpoint lacks an operation the harness's clean-up uses: {}", op));
      if (outcome.clean()) {
        continue;
      }
      Optional<Throwable> failure = context.getExecutionException();
      if (failure.isPresent()) {
        failure.get().addSuppressed(new CleanupIncompleteException(outcome.describe()));
      } else {
        LOG.warn("{} (after {}; the test's result is unaffected)", outcome.describe(), context.getDisplayName());
        context.publishReportEntry("local-aws-cleanup", outcome.describe());
      }
    }
  }

  /** Operations reported missing once per test JVM, not once per test. */
  private static final java.util.Set<String> UNSUPPORTED_REPORTED =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  /** Attached to a failed test's exception as suppressed: what the harness could not remove after it. */
  static final class CleanupIncompleteException extends RuntimeException {
    CleanupIncompleteException(String message) {
      super(message, null, false, false);
    }
  }

  /** Kept in the store as a fallback: closed only if the after-callbacks did not run it (never throws). */
  private record BucketCleanup(TestBucket bucket, S3Client s3) implements CloseableResource {
    ResourceCleanup.Outcome run() {
      return ResourceCleanup.deleteBucket(s3, bucket.name());
    }

    @Override
    public void close() {
      ResourceCleanup.Outcome outcome = run();
      if (!outcome.clean()) {
        LOG.warn(outcome.describe());
      }
    }
  }

  private record SecretCleanup(SecretPrefix prefix, SecretsManagerClient client) implements CloseableResource {
    ResourceCleanup.Outcome run() {
      return ResourceCleanup.deleteSecrets(client, prefix.value());
    }

    @Override
    public void close() {
      ResourceCleanup.Outcome outcome = run();
      if (!outcome.clean()) {
        LOG.warn(outcome.describe());
      }
    }
  }

  static final class Session implements CloseableResource {
    private final LocalAwsTarget target;
    private final LocalAwsEndpoint embedded;
    private final S3Client s3;
    private final S3Presigner presigner;
    private final SecretsManagerClient secretsManager;

    private Session(LocalAwsTarget target, LocalAwsEndpoint embedded) {
      this.target = target;
      this.embedded = embedded;
      this.s3 = LocalAwsClients.s3(target.endpoint(), target.region());
      this.presigner = LocalAwsClients.s3Presigner(target.endpoint(), target.region());
      this.secretsManager = LocalAwsClients.secretsManager(target.endpoint(), target.region());
    }

    static Session open() {
      Optional<URI> external = ExternalEndpoint.from(System.getenv(), "AWS endpoint", "AWS_ENDPOINT_URL",
          "LOCAL_AWS_ALLOW_REMOTE").select();
      if (external.isPresent()) {
        LOG.info("Integration tests use the external endpoint {}", external.get());
        return new Session(new LocalAwsTarget(external.get(), LocalAwsEndpoint.DEFAULT_REGION, false), null);
      }
      LocalAwsEndpoint endpoint = LocalAwsEndpoint.builder().port(0).start();
      return new Session(new LocalAwsTarget(endpoint.endpoint(), endpoint.region(), true), endpoint);
    }

    @Override
    public void close() {
      s3.close();
      presigner.close();
      secretsManager.close();
      if (embedded != null) {
        embedded.close();
      }
    }
  }
}
