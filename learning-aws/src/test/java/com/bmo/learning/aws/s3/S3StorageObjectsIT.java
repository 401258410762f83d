package com.bmo.learning.aws.s3;

import static com.bmo.learning.aws.s3.Fixtures.putKeys;
import static com.bmo.learning.aws.s3.Fixtures.randomBytes;
import static com.bmo.learning.aws.s3.Fixtures.storage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.bmo.learning.localaws.junit.LocalAwsTarget;
import com.bmo.learning.localaws.junit.LocalAwsTest;
import com.bmo.learning.localaws.junit.TestBucket;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

@LocalAwsTest
class S3StorageObjectsIT {

  @Test
  void existsAndDelete(LocalAwsTarget target, TestBucket bucket) {
    try (S3Storage storage = storage(target)) {
      storage.upload(bucket.name(), "x.txt", "x".getBytes(), UploadOptions.none());
      assertThat(storage.exists(bucket.name(), "x.txt")).isTrue();
      assertThat(storage.exists(bucket.name(), "y.txt")).isFalse();
      storage.delete(bucket.name(), "x.txt");
      assertThat(storage.exists(bucket.name(), "x.txt")).isFalse();
      storage.delete(bucket.name(), "x.txt"); // deleting again is fine, as in S3
    }
  }

  @Test
  void batchDeleteWithAMissingKeyReportsEveryKey(LocalAwsTarget target, TestBucket bucket) {
    try (S3Storage storage = storage(target)) {
      storage.upload(bucket.name(), "a", new byte[] {1}, UploadOptions.none());
      storage.upload(bucket.name(), "b", new byte[] {2}, UploadOptions.none());
      DeleteResult r = storage.deleteAll(bucket.name(), List.of("a", "never-existed", "b", "a"));
      // S3 treats a missing key as deleted; duplicates are sent once.
      assertThat(r.deleted()).containsExactly("a", "never-existed", "b");
      assertThat(r.failures()).isEmpty();
      assertThat(r.allDeleted()).isTrue();
      assertThat(storage.list(bucket.name(), null)).isEmpty();
    }
  }

  @Test
  void batchDeleteOf1500KeysUsesBatchesOf1000(LocalAwsTarget target, TestBucket bucket, S3Client s3)
      throws Exception {
    List<String> keys = IntStream.range(0, 1500).mapToObj(i -> "del/" + i).toList();
    putKeys(s3, bucket.name(), keys);
    try (S3Storage storage = storage(target)) {
      List<String> withMissing = new ArrayList<>(keys);
      withMissing.add("del/missing");
      DeleteResult r = storage.deleteAll(bucket.name(), withMissing);
      assertThat(r.deleted()).hasSize(1501);
      assertThat(r.failures()).isEmpty();
      assertThat(storage.list(bucket.name(), "del/").count()).isZero();
    }
  }

  @Test
  void batchDeleteValidatesEveryKeyBeforeDeletingAny(LocalAwsTarget target, TestBucket bucket) {
    try (S3Storage storage = storage(target)) {
      storage.upload(bucket.name(), "keep", new byte[] {1}, UploadOptions.none());
      assertThat(catchThrowableOfType(() -> storage.deleteAll(bucket.name(),
          List.of("keep", "k".repeat(1025))), InvalidKeyException.class)).isNotNull();
      assertThat(storage.exists(bucket.name(), "keep")).isTrue();
    }
  }

  @Test
  void copyKeepsContentTypeAndMetadata(LocalAwsTarget target, TestBucket bucket) {
    byte[] data = randomBytes(50_000, 20);
    try (S3Storage storage = storage(target)) {
      storage.upload(bucket.name(), "src/lesson.pdf", data,
          UploadOptions.builder().metadata("learner_id", "42").build());
      CopyResult r = storage.copy(bucket.name(), "src/lesson.pdf", bucket.name(), "dst/lesson-copy.pdf");
      assertThat(r.eTag()).isNotBlank();
      assertThat(storage.readAllBytes(bucket.name(), "dst/lesson-copy.pdf")).isEqualTo(data);
      ObjectMetadata meta = storage.head(bucket.name(), "dst/lesson-copy.pdf");
      assertThat(meta.contentType()).isEqualTo("application/pdf");
      assertThat(meta.metadata()).containsEntry("learner_id", "42");
      assertThat(storage.exists(bucket.name(), "src/lesson.pdf")).isTrue();
    }
  }

  @Test
  void copyBetweenBuckets(LocalAwsTarget target, TestBucket bucket, S3Client s3) {
    String other = bucket.name().length() > 55 ? bucket.name().substring(0, 55) + "-copy"
        : bucket.name() + "-copy";
    s3.createBucket(b -> b.bucket(other));
    try (S3Storage storage = storage(target)) {
      storage.upload(bucket.name(), "a.txt", "between buckets".getBytes(), UploadOptions.none());
      storage.copy(bucket.name(), "a.txt", other, "b.txt");
      assertThat(storage.readAllBytes(other, "b.txt")).isEqualTo("between buckets".getBytes());
    } finally {
      s3.deleteObject(b -> b.bucket(other).key("b.txt"));
      s3.deleteBucket(b -> b.bucket(other));
    }
  }

  @Test
  void headReportsSizeETagAndChecksum(LocalAwsTarget target, TestBucket bucket) {
    byte[] data = randomBytes(1234, 21);
    try (S3Storage storage = storage(target)) {
      UploadResult up = storage.upload(bucket.name(), "h.bin", data, UploadOptions.none());
      ObjectMetadata meta = storage.head(bucket.name(), "h.bin");
      assertThat(meta.size()).isEqualTo(1234);
      assertThat(meta.eTag()).isEqualTo(up.eTag());
      assertThat(meta.checksum()).isEqualTo(up.checksum());
      assertThat(meta.bucket()).isEqualTo(bucket.name());
      assertThat(meta.key()).isEqualTo("h.bin");
    }
  }
}
