package com.bmo.learning.benchmarks.s3;

import com.bmo.learning.aws.s3.MultipartChecksum;
import com.bmo.learning.aws.s3.ObjectMetadata;
import com.bmo.learning.aws.s3.S3Storage;
import com.bmo.learning.aws.s3.S3StorageConfig;
import com.bmo.learning.aws.s3.UploadOptions;
import com.bmo.learning.aws.s3.UploadResult;
import com.bmo.learning.localaws.LocalAwsClients;
import com.bmo.learning.localaws.LocalAwsEndpoint;
import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.zip.CRC32C;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Uploads a generated stream of unknown length (1 GiB by default) through {@link S3Storage} and reports
 * whether it completed and how much heap it needed. Meant to run with {@code -Xmx128m}: the client's
 * memory must be bounded by its part buffers, not by the object.
 *
 * <p>The endpoint runs in a child JVM (the embedded {@link LocalAwsEndpoint}, or {@code AWS_ENDPOINT_URL}
 * if set), so that the heap measured here is the client's alone.
 *
 * <pre>java -Xmx128m -cp ... com.bmo.learning.benchmarks.s3.StreamedUploadHarness [bytes]</pre>
 */
public final class StreamedUploadHarness {

  private static final String SERVE = "--serve-endpoint";
  private static final String BUCKET = "harness";
  private static final long GIB = 1024L * 1024 * 1024;

