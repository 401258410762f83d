package com.bmo.learning.search.backup;

import com.bmo.learning.aws.s3.FileUpload;
import com.bmo.learning.aws.s3.FileUploadResult;
import com.bmo.learning.aws.s3.ObjectSummary;
import com.bmo.learning.aws.s3.S3Storage;
import com.bmo.learning.aws.s3.UploadOptions;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.codec.digest.DigestUtils;
import org.apache.commons.codec.digest.MessageDigestAlgorithms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Incremental backups into a repository prefix: each index file is an object {@code files/<name>-<sha256>}
 * uploaded only if the repository lacks it (index files are never rewritten, so after a small change only
 * the new segment's files and the new commit file go up), then a manifest
 * {@code manifests/<collection>/<time>-g<gen>.json} listing every file of the commit.
 */
final class IncrementalBackups {

  private static final Logger LOG = LoggerFactory.getLogger(IndexBackups.class);
  private static final String META_FILE_SHA256 = BackupCatalogue.META_SHA256;

  private final S3Storage storage;
  private final Clock clock;

  IncrementalBackups(S3Storage storage, Clock clock) {
    this.storage = storage;
    this.clock = clock;
  }

  BackupResult backup(SnapshotSource index, String bucket, String repositoryPrefix) {
    String prefix = BackupCatalogue.normalizePrefix(repositoryPrefix);
    long started = System.nanoTime();
    try (FileSnapshot snapshot = index.snapshot()) {
      Instant created = clock.instant();
      String manifestKey = prefix + BackupCatalogue.MANIFESTS + snapshot.collection() + "/"
          + BackupCatalogue.KEY_TIME.format(created) + "-g" + snapshot.generation() + ".json";
      Map<String, IncrementalManifest.Entry> previous = latestManifest(bucket, prefix, snapshot.collection())
          .map(m -> m.files().stream().collect(Collectors.toMap(IncrementalManifest.Entry::name, e -> e)))
          .orElse(Map.of());
      long hashing = System.nanoTime();
      List<IncrementalManifest.Entry> entries = describeFiles(snapshot, previous, bucket, manifestKey);
      Duration preparation = Duration.ofNanos(System.nanoTime() - hashing);

      Set<String> present = new HashSet<>();
      try (Stream<ObjectSummary> listing = storage.list(bucket, prefix + BackupCatalogue.FILES)) {
        listing.forEach(o -> present.add(o.key()));
      }
      List<FileUpload> uploads = new ArrayList<>();
      long uploadBytes = 0;
      for (IncrementalManifest.Entry e : entries) {
        String objectKey = prefix + e.object();
        if (!present.contains(objectKey)) {
          uploads.add(new FileUpload(snapshot.file(e.name()), objectKey, UploadOptions.builder()
              .contentType("application/octet-stream").metadata(META_FILE_SHA256, e.sha256()).build()));
          uploadBytes += e.size();
        }
      }
      if (!uploads.isEmpty()) {
        var result = storage.uploadAll(bucket, uploads);
        Optional<FileUploadResult.Failed> failed = result.failed().stream().findFirst();
        if (failed.isPresent()) {
          // Files already uploaded stay: they are valid content-addressed objects a retry will reuse.
          throw failed.get().error();
        }
      }
      IncrementalManifest manifest = new IncrementalManifest(IncrementalManifest.FORMAT,
          snapshot.collection(), created.toString(), snapshot.generation(), snapshot.segmentsFileName(),
          snapshot.chunkCount(), snapshot.dimension(), snapshot.directory().toString(), entries);
      byte[] json = manifest.toJson();
      String sha = DigestUtils.sha256Hex(json);
      long indexBytes = manifest.totalBytes();
      storage.upload(bucket, manifestKey, json, UploadOptions.builder().contentType("application/json")
          .metadata(BackupCatalogue.metadata(BackupType.INCREMENTAL, snapshot.collection(),
              snapshot.directory().toString(), snapshot.chunkCount(), created, sha, snapshot.generation(),
              snapshot.dimension(), indexBytes))
          .build());
      BackupInfo info = new BackupInfo(bucket, manifestKey, BackupType.INCREMENTAL, snapshot.collection(),
          created, snapshot.chunkCount(), sha, json.length, snapshot.directory().toString(),
          snapshot.generation(), indexBytes);
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      LOG.info("Incremental backup of '{}' (generation {}, {} chunks) to s3://{}/{}: {} of {} files uploaded"
          + " ({} of {} bytes) in {} ms", snapshot.collection(), snapshot.generation(),
          snapshot.chunkCount(), bucket, manifestKey, uploads.size(), entries.size(), uploadBytes,
          indexBytes, took.toMillis());
      return new BackupResult(info, indexBytes, uploadBytes + json.length, uploads.size() + 1,
          entries.size() - uploads.size(), preparation, took);
    }
  }

  /**
   * Size, engine checksum and SHA-256 of every file of the snapshot. A file the previous manifest lists
   * with the same name, size and checksum is the same immutable file: its SHA-256 is reused, not recomputed.
   */
  private static List<IncrementalManifest.Entry> describeFiles(FileSnapshot snapshot,
      Map<String, IncrementalManifest.Entry> previous, String bucket, String manifestKey) {
    List<IncrementalManifest.Entry> entries = new ArrayList<>();
    try {
      for (String name : snapshot.fileNames()) {
        long size = java.nio.file.Files.size(snapshot.file(name));
        long crc = snapshot.checksum(name);
        IncrementalManifest.Entry known = previous.get(name);
        String sha = known != null && known.size() == size && known.crc32() == crc ? known.sha256()
            : new DigestUtils(MessageDigestAlgorithms.SHA_256).digestAsHex(snapshot.file(name));
        entries.add(new IncrementalManifest.Entry(name, size, crc, sha,
            IncrementalManifest.objectFor(name, sha)));
      }
    } catch (IOException e) {
      throw new BackupIoException(bucket, manifestKey, "cannot read the index files of " + snapshot + ": "
          + e, e);
    }
    return entries;
  }

  /** The newest manifest of the collection in the repository, if any (its keys sort by time). */
  private Optional<IncrementalManifest> latestManifest(String bucket, String prefix, String collection) {
    Optional<String> latest;
    try (Stream<ObjectSummary> listing = storage.list(bucket, prefix + BackupCatalogue.MANIFESTS + collection
        + "/")) {
      latest = listing.map(ObjectSummary::key).filter(k -> k.endsWith(".json"))
          .max(Comparator.naturalOrder());
    }
    if (latest.isEmpty()) {
      return Optional.empty();
    }
    try {
      String sha = storage.head(bucket, latest.get()).metadata().get(BackupCatalogue.META_SHA256);
      return Optional.of(readManifest(storage, bucket, latest.get(), sha));
    } catch (BackupException e) {
      // Only an optimisation (SHA-256 reuse) depends on it: hash everything instead.
      LOG.warn("Ignoring unreadable previous manifest s3://{}/{}: {}", bucket, latest.get(), e.getMessage());
      return Optional.empty();
    }
  }

  /** Reads a manifest and checks it against the SHA-256 its backup was recorded with. */
  static IncrementalManifest readManifest(S3Storage storage, String bucket, String key, String expectedSha256) {
    byte[] json = storage.readAllBytes(bucket, key);
    String actual = DigestUtils.sha256Hex(json);
    if (expectedSha256 == null || !expectedSha256.equals(actual)) {
      throw new BackupIntegrityException(bucket, key, "manifest SHA-256 " + actual + " does not match the "
          + "recorded " + expectedSha256, null);
    }
    return IncrementalManifest.parse(json, bucket, key);
  }
}
