package com.bmo.learning.benchmarks.s3;

import static com.bmo.learning.benchmarks.s3.BenchmarkClients.BUCKET;

import com.bmo.learning.aws.s3.UploadOptions;
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
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * {@link com.bmo.learning.aws.s3.S3Storage} against bare SDK calls: same objects, same run, same embedded
 * endpoint (started in {@link #setUp()}), see {@link BenchmarkClients}.
 *
 * <p>The bare baseline is what a caller would write without the client: {@code putObject} with
 * {@code RequestBody.fromBytes} and {@code getObjectAsBytes}. The client adds: its own CRC32C on upload,
 * multipart above 16 MiB (8 MiB parts, 4 in flight; {@code putS3StorageSinglePart} has it off), and on
 * download checksum mode with verification of the stored CRC32C. Both read the same object.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
public class S3StorageBenchmark {

  @Param({"1024", "1048576", "67108864"})
  public int size;

  private BenchmarkClients clients;
  private byte[] data;

  @Setup(Level.Trial)
  public void setUp() {
    clients = BenchmarkClients.start();
    data = new byte[size];
    new Random(size).nextBytes(data);
    clients.storage().upload(BUCKET, "read-me", data, UploadOptions.none());
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    clients.close();
  }

  @Benchmark
  public Object putBareSdk() {
    return clients.bare().putObject(b -> b.bucket(BUCKET).key("put-bare"), RequestBody.fromBytes(data));
  }

  @Benchmark
  public Object putS3Storage() {
    return clients.storage().upload(BUCKET, "put-storage", data, UploadOptions.none());
  }

  @Benchmark
  public Object putS3StorageSinglePart() {
    return clients.storageSinglePart().upload(BUCKET, "put-storage-single", data, UploadOptions.none());
  }

  @Benchmark
  public void getBareSdk(Blackhole bh) {
    bh.consume(clients.bare().getObjectAsBytes(b -> b.bucket(BUCKET).key("read-me")).asByteArrayUnsafe());
  }

  @Benchmark
  public void getS3Storage(Blackhole bh) {
    bh.consume(clients.storage().readAllBytes(BUCKET, "read-me"));
  }
}
