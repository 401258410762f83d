package com.bmo.learning.aws.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.secretsmanager.model.InternalServiceErrorException;

/** The cache's timing behaviour, on a controlled clock and an in-memory Secrets Manager. */
class SecretCacheTest {

  private static final Duration TTL = Duration.ofSeconds(300);
  private static final Duration NANO = Duration.ofNanos(1);

  private final FakeSecretsManager backend = new FakeSecretsManager();
  private final FakeTicker clock = new FakeTicker();
  private final SecretsClient client = SecretsClient.create(backend);
  private final ExecutorService refresher = Executors.newSingleThreadExecutor();
  private final List<SecretCache> caches = new ArrayList<>();

  @BeforeEach
  void seed() {
    backend.set("app/db", "{\"user\":\"app\",\"password\":\"pw-1\"}");
    backend.set("app/key", "key-1");
  }

  @AfterEach
  void tearDown() {
    backend.openGate();
    caches.forEach(SecretCache::close);
    refresher.shutdownNow();
  }

  private SecretCache.Builder builder() {
    return SecretCache.builder(client).ticker(clock).executor(refresher);
  }

  private SecretCache build(SecretCache.Builder b) {
    SecretCache cache = b.build();
    caches.add(cache);
    return cache;
  }

  @Test
  void servesCachedValueUntilTtlThenReloads() {
    SecretCache cache = build(builder().ttl(TTL).refreshAhead(null));
    assertThat(cache.getString("app/key")).isEqualTo("key-1");
    backend.set("app/key", "key-2"); // changed behind the cache's back: only expiry can reveal it

    clock.advance(TTL.minus(NANO));
    assertThat(cache.getString("app/key")).isEqualTo("key-1");
    assertThat(backend.getCalls()).isEqualTo(1);

    clock.advance(NANO);
    assertThat(cache.getString("app/key")).isEqualTo("key-2");
    assertThat(backend.getCalls()).isEqualTo(2);
    assertThat(cache.stats().hits()).isEqualTo(1);
    assertThat(cache.stats().misses()).isEqualTo(2);
  }

  @Test
  void ttlCountsFromWhenTheFetchStartedNotWhenItFinished() throws Exception {
    SecretCache cache = build(builder().ttl(TTL).refreshAhead(null));
    ExecutorService reader = Executors.newSingleThreadExecutor();
    try {
      backend.closeGate();
      var first = reader.submit(() -> cache.getString("app/key"));
      assertThat(backend.awaitGetStarted()).isTrue();
      clock.advance(Duration.ofSeconds(100)); // Secrets Manager answers slowly
      backend.openGate();
      assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("key-1");
      backend.set("app/key", "key-2");

      // One TTL after the request went out, not after the answer came back, the value is reloaded.
      clock.advance(TTL.minus(Duration.ofSeconds(100)));
      assertThat(cache.getString("app/key")).isEqualTo("key-2");
      assertThat(backend.getCalls()).isEqualTo(2);
    } finally {
      reader.shutdownNow();
    }
  }

  @Test
  void defaultTtlIsFiveMinutes() {
    SecretCache cache = build(builder().refreshAhead(null));
    cache.getString("app/key");
    backend.set("app/key", "key-2");
    clock.advance(Duration.ofSeconds(299));
    assertThat(cache.getString("app/key")).isEqualTo("key-1");
    clock.advance(Duration.ofSeconds(1));
    assertThat(cache.getString("app/key")).isEqualTo("key-2");
  }

  @Test
  void refreshAheadAnswersFromCacheWhileReloadingInBackground() throws Exception {
    SecretCache cache = build(builder().ttl(TTL).refreshAhead(Duration.ofSeconds(240)));
    assertThat(cache.getString("app/key")).isEqualTo("key-1");
    backend.set("app/key", "key-2");

    clock.advance(Duration.ofSeconds(250));
    backend.closeGate(); // the backend now answers only when the test allows it
    // The reader gets the cached value although the reload it triggered is still waiting on the backend.
    assertThat(cache.getString("app/key")).isEqualTo("key-1");
    assertThat(backend.awaitGetStarted()).isTrue();
    assertThat(cache.getString("app/key")).isEqualTo("key-1");

    backend.openGate();
    await().atMost(Duration.ofSeconds(10)).until(() -> cache.getString("app/key").equals("key-2"));
    assertThat(backend.getCalls()).isEqualTo(2);
    assertThat(cache.stats().misses()).isEqualTo(1);
  }

