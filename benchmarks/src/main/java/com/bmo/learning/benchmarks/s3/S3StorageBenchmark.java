package com.bmo.learning.benchmarks.s3;

import com.bmo.learning.aws.s3.MultipartChecksum;
import com.bmo.learning.aws.s3.S3Storage;
import com.bmo.learning.aws.s3.S3StorageConfig;
import com.bmo.learning.aws.s3.UploadOptions;
import com.bmo.learning.localaws.LocalAwsClients;
import com.bmo.learning.localaws.LocalAwsEndpoint;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.infra.Blackhole;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@link S3Storage} against bare SDK calls, same objects, same run, same embedded endpoint.
 *
 * <p>The bare baseline is what a caller would write without the client: {@code putObject} with
 * {@code RequestBody.fromBytes} and {@code getObjectAsBytes}, on an SDK client with the same HTTP pool,
 * timeouts and retry strategy. The client adds on top: its own CRC32C on upload, multipart above 16 MiB
 * (8 MiB parts, 4 in flight), and on download checksum mode with verification of the stored CRC32C.
 * Both read the same object, written by the client.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 4, time = 3)
public class S3StorageBenchmark {

  private static final String BUCKET = "bench";

  @Param({"1024", "1048576", "67108864"})
  public int size;

  private LocalAwsEndpoint endpoint;
  private S3Client bare;
  private S3Storage storage;
  private byte[] data;

  @Setup(Level.Trial)
  public void setUp() {
    endpoint = LocalAwsEndpoint.builder().port(0).start();
    S3StorageConfig config = S3StorageConfig.builder()
        .endpoint(endpoint.endpoint())
        .region(endpoint.region())
        .credentialsProvider(LocalAwsClients.TEST_CREDENTIALS)
        .environment(Map.of())
        // S3Mock 4.12.4 supports only composite multipart checksums (adobe/S3Mock#2843).
        .multipartChecksum(MultipartChecksum.COMPOSITE)
        .build();
    storage = S3Storage.create(config);
    bare = S3Client.builder()
        .endpointOverride(endpoint.endpoint())
        .region(Region.of(endpoint.region()))
        .credentialsProvider(LocalAwsClients.TEST_CREDENTIALS)
        .forcePathStyle(true)
        .httpClientBuilder(Apache5HttpClient.builder()
            .maxConnections(config.maxConnections())
            .connectionTimeout(config.connectionTimeout())
            .socketTimeout(config.socketTimeout()))
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
            .maxAttempts(config.maxAttempts()).build()))
        .build();
    bare.createBucket(b -> b.bucket(BUCKET));
    data = new byte[size];
    new Random(size).nextBytes(data);
    storage.upload(BUCKET, "read-me", data, UploadOptions.none());
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    storage.close();
    bare.close();
    endpoint.close();
  }

  @Benchmark
  public Object putBareSdk() {
    return bare.putObject(b -> b.bucket(BUCKET).key("put-bare"), RequestBody.fromBytes(data));
  }

  @Benchmark
  public Object putS3Storage() {
    return storage.upload(BUCKET, "put-storage", data, UploadOptions.none());
  }

  @Benchmark
  public void getBareSdk(Blackhole bh) {
    bh.consume(bare.getObjectAsBytes(b -> b.bucket(BUCKET).key("read-me")).asByteArrayUnsafe());
  }

  @Benchmark
  public void getS3Storage(Blackhole bh) {
    bh.consume(storage.readAllBytes(BUCKET, "read-me"));
  }

}
