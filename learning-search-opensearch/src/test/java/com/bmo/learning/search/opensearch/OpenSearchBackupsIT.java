package com.bmo.learning.search.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bmo.learning.aws.s3.S3Storage;
import com.bmo.learning.localaws.junit.LocalAwsTarget;
import com.bmo.learning.localaws.junit.LocalAwsTest;
import com.bmo.learning.localaws.junit.TestBucket;
import com.bmo.learning.opensearch.junit.OpenSearchTarget;
import com.bmo.learning.opensearch.junit.OpenSearchTest;
import com.bmo.learning.opensearch.junit.TestIndex;
import com.bmo.learning.search.SearchQuery;
import com.bmo.learning.search.TestChunks;
import com.bmo.learning.search.ContentVersion;
import com.bmo.learning.search.backup.BackupInfo;
import com.bmo.learning.search.backup.IncompatibleBackupException;
import com.bmo.learning.search.backup.BackupIntegrityException;
import com.bmo.learning.search.backup.BackupNotFoundException;
import com.bmo.learning.search.backup.TestStorage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Exports to S3 and restores from them, with the embedded AWS endpoint and a real OpenSearch node. */
@OpenSearchTest
@LocalAwsTest
class OpenSearchBackupsIT {

  private static final int DIM = 16;

  @TempDir
  Path work;

  @Test
  void aRestoreBringsBackTheBackedUpChunksAndSwapsReadersOverAtOnce(OpenSearchTarget node, TestIndex name,
      LocalAwsTarget aws, TestBucket bucket, S3Client s3) {
    try (OpenSearchSearchIndex index = OpenSearchSearchIndex.open(
            OpenSearchSettings.builder(node.endpoint(), name.name()).replicas(0).build(), DIM);
        S3Storage storage = storage(aws)) {
      OpenSearchBackups backups = new OpenSearchBackups(index, storage, work, Clock.systemUTC());
      index.upsert(TestChunks.document("kept", 120, "algebra", DIM));
      BackupInfo backup = backups.backup(bucket.name(), "index/chunks/");
      assertThat(backup.chunkCount()).isEqualTo(120);
      assertThat(backups.list(bucket.name(), "index/chunks/")).containsExactly(backup);

      index.deleteSource(TestChunks.source("kept"));
      index.upsert(TestChunks.document("later", 5, "algebra", DIM));

      OpenSearchBackups.Restore restore = backups.restore(bucket.name(), backup.key());

      assertThat(restore.chunkCount()).isEqualTo(120);
      assertThat(index.count()).isEqualTo(120);
      assertThat(index.countSource(TestChunks.source("later"))).isZero();
      var wanted = TestChunks.chunk("kept", 17, "algebra", DIM);
      assertThat(index.search(SearchQuery.vector(wanted.vector(), 1)).get(0).metadata()).isEqualTo(wanted.metadata());
      assertThat(work).isEmptyDirectory();
    }
  }

  @Test
  void aDamagedOrForeignBackupIsRefusedAndTheIndexKept(OpenSearchTarget node, TestIndex name, LocalAwsTarget aws,
      TestBucket bucket, S3Client s3) {
    try (OpenSearchSearchIndex index = OpenSearchSearchIndex.open(
            OpenSearchSettings.builder(node.endpoint(), name.name()).replicas(0).build(), DIM);
        S3Storage storage = storage(aws)) {
      OpenSearchBackups backups = new OpenSearchBackups(index, storage, work, Clock.systemUTC());
      index.upsert(TestChunks.document("live", 10, "algebra", DIM));
      BackupInfo backup = backups.backup(bucket.name(), "index/chunks/");
      // Same key, other bytes, the original metadata: what a corrupted copy looks like.
      var head = storage.head(bucket.name(), backup.key());
      s3.putObject(b -> b.bucket(bucket.name()).key(backup.key()).metadata(head.metadata()),
          RequestBody.fromBytes(new byte[] {1, 2, 3}));
      s3.putObject(b -> b.bucket(bucket.name()).key("index/chunks/export/foreign.tar.gz"), RequestBody.fromString("x"));

      assertThatThrownBy(() -> backups.restore(bucket.name(), backup.key()))
          .isInstanceOf(BackupIntegrityException.class).hasMessageContaining("SHA-256");
      assertThatThrownBy(() -> backups.restore(bucket.name(), "index/chunks/export/foreign.tar.gz"))
          .isInstanceOf(BackupNotFoundException.class);
      assertThatThrownBy(() -> backups.restore(bucket.name(), "index/chunks/export/none.tar.gz"))
          .isInstanceOf(BackupNotFoundException.class);
      assertThat(index.count()).isEqualTo(10);
      assertThat(backups.list(bucket.name(), "index/chunks/")).extracting(BackupInfo::key)
          .containsExactly(backup.key());
    }
  }

  @Test
  void anExportOfAnotherModelOrChunkerIsRefusedBeforeAnyIndexIsMade(OpenSearchTarget node, TestIndex name,
      LocalAwsTarget aws, TestBucket bucket) {
    ContentVersion made = new ContentVersion("model-a", "2/800/0");
    ContentVersion live = new ContentVersion("model-b", "2/800/0");
    try (OpenSearchSearchIndex index = OpenSearchSearchIndex.open(
            OpenSearchSettings.builder(node.endpoint(), name.name()).replicas(0).build(), DIM, made);
        S3Storage storage = storage(aws)) {
      index.upsert(TestChunks.document("old", 5, "algebra", DIM));
      BackupInfo backup = new OpenSearchBackups(index, storage, work, Clock.systemUTC()).backup(bucket.name(), "x/");
      try (OpenSearchSearchIndex other = OpenSearchSearchIndex.open(
              OpenSearchSettings.builder(node.endpoint(), name.name() + "-b").replicas(0).build(), DIM, live)) {
        other.upsert(TestChunks.document("new", 3, "algebra", DIM));
        assertThatThrownBy(() -> new OpenSearchBackups(other, storage, work, Clock.systemUTC())
            .restore(bucket.name(), backup.key()))
            .isInstanceOfSatisfying(IncompatibleBackupException.class,
                e -> assertThat(e.backupVersion()).isEqualTo(made))
            .hasMessageContaining("model-b");
        assertThat(other.count()).isEqualTo(3);
      }
    }
  }

  private static S3Storage storage(LocalAwsTarget aws) {
    return TestStorage.create(aws);
  }
}
