package com.bmo.learning.aws.s3;

import com.bmo.learning.localaws.LocalAwsClients;
import com.bmo.learning.localaws.junit.LocalAwsTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.zip.CRC32C;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Shared set-up of the integration tests. */
final class Fixtures {

  private Fixtures() {
  }

  /**
   * A client for the test endpoint. The embedded endpoint (S3Mock 4.12.4) computes composite multipart
   * checksums only (adobe/S3Mock#2843), so multipart uploads use {@link MultipartChecksum#COMPOSITE}
   * there; any other endpoint gets the client's default, full-object checksums.
   */
  static S3Storage storage(LocalAwsTarget target) {
    return storage(target, b -> { });
  }

  static S3Storage storage(LocalAwsTarget target, Consumer<S3StorageConfig.Builder> custom) {
    S3StorageConfig.Builder builder = S3StorageConfig.builder()
        .endpoint(target.endpoint())
        .region(target.region())
        .credentialsProvider(LocalAwsClients.TEST_CREDENTIALS)
        .environment(Map.of())
        .multipartChecksum(target.embedded() ? MultipartChecksum.COMPOSITE : MultipartChecksum.FULL_OBJECT);
    custom.accept(builder);
    return S3Storage.create(builder.build());
  }

  static byte[] randomBytes(int size, long seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return b;
  }

  static String crc32c(byte[] data) {
    CRC32C c = new CRC32C();
    c.update(data);
    return Crc32c.toBase64(c.getValue());
  }

  /** Puts small objects with the plain SDK client, four at a time (set-up, not the code under test). */
  static void putKeys(S3Client s3, String bucket, List<String> keys) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (String key : keys) {
        futures.add(pool.submit(() -> s3.putObject(b -> b.bucket(bucket).key(key),
            RequestBody.fromString(key))));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
