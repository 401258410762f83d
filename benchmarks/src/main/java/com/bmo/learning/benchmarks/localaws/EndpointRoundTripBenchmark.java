package com.bmo.learning.benchmarks.localaws;

import com.bmo.learning.localaws.LocalAwsClients;
import com.bmo.learning.localaws.LocalAwsEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Round trips per second against the embedded endpoint, single-threaded, 256-byte objects.
 *
 * <p>Baseline: {@code healthGet}, a plain GET of {@code /_localstack/health} through the SDK's own
 * Apache HTTP client on the same port — the floor set by Tomcat plus the HTTP stack. The S3 and Secrets
 * Manager figures are read as ratios against it. {@code store} compares S3Mock's file store on a RAM
 * disk (the default) with a disk directory; {@code checksum} compares the SDK's default CRC32
 * aws-chunked trailers with checksums only where required.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@State(Scope.Benchmark)
public class EndpointRoundTripBenchmark {

  @Param({"memory", "disk"})
  public String store;

  @Param({"WHEN_SUPPORTED", "WHEN_REQUIRED"})
  public String checksum;

  private Path diskDir;
  private LocalAwsEndpoint endpoint;
  private S3Client s3;
  private SecretsManagerClient secrets;
  private SdkHttpClient http;
  private SdkHttpRequest health;
  private final byte[] payload = new byte[256];
  private final AtomicLong counter = new AtomicLong();

  @Setup(Level.Trial)
  public void start() throws IOException {
    LocalAwsEndpoint.Builder builder = LocalAwsEndpoint.builder().port(0);
    if ("disk".equals(store)) {
      // Under the build directory, on the real disk: /tmp may itself be a RAM disk.
      diskDir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "bench-store-");
      builder.dataDirectory(diskDir);
    }
    endpoint = builder.start();
    s3 = S3Client.builder()
        .endpointOverride(endpoint.endpoint())
        .region(Region.of(endpoint.region()))
        .credentialsProvider(LocalAwsClients.TEST_CREDENTIALS)
        .forcePathStyle(true)
        .requestChecksumCalculation(RequestChecksumCalculation.valueOf(checksum))
        .build();
    secrets = LocalAwsClients.secretsManager(endpoint.endpoint(), endpoint.region());
    s3.createBucket(b -> b.bucket("bench"));
    s3.putObject(b -> b.bucket("bench").key("fixed"), RequestBody.fromBytes(payload));
    secrets.createSecret(b -> b.name("bench/secret").secretString("{\"password\":\"x\"}"));
    http = ApacheHttpClient.create();
    health = SdkHttpRequest.builder().method(SdkHttpMethod.GET)
        .uri(endpoint.endpoint().resolve("/_localstack/health")).build();
  }

  @TearDown(Level.Trial)
  public void stop() {
    http.close();
    s3.close();
    secrets.close();
    endpoint.close();
    if (diskDir != null) {
      try (var paths = Files.walk(diskDir)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Benchmark
  public int healthGet() throws IOException {
    var response = http.prepareRequest(HttpExecuteRequest.builder().request(health).build()).call();
    try (var body = response.responseBody().orElseThrow()) {
      return body.readAllBytes().length;
    }
  }

  @Benchmark
  public Object s3Put256() {
    long n = counter.incrementAndGet();
    return s3.putObject(b -> b.bucket("bench").key("k" + (n % 1000)), RequestBody.fromBytes(payload));
  }

  @Benchmark
  public byte[] s3Get256() {
    return s3.getObjectAsBytes(b -> b.bucket("bench").key("fixed")).asByteArray();
  }

  @Benchmark
  public String secretsManagerGet() {
    return secrets.getSecretValue(b -> b.secretId("bench/secret")).secretString();
  }
}
