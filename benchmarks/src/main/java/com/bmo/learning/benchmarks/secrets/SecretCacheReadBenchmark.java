package com.bmo.learning.benchmarks.secrets;

import com.amazonaws.secretsmanager.caching.SecretCacheConfiguration;
import com.bmo.learning.aws.secrets.SecretCache;
import com.bmo.learning.aws.secrets.SecretsClient;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Reads of a cached secret — the path every request of the service takes — through our
 * {@link SecretCache} and through AWS's {@code aws-secretsmanager-caching-java}, both on their own SDK
 * client against the same endpoint, with the same TTL (300 s, so nothing expires during a run).
 * Latency (ns/op) and throughput (ops/µs) at 1 and 8 threads.
 */
@State(Scope.Benchmark)
public class SecretCacheReadBenchmark {

  static final String VALUE = "{\"username\":\"learning\",\"password\":\"p4ssw0rd-not-real\","
      + "\"host\":\"db.internal\",\"port\":5432}";
  static final long TTL_MILLIS = 300_000;

  private SecretsManagerClient admin;
  private SecretsManagerClient oursSdk;
  private SecretsManagerClient awsSdk;
  private SecretsClient client;
  private SecretCache ours;
  private com.amazonaws.secretsmanager.caching.SecretCache aws;
  private final BenchEndpoint.CallCounter oursCalls = new BenchEndpoint.CallCounter();
  private final BenchEndpoint.CallCounter awsCalls = new BenchEndpoint.CallCounter();
  String name;

  @Setup(Level.Trial)
  public void setUp() {
    name = "bench/" + UUID.randomUUID() + "/database";
    admin = BenchEndpoint.client(new BenchEndpoint.CallCounter());
    admin.createSecret(b -> b.name(name).secretString(VALUE));
    oursSdk = BenchEndpoint.client(oursCalls);
    awsSdk = BenchEndpoint.client(awsCalls);
    client = SecretsClient.create(oursSdk);
    ours = SecretCache.builder(client).ttl(java.time.Duration.ofMillis(TTL_MILLIS)).build();
    aws = new com.amazonaws.secretsmanager.caching.SecretCache(new SecretCacheConfiguration()
        .withClient(awsSdk).withCacheItemTTL(TTL_MILLIS));
    check(ours.getString(name));
    check(aws.getSecretString(name));
  }

  private static void check(String value) {
    if (!VALUE.equals(value)) {
      throw new IllegalStateException("The cache returned a wrong value");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    // Both caches must have answered every measured read from memory.
    System.out.printf("%nbackend calls during the trial: ours %d, aws %d%n", oursCalls.all(), awsCalls.all());
    ours.close();
    aws.close();
    client.close();
    oursSdk.close();
    awsSdk.close();
    admin.deleteSecret(b -> b.secretId(name).forceDeleteWithoutRecovery(true));
    admin.close();
  }

  @Benchmark
  @Threads(1)
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public String latency1ThreadOurs() {
    return ours.getString(name);
  }

  @Benchmark
  @Threads(1)
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public String latency1ThreadAws() {
    return aws.getSecretString(name);
  }

  @Benchmark
  @Threads(8)
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public String latency8ThreadsOurs() {
    return ours.getString(name);
  }

  @Benchmark
  @Threads(8)
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public String latency8ThreadsAws() {
    return aws.getSecretString(name);
  }

  @Benchmark
  @Threads(1)
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public String throughput1ThreadOurs() {
    return ours.getString(name);
  }

  @Benchmark
  @Threads(1)
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public String throughput1ThreadAws() {
    return aws.getSecretString(name);
  }

  @Benchmark
  @Threads(8)
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public String throughput8ThreadsOurs() {
    return ours.getString(name);
  }

  @Benchmark
  @Threads(8)
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public String throughput8ThreadsAws() {
    return aws.getSecretString(name);
  }
}