  private StreamedUploadHarness() {
  }

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && SERVE.equals(args[0])) {
      serveEndpoint();
      return;
    }
    long size = args.length > 0 ? Long.parseLong(args[0]) : GIB;
    HeapWatcher heap = HeapWatcher.start();
    String external = System.getenv("AWS_ENDPOINT_URL");
    Process child = null;
    URI endpoint;
    if (external != null && !external.isBlank()) {
      endpoint = URI.create(external.trim());
    } else {
      child = startEndpointProcess();
      endpoint = readEndpoint(child);
    }
    int exit = 1;
    try {
      exit = run(endpoint, size, heap);
    } finally {
      if (child != null) {
        child.getOutputStream().close(); // the child exits when its stdin closes
        child.destroy();
      }
    }
    System.exit(exit);
  }

  private static int run(URI endpoint, long size, HeapWatcher heap) throws IOException {
    try (S3Client admin = LocalAwsClients.s3(endpoint, LocalAwsEndpoint.DEFAULT_REGION)) {
      if (admin.listBuckets().buckets().stream().noneMatch(b -> b.name().equals(BUCKET))) {
        admin.createBucket(b -> b.bucket(BUCKET));
      }
    }
    S3StorageConfig config = S3StorageConfig.builder()
        .endpoint(endpoint)
        .region(LocalAwsEndpoint.DEFAULT_REGION)
        .credentialsProvider(LocalAwsClients.TEST_CREDENTIALS)
        .environment(Map.of())
        // S3Mock 4.12.4 supports only composite multipart checksums (adobe/S3Mock#2843).
        .multipartChecksum(System.getenv("AWS_ENDPOINT_URL") == null ? MultipartChecksum.COMPOSITE
            : MultipartChecksum.FULL_OBJECT)
        .build();
    GeneratedStream in = new GeneratedStream(size, 20240601L);
    long started = System.nanoTime();
    UploadResult result;
    ObjectMetadata stored;
    try (S3Storage storage = S3Storage.create(config)) {
      result = storage.upload(BUCKET, "streamed.bin", in, UploadOptions.none());
      stored = storage.head(BUCKET, "streamed.bin");
      storage.delete(BUCKET, "streamed.bin");
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    String expectedCrc = Base64.getEncoder().encodeToString(new byte[] {
        (byte) (in.crc() >>> 24), (byte) (in.crc() >>> 16), (byte) (in.crc() >>> 8), (byte) in.crc()});
    boolean ok = result.size() == size && stored.size() == size && result.crc32c().equals(expectedCrc);
    long maxHeap = Runtime.getRuntime().maxMemory();
    System.out.printf("streamed upload: %s%n", ok ? "SUCCESS" : "FAILED");
    System.out.printf("  bytes: %d (%.0f MiB), parts: %d, part size: %d MiB, parts in flight: %d%n",
        result.size(), result.size() / 1048576.0, result.parts(), config.partSize() >> 20,
        config.partConcurrency());
    System.out.printf("  CRC32C client %s, expected %s; S3 checksum %s%n", result.crc32c(), expectedCrc,
        result.checksum().value());
    System.out.printf("  time: %.1f s (%.0f MiB/s)%n", seconds, size / 1048576.0 / seconds);
    System.out.printf("  max heap (-Xmx): %d MiB%n", maxHeap >> 20);
    System.out.printf("  peak heap used (sampled every 5 ms, garbage included): %.1f MiB%n",
        heap.peakUsed() / 1048576.0);
    System.out.printf("  peak heap live after GC: %.1f MiB over %d collections%n",
        heap.peakAfterGc() / 1048576.0, heap.collections());
    return ok ? 0 : 1;
  }

  /** The child JVM: starts the embedded endpoint, prints its URL, runs until stdin closes. */
  private static void serveEndpoint() throws IOException {
    try (LocalAwsEndpoint endpoint = LocalAwsEndpoint.builder().port(0).start()) {
      System.out.println("ENDPOINT " + endpoint.endpoint());
      System.out.flush();
      while (System.in.read() >= 0) {
        // wait for the parent to close our stdin
      }
    }
    System.exit(0);
  }

  private static Process startEndpointProcess() throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
        StreamedUploadHarness.class.getName(), SERVE)
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
  }

  private static URI readEndpoint(Process child) throws IOException {
    BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
        StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null) {
      if (line.startsWith("ENDPOINT ")) {
        URI uri = URI.create(line.substring("ENDPOINT ".length()).trim());
        Thread drain = new Thread(() -> {
          try {
            while (out.readLine() != null) {
              // keep the child's stdout flowing
            }
          } catch (IOException ignored) {
            // child gone
          }
        }, "endpoint-output");
        drain.setDaemon(true);
        drain.start();
        return uri;
      }
    }
    throw new IllegalStateException("endpoint process exited before reporting its URL");
  }

  /** Pseudo-random bytes of a fixed length that does not tell its length; CRC32C computed as read. */
  static final class GeneratedStream extends InputStream {
    private final long size;
    private final SplittableRandom random;
    private final CRC32C crc = new CRC32C();
    private long position;

    GeneratedStream(long size, long seed) {
      this.size = size;
      this.random = new SplittableRandom(seed);
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (position >= size) {
        return -1;
      }
      int n = (int) Math.min(len, size - position);
      int i = 0;
      for (; i + 8 <= n; i += 8) {
        long v = random.nextLong();
        for (int k = 0; k < 8; k++) {
          b[off + i + k] = (byte) (v >>> (k * 8));
        }
      }
      for (; i < n; i++) {
        b[off + i] = (byte) random.nextInt(256);
      }
      crc.update(b, off, n);
      position += n;
      return n;
    }

    int crc() {
      return (int) crc.getValue();
    }
  }

  /** Samples heap use, and records the heap still live after each garbage collection. */
  static final class HeapWatcher {
    private final AtomicLong peakUsed = new AtomicLong();
    private final AtomicLong peakAfterGc = new AtomicLong();
    private final AtomicLong collections = new AtomicLong();

    static HeapWatcher start() {
      HeapWatcher w = new HeapWatcher();
      Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
          .collect(Collectors.toSet());
      for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
          if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
              notification.getType())) {
            return;
          }
          GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
              (CompositeData) notification.getUserData());
          long live = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
              .filter(e -> heapPools.contains(e.getKey())).map(Map.Entry::getValue)
              .mapToLong(MemoryUsage::getUsed).sum();
          w.peakAfterGc.accumulateAndGet(live, Math::max);
          w.collections.incrementAndGet();
        }, null, null);
      }
      Thread sampler = new Thread(() -> {
        while (true) {
          w.peakUsed.accumulateAndGet(
              ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
          try {
            Thread.sleep(5);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "heap-sampler");
      sampler.setDaemon(true);
      sampler.start();
      return w;
    }

    long peakUsed() {
      return peakUsed.get();
    }

    long peakAfterGc() {
      return peakAfterGc.get();
    }

    long collections() {
      return collections.get();
    }
  }
}
