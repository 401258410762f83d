package com.bmo.learning.aws.s3;

import static com.bmo.learning.aws.s3.Fixtures.crc32c;
import static com.bmo.learning.aws.s3.Fixtures.randomBytes;
import static com.bmo.learning.aws.s3.Fixtures.storage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.bmo.learning.localaws.junit.LocalAwsTarget;
import com.bmo.learning.localaws.junit.LocalAwsTest;
import com.bmo.learning.localaws.junit.TestBucket;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

@LocalAwsTest
class S3StorageUploadIT {

  private static final long MIB = S3StorageConfig.MIB;

  @Test
  void userMetadataAndContentTypeRoundTrip(LocalAwsTarget target, TestBucket bucket, S3Client s3) {
    try (S3Storage storage = storage(target)) {
      storage.upload(bucket.name(), "lessons/intro.md", "# Intro".getBytes(StandardCharsets.UTF_8),
          UploadOptions.builder().metadata("learner_id", "42").metadata("Course", "algebra-1").build());

      ObjectMetadata meta = storage.head(bucket.name(), "lessons/intro.md");
      assertThat(meta.metadata()).containsEntry("learner_id", "42").containsEntry("course", "algebra-1");
      assertThat(meta.contentType()).isEqualTo("text/markdown");
      assertThat(meta.size()).isEqualTo(7);
      assertThat(meta.lastModified()).isNotNull();
      assertThat(meta.checksum()).isEqualTo(ObjectChecksum.crc32c(crc32c("# Intro".getBytes())));
      // What any other S3 client sees, too.
      HeadObjectResponse raw = s3.headObject(b -> b.bucket(bucket.name()).key("lessons/intro.md")
          .checksumMode(ChecksumMode.ENABLED));
      assertThat(raw.metadata()).containsEntry("learner_id", "42");
      assertThat(raw.checksumCRC32C()).isEqualTo(crc32c("# Intro".getBytes()));
    }
  }

  @Test
  void contentTypeIsDetectedGivenOrDefaulted(LocalAwsTarget target, TestBucket bucket, @TempDir Path dir)
      throws Exception {
    try (S3Storage storage = storage(target)) {
      String b = bucket.name();
      storage.upload(b, "doc.pdf", new byte[] {1}, UploadOptions.none());
      storage.upload(b, "data", new byte[] {1}, UploadOptions.builder().contentType("application/json")
          .build());
      storage.upload(b, "blob", new byte[] {1}, UploadOptions.none());
      Path file = dir.resolve("photo.png");
      Files.write(file, new byte[] {1, 2, 3});
      UploadResult fromFile = storage.upload(b, "uploads/abc123", file); // key has no extension
      assertThat(storage.head(b, "doc.pdf").contentType()).isEqualTo("application/pdf");
      assertThat(storage.head(b, "data").contentType()).isEqualTo("application/json");
      assertThat(storage.head(b, "blob").contentType()).isEqualTo("application/octet-stream");
      assertThat(storage.head(b, "uploads/abc123").contentType()).isEqualTo("image/png");
      assertThat(fromFile.contentType()).isEqualTo("image/png");
    }
  }

  @Test
  void smallUploadsAreSinglePutsWithTheirChecksum(LocalAwsTarget target, TestBucket bucket) {
    byte[] data = randomBytes(100_000, 1);
    try (S3Storage storage = storage(target)) {
      UploadResult r = storage.upload(bucket.name(), "small.bin", data, UploadOptions.none());
      assertThat(r.multipart()).isFalse();
      assertThat(r.size()).isEqualTo(data.length);
      assertThat(r.crc32c()).isEqualTo(crc32c(data));
      assertThat(r.checksum().value()).isEqualTo(crc32c(data));
      assertThat(storage.readAllBytes(bucket.name(), "small.bin")).isEqualTo(data);
    }
  }

  @Test
  void emptyObjectsCanBeUploadedFromEverySource(LocalAwsTarget target, TestBucket bucket) {
    try (S3Storage storage = storage(target)) {
      storage.upload(bucket.name(), "e1", new byte[0], UploadOptions.none());
      storage.upload(bucket.name(), "e2", InputStream.nullInputStream(), UploadOptions.none());
      storage.upload(bucket.name(), "e3", InputStream.nullInputStream(), 0, UploadOptions.none());
      for (String key : new String[] {"e1", "e2", "e3"}) {
        assertThat(storage.head(bucket.name(), key).size()).isZero();
      }
    }
  }

  @Test
  void unknownLengthStreamGoesMultipartOnceItExceedsAPart(LocalAwsTarget target, TestBucket bucket) {
    byte[] data = randomBytes((int) (12 * MIB + 5), 2);
    try (S3Storage storage = storage(target, c -> c.partSize(5 * MIB).multipartThreshold(5 * MIB))) {
      UploadResult r = storage.upload(bucket.name(), "stream.bin", new ByteArrayInputStream(data),
          UploadOptions.none());
      assertThat(r.parts()).isEqualTo(3);
      assertThat(r.size()).isEqualTo(data.length);
      assertThat(r.crc32c()).isEqualTo(crc32c(data));
      assertThat(storage.readAllBytes(bucket.name(), "stream.bin")).isEqualTo(data);
    }
  }