  @Test
  void defaultRefreshAheadStartsAtEightyPercentOfTtl() {
    SecretCache cache = build(builder().ttl(TTL).executor(Runnable::run));
    cache.getString("app/key");
    backend.set("app/key", "key-2");
    clock.advance(Duration.ofSeconds(239));
    cache.getString("app/key");
    assertThat(backend.getCalls()).isEqualTo(1);
    clock.advance(Duration.ofSeconds(1).plus(NANO));
    cache.getString("app/key"); // triggers the reload (run inline by this executor)
    assertThat(backend.getCalls()).isEqualTo(2);
    assertThat(cache.getString("app/key")).isEqualTo("key-2");
  }

  @Test
  void concurrentMissesMakeOneCall() throws Exception {
    SecretCache cache = build(builder().ttl(TTL));
    Set<String> seen = readConcurrently(cache, "app/key", 64);
    assertThat(backend.getCalls()).isEqualTo(1);
    assertThat(seen).containsExactly("key-1");
  }

  @Test
  void concurrentReadsOfAnExpiredSecretMakeOneCall() throws Exception {
    SecretCache cache = build(builder().ttl(TTL));
    cache.getString("app/key");
    backend.set("app/key", "key-2");
    clock.advance(TTL.plusSeconds(1));

    Set<String> seen = readConcurrently(cache, "app/key", 64);
    assertThat(backend.getCalls()).isEqualTo(2);
    assertThat(seen).containsExactly("key-2");
  }

