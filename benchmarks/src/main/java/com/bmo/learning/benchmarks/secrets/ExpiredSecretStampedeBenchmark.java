package com.bmo.learning.benchmarks.secrets;

import com.amazonaws.secretsmanager.caching.SecretCacheConfiguration;
import com.bmo.learning.aws.secrets.SecretCache;
import com.bmo.learning.aws.secrets.SecretsClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * 64 threads read one secret at the same moment, just after its cached value expired: how many calls
 * reach Secrets Manager (secondary results {@code backendCalls} — every operation — and
 * {@code getSecretValueCalls}, per stampede), and how long until all 64 have the value (the score).
 * Both caches use a 500 ms TTL; each stampede is preceded by a read and a 600 ms wait. With
 * {@code rotated=true} another process (a plain SDK client, so no cache hears of it) stores a new value
 * during the wait, as a rotation would.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 10)
public class ExpiredSecretStampedeBenchmark {

  static final int READERS = 64;
  static final Duration TTL = Duration.ofMillis(500);

  /** Both caches, their call counters, and 64 reader threads already started. */
  @State(Scope.Benchmark)
  public static class Caches {
    final BenchEndpoint.CallCounter oursCalls = new BenchEndpoint.CallCounter();
    final BenchEndpoint.CallCounter awsCalls = new BenchEndpoint.CallCounter();
    SecretsManagerClient admin;
    SecretsManagerClient oursSdk;
    SecretsManagerClient awsSdk;
    SecretsClient client;
    SecretCache ours;
    com.amazonaws.secretsmanager.caching.SecretCache aws;
    ThreadPoolExecutor readers;
    String name;
    volatile String expected = SecretCacheReadBenchmark.VALUE;
    private int version;

    @Param({"false", "true"})
    public boolean rotated;

    @Setup(Level.Trial)
    public void setUp() {
      name = "bench/" + UUID.randomUUID() + "/hot";
      admin = BenchEndpoint.client(new BenchEndpoint.CallCounter());
      admin.createSecret(b -> b.name(name).secretString(SecretCacheReadBenchmark.VALUE));
      oursSdk = BenchEndpoint.client(oursCalls);
      awsSdk = BenchEndpoint.client(awsCalls);
      client = SecretsClient.create(oursSdk);
      ours = SecretCache.builder(client).ttl(TTL).build();
      aws = new com.amazonaws.secretsmanager.caching.SecretCache(new SecretCacheConfiguration()
          .withClient(awsSdk).withCacheItemTTL(TTL.toMillis()));
      readers = new ThreadPoolExecutor(READERS, READERS, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>());
      readers.prestartAllCoreThreads();
    }

    /** Loads both caches, then waits until their values have expired. */
    @Setup(Level.Invocation)
    public void expire() throws InterruptedException {
      ours.getString(name);
      aws.getSecretString(name);
      if (rotated) {
        String next = SecretCacheReadBenchmark.VALUE.replace("not-real", "not-real-" + ++version);
        admin.putSecretValue(b -> b.secretId(name).secretString(next));
        expected = next;
      }
      Thread.sleep(TTL.toMillis() + 100);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      readers.shutdownNow();
      ours.close();
      aws.close();
      client.close();
      oursSdk.close();
      awsSdk.close();
      admin.deleteSecret(b -> b.secretId(name).forceDeleteWithoutRecovery(true));
      admin.close();
    }
  }

  /** Calls that reached Secrets Manager during one stampede. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Calls {
    public long backendCalls;
    public long getSecretValueCalls;

    @Setup(Level.Iteration)
    public void reset() {
      backendCalls = 0;
      getSecretValueCalls = 0;
    }
  }

  @Benchmark
  public void ours(Caches c, Calls calls) throws Exception {
    stampede(c, () -> c.ours.getString(c.name), c.oursCalls, calls);
  }

  @Benchmark
  public void aws(Caches c, Calls calls) throws Exception {
    stampede(c, () -> c.aws.getSecretString(c.name), c.awsCalls, calls);
  }

  private static void stampede(Caches c, Supplier<String> read, BenchEndpoint.CallCounter counter,
      Calls calls) throws InterruptedException, ExecutionException {
    long all = counter.all();
    long gets = counter.getSecretValue();
    CountDownLatch go = new CountDownLatch(1);
    List<Future<String>> reads = new ArrayList<>(READERS);
    for (int i = 0; i < READERS; i++) {
      reads.add(c.readers.submit(() -> {
        go.await();
        return read.get();
      }));
    }
    go.countDown();
    for (Future<String> f : reads) {
      if (!c.expected.equals(f.get())) {
        throw new IllegalStateException("The cache returned a wrong value");
      }
    }
    calls.backendCalls += counter.all() - all;
    calls.getSecretValueCalls += counter.getSecretValue() - gets;
  }
}