  @Test
  void unknownLengthStreamOfOnePartIsASinglePut(LocalAwsTarget target, TestBucket bucket) {
    byte[] data = randomBytes((int) (5 * MIB), 3);
    try (S3Storage storage = storage(target, c -> c.partSize(5 * MIB).multipartThreshold(5 * MIB))) {
      UploadResult r = storage.upload(bucket.name(), "exact.bin", new ByteArrayInputStream(data),
          UploadOptions.none());
      assertThat(r.multipart()).isFalse();
      assertThat(storage.head(bucket.name(), "exact.bin").checksum().isComposite()).isFalse();
    }
  }

  @Test
  void knownLengthStreamReadsExactlyTheDeclaredBytes(LocalAwsTarget target, TestBucket bucket) {
    byte[] data = randomBytes(1000, 4);
    try (S3Storage storage = storage(target)) {
      ByteArrayInputStream in = new ByteArrayInputStream(data);
      UploadResult r = storage.upload(bucket.name(), "first-600", in, 600, UploadOptions.none());
      assertThat(r.size()).isEqualTo(600);
      assertThat(in.available()).isEqualTo(400); // the rest is left for the caller
      assertThat(storage.readAllBytes(bucket.name(), "first-600"))
          .isEqualTo(java.util.Arrays.copyOf(data, 600));
    }
  }

  @Test
  void streamShorterThanDeclaredFailsAndStoresNothing(LocalAwsTarget target, TestBucket bucket,
      S3Client s3) {
    try (S3Storage storage = storage(target, c -> c.partSize(5 * MIB).multipartThreshold(5 * MIB))) {
      LocalIoException small = catchThrowableOfType(() -> storage.upload(bucket.name(), "short",
          new ByteArrayInputStream(new byte[10]), 20, UploadOptions.none()), LocalIoException.class);
      assertThat(small.getMessage()).contains("10 of its declared 20 bytes");
      LocalIoException big = catchThrowableOfType(() -> storage.upload(bucket.name(), "short-big",
          new ByteArrayInputStream(new byte[(int) (7 * MIB)]), 12 * MIB, UploadOptions.none()),
          LocalIoException.class);
      assertThat(big.key()).contains("short-big");
      assertThat(storage.exists(bucket.name(), "short")).isFalse();
      assertThat(storage.exists(bucket.name(), "short-big")).isFalse();
      // The multipart upload was aborted: no parts left behind.
      assertThat(s3.listMultipartUploads(b -> b.bucket(bucket.name())).uploads()).isEmpty();
    }
  }

  @Test
  void fileUploadAboveThresholdIsMultipart(LocalAwsTarget target, TestBucket bucket, @TempDir Path dir)
      throws Exception {
    byte[] data = randomBytes((int) (11 * MIB), 5);
    Path file = dir.resolve("archive.zip");
    Files.write(file, data);
    try (S3Storage storage = storage(target, c -> c.partSize(5 * MIB).multipartThreshold(10 * MIB))) {
      UploadResult r = storage.upload(bucket.name(), "backups/archive.zip", file);
      assertThat(r.parts()).isEqualTo(3);
      assertThat(r.contentType()).isEqualTo("application/zip");
      ObjectMetadata meta = storage.head(bucket.name(), "backups/archive.zip");
      assertThat(meta.size()).isEqualTo(data.length);
      assertThat(meta.contentType()).isEqualTo("application/zip");
      assertThat(meta.checksum()).isEqualTo(r.checksum());
    }
  }

  @Test
  void expectedChecksumThatDoesNotMatchStoresNothing(LocalAwsTarget target, TestBucket bucket,
      S3Client s3) {
    byte[] data = randomBytes((int) (6 * MIB), 6);
    String wrong = crc32c("not this content".getBytes());
    try (S3Storage storage = storage(target, c -> c.partSize(5 * MIB).multipartThreshold(5 * MIB))) {
      ChecksumMismatchException single = catchThrowableOfType(() -> storage.upload(bucket.name(), "s.bin",
          new byte[] {1, 2, 3}, UploadOptions.builder().expectedCrc32c(wrong).build()),
          ChecksumMismatchException.class);
      assertThat(single.expected()).contains(wrong);
      assertThat(single.actual()).contains(crc32c(new byte[] {1, 2, 3}));
      ChecksumMismatchException multi = catchThrowableOfType(() -> storage.upload(bucket.name(), "m.bin",
          new ByteArrayInputStream(data), UploadOptions.builder().expectedCrc32c(wrong).build()),
          ChecksumMismatchException.class);
      assertThat(multi.actual()).contains(crc32c(data));
      assertThat(storage.exists(bucket.name(), "s.bin")).isFalse();
      assertThat(storage.exists(bucket.name(), "m.bin")).isFalse();
      assertThat(s3.listMultipartUploads(b -> b.bucket(bucket.name())).uploads()).isEmpty();

      UploadResult ok = storage.upload(bucket.name(), "m.bin", new ByteArrayInputStream(data),
          UploadOptions.builder().expectedCrc32c(crc32c(data)).build());
      assertThat(ok.crc32c()).isEqualTo(crc32c(data));
    }
  }
}