  /**
   * {@code threads} readers of one key while the backend holds its answer until every other reader is
   * parked waiting for it; returns the values they read.
   */
  private Set<String> readConcurrently(SecretCache cache, String secret, int threads) throws Exception {
    backend.closeGate();
    Set<String> seen = ConcurrentHashMap.newKeySet();
    List<Throwable> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> readers = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      Thread t = new Thread(() -> {
        try {
          start.await();
          seen.add(cache.getString(secret));
        } catch (Throwable e) {
          errors.add(e);
        }
      });
      t.start();
      readers.add(t);
    }
    start.countDown();
    assertThat(backend.awaitGetStarted()).isTrue();
    // Hold the load until no reader is still running toward the cache, i.e. all wait on the one load.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (readers.stream().filter(t -> t.getState() == Thread.State.RUNNABLE).count() > 1
        && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }
    backend.openGate();
    for (Thread t : readers) {
      t.join(10_000);
    }
    assertThat(errors).isEmpty();
    return seen;
  }

  @Test
  void writesThroughTheClientInvalidateTheEntry() {
    SecretCache cache = build(builder().ttl(TTL));
    assertThat(cache.getString("app/key")).isEqualTo("key-1");
    client.updateString("app/key", "key-2");
    assertThat(cache.getString("app/key")).isEqualTo("key-2");
    assertThat(backend.getCalls()).isEqualTo(2);
  }

  @Test
  void writeByNameInvalidatesEntriesReadByArnAndStage() {
    SecretCache cache = build(builder().ttl(TTL));
    String arn = FakeSecretsManager.arnOf("app/key");
    assertThat(cache.getString(arn)).isEqualTo("key-1");
    assertThat(cache.getSecret("app/key", StagingLabels.AWSCURRENT).asString()).isEqualTo("key-1");
    client.updateString("app/key", "key-2");
    assertThat(cache.getString(arn)).isEqualTo("key-2");
    assertThat(cache.getSecret("app/key", StagingLabels.AWSCURRENT).asString()).isEqualTo("key-2");
  }

  @Test
  void deletingThroughTheClientStopsServingTheSecret() {
    SecretCache cache = build(builder().ttl(TTL));
    cache.getString("app/key");
    client.delete("app/key", DeleteOptions.recoveryWindow(7));
    assertThatThrownBy(() -> cache.getString("app/key"))
        .isInstanceOf(SecretPendingDeletionException.class)
        .satisfies(e -> assertThat(((SecretsException) e).secretId()).contains("app/key"));
  }

  @Test
  void explicitInvalidateReloads() {
    SecretCache cache = build(builder().ttl(TTL));
    cache.getString("app/key");
    backend.set("app/key", "key-2");
    cache.invalidate("app/key");
    assertThat(cache.getString("app/key")).isEqualTo("key-2");
  }

  @Test
  void servesLastGoodValueDuringGraceThenSurfacesTheError() {
    SecretCache cache = build(builder().ttl(TTL).refreshAhead(null).gracePeriod(Duration.ofSeconds(600))
        .staleRetryInterval(Duration.ofSeconds(5)));
    assertThat(cache.getString("app/key")).isEqualTo("key-1");
    backend.failGets(() -> InternalServiceErrorException.builder().message("boom").statusCode(500).build());

    clock.advance(TTL);
    assertThat(cache.getString("app/key")).isEqualTo("key-1");
    assertThat(cache.stats().staleServes()).isEqualTo(1);
    assertThat(cache.stats().loadFailures()).isEqualTo(1);

    // Within the retry interval the stale value is served without asking Secrets Manager again.
    clock.advance(Duration.ofSeconds(4));
    assertThat(cache.getString("app/key")).isEqualTo("key-1");
    assertThat(backend.getCalls()).isEqualTo(2);

    // Last moment of grace: TTL + 600 s - 1 ns after the load.
    clock.advance(Duration.ofSeconds(596).minus(NANO));
    assertThat(cache.getString("app/key")).isEqualTo("key-1");
    assertThat(cache.stats().staleServes()).isEqualTo(3);

    clock.advance(NANO);
    assertThatThrownBy(() -> cache.getString("app/key"))
        .isInstanceOf(SecretsUnavailableException.class)
        .hasMessageContaining("app/key");
    assertThat(cache.stats().staleServes()).isEqualTo(3);
  }

  @Test
  void recoversFromStaleWhenSecretsManagerAnswersAgain() {
    SecretCache cache = build(builder().ttl(TTL).refreshAhead(null));
    cache.getString("app/key");
    backend.failGets(() -> SdkClientException.create("connection refused"));
    clock.advance(TTL);
    assertThat(cache.getString("app/key")).isEqualTo("key-1");

    backend.failGets(null);
    backend.set("app/key", "key-2");
    clock.advance(SecretCache.DEFAULT_STALE_RETRY);
    assertThat(cache.getString("app/key")).isEqualTo("key-2");
    long stale = cache.stats().staleServes();
    clock.advance(Duration.ofSeconds(100));
    assertThat(cache.getString("app/key")).isEqualTo("key-2");
    assertThat(cache.stats().staleServes()).isEqualTo(stale);
  }

  @Test
  void withoutGraceTheErrorSurfacesAtTtl() {
    SecretCache cache = build(builder().ttl(TTL).refreshAhead(null).gracePeriod(Duration.ZERO));
    cache.getString("app/key");
    backend.failGets(() -> SdkClientException.create("connection refused"));
    clock.advance(TTL);
    assertThatThrownBy(() -> cache.getString("app/key")).isInstanceOf(SecretsUnavailableException.class);
  }

  @Test
  void aSecretThatIsGoneIsNeverServedStale() {
    SecretCache cache = build(builder().ttl(TTL).refreshAhead(null));
    cache.getString("app/key");
    backend.remove("app/key");
    clock.advance(TTL);
    assertThatThrownBy(() -> cache.getString("app/key")).isInstanceOf(SecretNotFoundException.class);
    assertThat(cache.stats().staleServes()).isZero();
  }

  @Test
  void failedRefreshAheadKeepsServingTheFreshValue() {
    SecretCache cache = build(builder().ttl(TTL).executor(Runnable::run));
    cache.getString("app/key");
    backend.failGets(() -> SdkClientException.create("connection refused"));
    clock.advance(Duration.ofSeconds(250));
    assertThat(cache.getString("app/key")).isEqualTo("key-1"); // triggers a refresh that fails
    assertThat(cache.stats().loadFailures()).isEqualTo(1);
    assertThat(cache.stats().staleServes()).isZero(); // still within TTL: not stale
    assertThat(cache.getString("app/key")).isEqualTo("key-1");

    // The failed refresh did not extend the value's life: it still expires at the TTL.
    backend.failGets(null);
    backend.set("app/key", "key-2");
    clock.advance(Duration.ofSeconds(50).minus(NANO));
    assertThat(cache.getString("app/key")).isEqualTo("key-1");
    clock.advance(NANO);
    assertThat(cache.getString("app/key")).isEqualTo("key-2");
  }

  @Test
  void staleServesAreLoggedByNameWithoutTheValue() {
    Logger logger = (Logger) LoggerFactory.getLogger(SecretCache.class);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    try {
      SecretCache cache = build(builder().ttl(TTL).refreshAhead(null));
      cache.getString("app/db");
      backend.failGets(() -> InternalServiceErrorException.builder().message("boom").statusCode(500).build());
      clock.advance(TTL);
      cache.getString("app/db");
    } finally {
      logger.detachAppender(appender);
    }
    assertThat(appender.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("app/db"));
    assertThat(appender.list).allSatisfy(e -> assertThat(e.getFormattedMessage()).doesNotContain("pw-1"));
  }

  @Test
  void loadErrorsAreNotCached() {
    SecretCache cache = build(builder().ttl(TTL));
    assertThatThrownBy(() -> cache.getString("app/missing")).isInstanceOf(SecretNotFoundException.class);
    backend.set("app/missing", "now-here");
    assertThat(cache.getString("app/missing")).isEqualTo("now-here");
  }

  @Test
  void jsonFieldsComeFromTheCachedValue() {
    SecretCache cache = build(builder().ttl(TTL));
    assertThat(cache.getField("app/db", "user")).isEqualTo("app");
    assertThat(cache.getField("app/db", "password")).isEqualTo("pw-1");
    assertThat(backend.getCalls()).isEqualTo(1);
    assertThatThrownBy(() -> cache.getField("app/db", "host"))
        .isInstanceOfSatisfying(SecretFormatException.class, e -> {
          assertThat(e.reason()).isEqualTo(SecretFormatException.Reason.FIELD_MISSING);
          assertThat(e.getMessage()).contains("app/db", "host").doesNotContain("pw-1");
        });
  }

  @Test
  void statsAreBoundToMicrometer() {
    SecretCache cache = build(builder().ttl(TTL).refreshAhead(null));
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    new SecretCacheMetrics(cache, "secrets").bindTo(registry);
    cache.getString("app/key");
    cache.getString("app/key");
    cache.getString("app/key");
    backend.failGets(() -> SdkClientException.create("down"));
    clock.advance(TTL);
    cache.getString("app/key");

    assertThat(registry.get("secrets.cache.gets").tag("result", "hit").functionCounter().count()).isEqualTo(2);
    assertThat(registry.get("secrets.cache.gets").tag("result", "miss").functionCounter().count()).isEqualTo(2);
    assertThat(registry.get("secrets.cache.loads").tag("result", "success").functionCounter().count())
        .isEqualTo(1);
    assertThat(registry.get("secrets.cache.loads").tag("result", "failure").functionCounter().count())
        .isEqualTo(1);
    assertThat(registry.get("secrets.cache.stale.serves").tag("cache", "secrets").functionCounter().count())
        .isEqualTo(1);
    assertThat(registry.get("secrets.cache.size").gauge().value()).isEqualTo(1);
  }

  @Test
  void closingDetachesFromTheClient() {
    SecretCache cache = build(builder().ttl(TTL));
    cache.getString("app/key");
    cache.close();
    client.updateString("app/key", "key-2"); // must not reach the closed cache
    assertThat(cache.stats().size()).isZero();
  }

  @Test
  void invalidConfigurationIsRejected() {
    assertThatThrownBy(() -> builder().ttl(Duration.ofSeconds(10)).refreshAhead(Duration.ofSeconds(10)).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("refreshAhead");
    assertThatThrownBy(() -> builder().ttl(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder().maximumSize(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder().gracePeriod(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void blankSecretIdIsRejectedWithoutCallingAws() {
    SecretCache cache = build(builder());
    assertThatThrownBy(() -> cache.getString(" ")).isInstanceOf(InvalidSecretRequestException.class);
    assertThat(backend.getCalls()).isZero();
  }
}
