package com.bmo.learning.aws.s3;

import static com.bmo.learning.aws.s3.Fixtures.storage;
import static org.assertj.core.api.Assertions.assertThat;

import com.bmo.learning.localaws.junit.LocalAwsTarget;
import com.bmo.learning.localaws.junit.LocalAwsTest;
import com.bmo.learning.localaws.junit.TestBucket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@LocalAwsTest
class S3StorageBatchIT {

  @Test
  void uploadsADirectoryTreeUnderAPrefix(LocalAwsTarget target, TestBucket bucket, @TempDir Path dir)
      throws Exception {
    Files.createDirectories(dir.resolve("unit1/images"));
    Files.writeString(dir.resolve("syllabus.md"), "# Syllabus");
    Files.writeString(dir.resolve("unit1/lesson1.md"), "# Lesson 1");
    Files.write(dir.resolve("unit1/images/diagram.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    for (int i = 0; i < 10; i++) {
      Files.writeString(dir.resolve("unit1/note" + i + ".txt"), "note " + i);
    }
    try (S3Storage storage = storage(target, c -> c.batchParallelism(3))) {
      BatchUploadResult r = storage.uploadDirectory(bucket.name(), dir, "courses/algebra/");
      assertThat(r.allUploaded()).isTrue();
      assertThat(r.results()).hasSize(13);
      assertThat(storage.list(bucket.name(), "courses/algebra/").map(ObjectSummary::key).toList())
          .contains("courses/algebra/syllabus.md", "courses/algebra/unit1/lesson1.md",
              "courses/algebra/unit1/images/diagram.png", "courses/algebra/unit1/note9.txt")
          .hasSize(13);
      assertThat(storage.head(bucket.name(), "courses/algebra/unit1/images/diagram.png").contentType())
          .isEqualTo("image/png");
      assertThat(storage.readAllBytes(bucket.name(), "courses/algebra/unit1/lesson1.md"))
          .isEqualTo("# Lesson 1".getBytes());
    }
  }

  @Test
  void oneBadFileDoesNotStopTheOthers(LocalAwsTarget target, TestBucket bucket, @TempDir Path dir)
      throws Exception {
    List<FileUpload> files = new java.util.ArrayList<>(IntStream.range(0, 6).mapToObj(i -> {
      Path p = dir.resolve("f" + i + ".txt");
      try {
        Files.writeString(p, "file " + i);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return FileUpload.of(p, "batch/f" + i + ".txt");
    }).toList());
    files.add(2, FileUpload.of(dir.resolve("does-not-exist.txt"), "batch/missing.txt"));
    files.add(FileUpload.of(dir.resolve("f0.txt"), "k".repeat(1100)));
    try (S3Storage storage = storage(target, c -> c.batchParallelism(2))) {
      BatchUploadResult r = storage.uploadAll(bucket.name(), files);
      assertThat(r.results()).hasSize(8);
      assertThat(r.results()).extracting(FileUploadResult::key)
          .containsExactlyElementsOf(files.stream().map(FileUpload::key).toList());
      assertThat(r.uploaded()).hasSize(6);
      assertThat(r.failed()).hasSize(2);
      FileUploadResult.Failed missing = r.failed().get(0);
      assertThat(missing.key()).isEqualTo("batch/missing.txt");
      assertThat(missing.error()).isInstanceOf(LocalIoException.class)
          .hasMessageContaining("does-not-exist.txt");
      assertThat(r.failed().get(1).error()).isInstanceOf(InvalidKeyException.class);
      assertThat(r.results().get(2)).isInstanceOf(FileUploadResult.Failed.class);
      assertThat(storage.list(bucket.name(), "batch/").count()).isEqualTo(6);
    }
  }
}
