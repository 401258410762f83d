package com.bmo.learning.aws.s3;

import static com.bmo.learning.aws.s3.Fixtures.storage;
import static org.assertj.core.api.Assertions.assertThat;

import com.bmo.learning.localaws.junit.LocalAwsTarget;
import com.bmo.learning.localaws.junit.LocalAwsTest;
import com.bmo.learning.localaws.junit.TestBucket;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Random;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

@LocalAwsTest
@Tag("slow")
class S3StorageLargeObjectIT {

  private static final int SIZE = 64 * 1024 * 1024;

  @Test
  void multipartUploadAndDownloadOf64MiBWithChecksums(LocalAwsTarget target, TestBucket bucket,
      S3Client s3, @TempDir Path dir) throws Exception {
    Path source = dir.resolve("source.bin");
    CRC32C crc = new CRC32C();
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    Random random = new Random(64);
    byte[] block = new byte[1024 * 1024];
    try (OutputStream out = Files.newOutputStream(source)) {
      for (int i = 0; i < SIZE / block.length; i++) {
        random.nextBytes(block);
        crc.update(block);
        sha.update(block);
        out.write(block);
      }
    }
    String expectedCrc = Crc32c.toBase64(crc.getValue());
    byte[] expectedSha = sha.digest();

    try (S3Storage storage = storage(target)) {
      UploadResult up = storage.upload(bucket.name(), "large/video.bin", source);
      assertThat(up.parts()).isEqualTo(8); // 8 MiB parts
      assertThat(up.size()).isEqualTo(SIZE);
      assertThat(up.crc32c()).isEqualTo(expectedCrc);
      // S3 verified each part's CRC32C; the client compared the object checksum S3 reported with its own:
      // full-object on AWS, composite of the 8 part checksums on the embedded endpoint.
      if (target.embedded()) {
        assertThat(up.checksum().value()).endsWith("-8");
      } else {
        assertThat(up.checksum().value()).isEqualTo(expectedCrc);
      }
      assertThat(s3.listMultipartUploads(b -> b.bucket(bucket.name())).uploads()).isEmpty();

      Path target1 = dir.resolve("downloaded.bin");
      DownloadResult down = storage.download(bucket.name(), "large/video.bin", target1);
      assertThat(down.size()).isEqualTo(SIZE);
      assertThat(Files.size(target1)).isEqualTo(SIZE);
      MessageDigest check = MessageDigest.getInstance("SHA-256");
      CRC32C downloadedCrc = new CRC32C();
      try (InputStream in = Files.newInputStream(target1)) {
        byte[] buf = new byte[1024 * 1024];
        for (int n; (n = in.read(buf)) > 0; ) {
          check.update(buf, 0, n);
          downloadedCrc.update(buf, 0, n);
        }
      }
      assertThat(check.digest()).isEqualTo(expectedSha);
      assertThat(Crc32c.toBase64(downloadedCrc.getValue())).isEqualTo(expectedCrc);
      assertThat(down.verification()).isEqualTo(target.embedded()
          ? DownloadResult.Verification.COMPOSITE_NOT_VERIFIABLE
          : DownloadResult.Verification.VERIFIED);
    }
  }
}
