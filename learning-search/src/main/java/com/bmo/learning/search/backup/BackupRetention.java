package com.bmo.learning.search.backup;

import com.bmo.learning.aws.s3.ObjectSummary;
import com.bmo.learning.aws.s3.S3Storage;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retention: keeps the newest backups of each collection and type, deletes the others, then the
 * incremental repository's files that no kept manifest lists (older than a grace period).
 */
final class BackupRetention {

  private static final Logger LOG = LoggerFactory.getLogger(IndexBackups.class);

  private final S3Storage storage;
  private final BackupCatalogue catalogue;
  private final Clock clock;

  BackupRetention(S3Storage storage, BackupCatalogue catalogue, Clock clock) {
    this.storage = storage;
    this.catalogue = catalogue;
    this.clock = clock;
  }

  RetentionResult apply(String bucket, String prefix, RetentionPolicy policy) {
    String p = BackupCatalogue.normalizePrefix(prefix);
    List<BackupInfo> all = catalogue.list(bucket, p);
    Map<String, Integer> seen = new HashMap<>();
    List<BackupInfo> kept = new ArrayList<>();
    List<BackupInfo> doomed = new ArrayList<>();
    for (BackupInfo b : all) {
      int n = seen.merge(b.collection() + "\u0000" + b.type(), 1, Integer::sum);
      (n <= policy.keepLast() ? kept : doomed).add(b);
    }
    // Read every kept manifest first: a file is deleted only if it is known that none of them needs it.
    Set<String> needed = new HashSet<>();
    for (BackupInfo b : kept) {
      if (b.type() == BackupType.INCREMENTAL && b.key().startsWith(p + BackupCatalogue.MANIFESTS)) {
        IncrementalManifest m = IncrementalBackups.readManifest(storage, bucket, b.key(),
            storage.head(bucket, b.key()).metadata().get(BackupCatalogue.META_SHA256));
        m.files().forEach(e -> needed.add(p + e.object()));
      }
    }
    if (!doomed.isEmpty()) {
      var result = storage.deleteAll(bucket, doomed.stream().map(BackupInfo::key).toList());
      if (!result.failures().isEmpty()) {
        LOG.warn("Retention could not delete {} backups under s3://{}/{}: {}", result.failures().size(),
            bucket, p, result.failures());
      }
    }
    Instant cutoff = clock.instant().minus(policy.gracePeriod());
    List<String> unneeded = new ArrayList<>();
    try (Stream<ObjectSummary> listing = storage.list(bucket, p + BackupCatalogue.FILES)) {
      listing.filter(o -> !needed.contains(o.key()))
          .filter(o -> o.lastModified() == null || !o.lastModified().isAfter(cutoff))
          .forEach(o -> unneeded.add(o.key()));
    }
    List<String> deletedFiles = unneeded.isEmpty() ? List.of()
        : storage.deleteAll(bucket, unneeded).deleted();
    LOG.info("Retention under s3://{}/{}: kept {} backups, deleted {} backups and {} unneeded files", bucket,
        p, kept.size(), doomed.size(), deletedFiles.size());
    return new RetentionResult(kept, doomed, deletedFiles);
  }
}
