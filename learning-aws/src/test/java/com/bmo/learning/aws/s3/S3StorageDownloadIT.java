package com.bmo.learning.aws.s3;

import static com.bmo.learning.aws.s3.Fixtures.crc32c;
import static com.bmo.learning.aws.s3.Fixtures.randomBytes;
import static com.bmo.learning.aws.s3.Fixtures.storage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.bmo.learning.localaws.junit.LocalAwsTarget;
import com.bmo.learning.localaws.junit.LocalAwsTest;
import com.bmo.learning.localaws.junit.TestBucket;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

@LocalAwsTest
class S3StorageDownloadIT {

  @Test
  void downloadToFileIsVerifiedAndCreatesParentDirectories(LocalAwsTarget target, TestBucket bucket,
      @TempDir Path dir) throws Exception {
    byte[] data = randomBytes(300_000, 10);
    try (S3Storage storage = storage(target)) {
      storage.upload(bucket.name(), "lessons/a.bin", data, UploadOptions.none());
      Path out = dir.resolve("nested/deeper/a.bin");
      DownloadResult r = storage.download(bucket.name(), "lessons/a.bin", out);
      assertThat(Files.readAllBytes(out)).isEqualTo(data);
      assertThat(r.verification()).isEqualTo(DownloadResult.Verification.VERIFIED);
      assertThat(r.checksum()).isEqualTo(ObjectChecksum.crc32c(crc32c(data)));
      assertThat(r.size()).isEqualTo(data.length);
      try (Stream<Path> files = Files.list(out.getParent())) {
        assertThat(files).containsExactly(out); // no temporary file left beside it
      }
    }
  }

  @Test
  void failedDownloadLeavesNoFileAndKeepsAnExistingOne(LocalAwsTarget target, TestBucket bucket,
      @TempDir Path dir) throws Exception {
    try (S3Storage storage = storage(target)) {
      Path fresh = dir.resolve("fresh.txt");
      assertThat(catchThrowableOfType(() -> storage.download(bucket.name(), "missing.txt", fresh),
          ObjectNotFoundException.class)).isNotNull();
      assertThat(fresh).doesNotExist();

      Path existing = dir.resolve("existing.txt");
      Files.writeString(existing, "previous version");
      assertThat(catchThrowableOfType(() -> storage.download(bucket.name(), "missing.txt", existing),
          ObjectNotFoundException.class)).isNotNull();
      assertThat(existing).hasContent("previous version");
      try (Stream<Path> files = Files.list(dir)) {
        assertThat(files).containsExactly(existing);
      }
    }
  }

  @Test
  void downloadReplacesAnExistingFileAtomically(LocalAwsTarget target, TestBucket bucket,
      @TempDir Path dir) throws Exception {
    try (S3Storage storage = storage(target)) {
      storage.upload(bucket.name(), "v.txt", "new version".getBytes(), UploadOptions.none());
      Path existing = dir.resolve("v.txt");
      Files.writeString(existing, "old version, longer than the new one");
      storage.download(bucket.name(), "v.txt", existing);
      assertThat(existing).hasContent("new version");
    }
  }

  @Test
  void downloadToStream(LocalAwsTarget target, TestBucket bucket) {
    byte[] data = randomBytes(70_000, 11);
    try (S3Storage storage = storage(target)) {
      storage.upload(bucket.name(), "s.bin", data, UploadOptions.none());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      DownloadResult r = storage.download(bucket.name(), "s.bin", out);
      assertThat(out.toByteArray()).isEqualTo(data);
      assertThat(r.verification()).isEqualTo(DownloadResult.Verification.VERIFIED);
    }
  }

  @Test
  void rangedReads(LocalAwsTarget target, TestBucket bucket) {
    byte[] data = randomBytes(10_000, 12);
    try (S3Storage storage = storage(target)) {
      storage.upload(bucket.name(), "r.bin", data, UploadOptions.none());
      String b = bucket.name();
      assertThat(storage.readRange(b, "r.bin", ByteRange.of(0, 99))).isEqualTo(Arrays.copyOf(data, 100));
      assertThat(storage.readRange(b, "r.bin", ByteRange.of(5000, 5000)))
          .isEqualTo(new byte[] {data[5000]});
      assertThat(storage.readRange(b, "r.bin", ByteRange.from(9990)))
          .isEqualTo(Arrays.copyOfRange(data, 9990, 10_000));
      assertThat(storage.readRange(b, "r.bin", ByteRange.lastBytes(3)))
          .isEqualTo(Arrays.copyOfRange(data, 9997, 10_000));
      // A range past the end is cut to the object, as HTTP says.
      assertThat(storage.readRange(b, "r.bin", ByteRange.of(9998, 20_000)))
          .isEqualTo(Arrays.copyOfRange(data, 9998, 10_000));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      DownloadResult r = storage.download(b, "r.bin", ByteRange.of(10, 19), out);
      assertThat(out.toByteArray()).isEqualTo(Arrays.copyOfRange(data, 10, 20));
      assertThat(r.verification()).isEqualTo(DownloadResult.Verification.RANGE_NOT_VERIFIABLE);
      assertThat(r.size()).isEqualTo(10);
    }
  }

  @Test
  void rangeStartingPastTheEndIsARequestError(LocalAwsTarget target, TestBucket bucket) {
    try (S3Storage storage = storage(target)) {
      storage.upload(bucket.name(), "r.bin", new byte[10], UploadOptions.none());
      StorageRequestException e = catchThrowableOfType(
          () -> storage.readRange(bucket.name(), "r.bin", ByteRange.from(50)), StorageRequestException.class);
      assertThat(e.statusCode()).isEqualTo(416);
      assertThat(e.key()).contains("r.bin");
    }
  }

  @Test
  void objectsWrittenByOtherToolsWithTheSdkDefaultCrc32AreVerifiedToo(LocalAwsTarget target,
      TestBucket bucket, S3Client s3) {
    // The plain SDK client adds its default CRC32 checksum to uploads.
    s3.putObject(b -> b.bucket(bucket.name()).key("other.txt"), RequestBody.fromString("from elsewhere"));
    try (S3Storage storage = storage(target)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      DownloadResult r = storage.download(bucket.name(), "other.txt", out);
      assertThat(out.toString()).isEqualTo("from elsewhere");
      assertThat(r.checksum().algorithm()).isEqualTo("CRC32");
      assertThat(r.verification()).isEqualTo(DownloadResult.Verification.VERIFIED);
    }
  }
}
