package com.bmo.learning.benchmarks.s3;

import static com.bmo.learning.benchmarks.s3.BenchmarkClients.BUCKET;

import com.bmo.learning.aws.s3.UploadOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * The same comparison as {@link S3StorageBenchmark}, measured in interleaved pairs: each round times one
 * bare SDK call and one client call back to back (alternating which goes first) and keeps their ratio.
 * The median of those ratios is robust to the load of a shared machine changing during the run, which
 * skews JMH's separate, minutes-apart measurements of the two sides.
 *
 * <pre>java -cp ... com.bmo.learning.benchmarks.s3.PairedComparison</pre>
 */
public final class PairedComparison {

  private PairedComparison() {
  }

  @FunctionalInterface
  private interface Call {
    void run();
  }

  public static void main(String[] args) {
    try (BenchmarkClients c = BenchmarkClients.start()) {
      System.out.printf("%-8s %-22s %6s %12s %12s %14s %16s%n", "size", "operation", "pairs", "bare ms",
          "client ms", "ratio median", "ratio p25..p75");
      int[] sizes = {1024, 1024 * 1024, 64 * 1024 * 1024};
      int[] rounds = {300, 80, 10};
      for (int s = 0; s < sizes.length; s++) {
        byte[] data = new byte[sizes[s]];
        new Random(sizes[s]).nextBytes(data);
        c.storage().upload(BUCKET, "read-me", data, UploadOptions.none());
        int n = rounds[s];
        String label = sizes[s] >= 1 << 20 ? (sizes[s] >> 20) + " MiB" : (sizes[s] >> 10) + " KiB";
        compare(label, "put", n,
            () -> c.bare().putObject(b -> b.bucket(BUCKET).key("put-bare"), RequestBody.fromBytes(data)),
            () -> c.storage().upload(BUCKET, "put-storage", data, UploadOptions.none()));
        if (sizes[s] > 16 * 1024 * 1024) {
          // The endpoint's own cost of multipart: the bare SDK doing the same 8 parts, one at a time.
          compare(label, "put (bare multipart)", n,
              () -> c.bare().putObject(b -> b.bucket(BUCKET).key("put-bare"), RequestBody.fromBytes(data)),
              () -> bareMultipart(c, data));
          compare(label, "put (single part)", n,
              () -> c.bare().putObject(b -> b.bucket(BUCKET).key("put-bare"), RequestBody.fromBytes(data)),
              () -> c.storageSinglePart().upload(BUCKET, "put-storage", data, UploadOptions.none()));
        }
        compare(label, "get", n,
            () -> c.bare().getObjectAsBytes(b -> b.bucket(BUCKET).key("read-me")).asByteArrayUnsafe(),
            () -> c.storage().readAllBytes(BUCKET, "read-me"));
      }
    }
    System.exit(0);
  }

  /** CreateMultipartUpload, 8 MiB UploadParts in sequence, CompleteMultipartUpload: plain SDK calls. */
  private static void bareMultipart(BenchmarkClients c, byte[] data) {
    String id = c.bare().createMultipartUpload(b -> b.bucket(BUCKET).key("put-bare-mp")).uploadId();
    int part = 8 * 1024 * 1024;
    List<CompletedPart> parts = new ArrayList<>();
    for (int off = 0, n = 1; off < data.length; off += part, n++) {
      int number = n;
      int len = Math.min(part, data.length - off);
      String eTag = c.bare().uploadPart(b -> b.bucket(BUCKET).key("put-bare-mp").uploadId(id)
          .partNumber(number), RequestBody.fromBytes(Arrays.copyOfRange(data, off, off + len))).eTag();
      parts.add(CompletedPart.builder().partNumber(number).eTag(eTag).build());
    }
    c.bare().completeMultipartUpload(b -> b.bucket(BUCKET).key("put-bare-mp").uploadId(id)
        .multipartUpload(m -> m.parts(parts)));
  }

  private static void compare(String size, String operation, int rounds, Call bare, Call client) {
    for (int i = 0; i < Math.max(3, rounds / 5); i++) {
      bare.run();
      client.run();
    }
    List<Double> ratios = new ArrayList<>();
    double[] bareMs = new double[rounds];
    double[] clientMs = new double[rounds];
    for (int i = 0; i < rounds; i++) {
      double b;
      double cl;
      if (i % 2 == 0) {
        b = time(bare);
        cl = time(client);
      } else {
        cl = time(client);
        b = time(bare);
      }
      bareMs[i] = b;
      clientMs[i] = cl;
      ratios.add(cl / b);
    }
    double[] r = ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    System.out.printf("%-8s %-22s %6d %12.2f %12.2f %14.3f %8.3f..%.3f%n", size, operation, rounds,
        median(bareMs), median(clientMs), median(r), r[r.length / 4], r[r.length * 3 / 4]);
  }

  private static double time(Call call) {
    long t = System.nanoTime();
    call.run();
    return (System.nanoTime() - t) / 1e6;
  }

  private static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }
}
