package com.bmo.learning.search.backup;

import com.bmo.learning.aws.s3.FileUpload;
import com.bmo.learning.aws.s3.FileUploadResult;
import com.bmo.learning.aws.s3.ObjectMetadata;
import com.bmo.learning.aws.s3.ObjectNotFoundException;
import com.bmo.learning.aws.s3.ObjectSummary;
import com.bmo.learning.aws.s3.S3Storage;
import com.bmo.learning.aws.s3.UploadOptions;
import com.bmo.learning.search.lucene.IndexSnapshot;
import com.bmo.learning.search.lucene.LuceneSearchIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backups of vector collections to S3, and restores from them.
 *
 * <ul>
 *   <li>{@link #backupToS3} — a <b>full</b> backup: one tar.gz of a commit point, with its SHA-256 and a
 *       description in the object's user metadata.</li>
 *   <li>{@link #incrementalBackup} — an <b>incremental</b> backup into a repository prefix: each index
 *       file is an object {@code files/<name>-<sha256>} uploaded only if the repository lacks it (Lucene
 *       never rewrites a file, so after a small change only the new segment's files and the new
 *       {@code segments_N} go up), plus a manifest {@code manifests/<collection>/<time>-g<gen>.json}
 *       listing every file of the commit.</li>
 *   <li>{@link #listBackups} — both kinds under a prefix, newest first.</li>
 *   <li>{@link #restore} / {@link #stage} — download, verify the SHA-256, extract (refusing unsafe archives)
 *       or assemble into a temporary directory beside the target, open and check the index
 *       ({@link IndexRestores}), then swap it into place with renames ({@link StagedRestore}); an existing
 *       index is replaced only in {@link RestoreMode#REPLACE}.</li>
 *   <li>{@link #applyRetention} — deletes old backups, and repository files no kept manifest needs.</li>
 * </ul>
 *
 * <p>Both backup kinds read a Lucene snapshot, so the collection stays writable throughout.
 * Thread-safe; S3 access goes through the shared {@link S3Storage}.
 */
public final class IndexBackups {

  private static final Logger LOG = LoggerFactory.getLogger(IndexBackups.class);

  /** User metadata names on backup objects. */
  static final String META_TYPE = "backup-type";
  static final String META_COLLECTION = "collection";
  static final String META_PERSIST_DIRECTORY = "persist-directory";
  static final String META_CHUNK_COUNT = "chunk-count";
  static final String META_CREATED_AT = "created-at";
  static final String META_SHA256 = "sha256";
  static final String META_GENERATION = "generation";
  static final String META_DIMENSION = "dimension";
  static final String META_INDEX_BYTES = "index-bytes";
  static final String META_FILE_SHA256 = "sha256";

  static final String FILES = "files/";
  static final String MANIFESTS = "manifests/";
  private static final DateTimeFormatter MANIFEST_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

  private final S3Storage storage;
  private final BackupSettings settings;
  private final SafeTarGzExtractor extractor;
  private final Clock clock;
  private final IndexRestores restores;

  public IndexBackups(S3Storage storage, BackupSettings settings) {
    this(storage, settings, Clock.systemUTC());
  }

  IndexBackups(S3Storage storage, BackupSettings settings, Clock clock) {
    this.storage = Objects.requireNonNull(storage, "storage");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.extractor = new SafeTarGzExtractor(settings.limits());
    this.clock = Objects.requireNonNull(clock, "clock");
    this.restores = new IndexRestores(this, storage, settings.limits(), extractor);
  }

  // ------------------------------------------------------------------------------------------ full backup

  /**
   * Writes a tar.gz of the collection's last commit to {@code s3://bucket/key}. Writes to the collection
   * may go on meanwhile; the archive holds exactly the commit that was current when the backup began.
   */
  public BackupResult backupToS3(LuceneSearchIndex index, String bucket, String key) {
    Objects.requireNonNull(index, "index");
    long started = System.nanoTime();
    Path archive = null;
    try (IndexSnapshot snapshot = index.snapshot()) {
      Instant created = clock.instant();
      archive = workFile(bucket, key, "backup-", ".tar.gz");
      long archiving = System.nanoTime();
      TarGzWriter.Written written;
      try {
        written = TarGzWriter.write(snapshot.directory(), snapshot.fileNames(), archive,
            settings.compressionLevel());
      } catch (IOException e) {
        throw new BackupIoException(bucket, key, "cannot write the archive of " + snapshot + ": " + e, e);
      }
      Duration preparation = Duration.ofNanos(System.nanoTime() - archiving);
      Map<String, String> metadata = metadata(BackupType.FULL, snapshot, created, written.sha256(),
          written.contentBytes());
      storage.upload(bucket, key, archive, UploadOptions.builder().contentType("application/gzip")
          .metadata(metadata).build());
      BackupInfo info = new BackupInfo(bucket, key, BackupType.FULL, snapshot.collection(), created,
          snapshot.chunkCount(), written.sha256(), written.archiveBytes(), snapshot.directory().toString(),
          snapshot.generation());
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      LOG.info("Full backup of '{}' (generation {}, {} chunks, {} files, {} bytes) to s3://{}/{} in {} ms",
          snapshot.collection(), snapshot.generation(), snapshot.chunkCount(), snapshot.fileNames().size(),
          written.archiveBytes(), bucket, key, took.toMillis());
      return new BackupResult(info, written.contentBytes(), written.archiveBytes(), 1, 0, preparation, took);
    } finally {
      deleteQuietly(archive);
    }
  }

  // ----------------------------------------------------------------------------------- incremental backup

  /**
   * Backs the collection's last commit up into the repository under {@code repositoryPrefix}: uploads the
   * index files the repository does not hold yet, then the manifest. Returns the manifest's description.
   */
  public BackupResult incrementalBackup(LuceneSearchIndex index, String bucket, String repositoryPrefix) {
    Objects.requireNonNull(index, "index");
    String prefix = normalizePrefix(repositoryPrefix);
    long started = System.nanoTime();
    try (IndexSnapshot snapshot = index.snapshot()) {
      Instant created = clock.instant();
      String manifestKey = prefix + MANIFESTS + snapshot.collection() + "/" + MANIFEST_TIME.format(created)
          + "-g" + snapshot.generation() + ".json";
      Map<String, IncrementalManifest.Entry> previous = latestManifest(bucket, prefix, snapshot.collection())
          .map(m -> m.files().stream().collect(Collectors.toMap(IncrementalManifest.Entry::name, e -> e)))
          .orElse(Map.of());
      long hashing = System.nanoTime();
      List<IncrementalManifest.Entry> entries = describeFiles(snapshot, previous, bucket, manifestKey);
      Duration preparation = Duration.ofNanos(System.nanoTime() - hashing);

      Set<String> present = new HashSet<>();
      try (Stream<ObjectSummary> listing = storage.list(bucket, prefix + FILES)) {
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
      String sha = Hashing.sha256Hex(json);
      long indexBytes = manifest.totalBytes();
      storage.upload(bucket, manifestKey, json, UploadOptions.builder().contentType("application/json")
          .metadata(metadata(BackupType.INCREMENTAL, snapshot, created, sha, indexBytes)).build());
      BackupInfo info = new BackupInfo(bucket, manifestKey, BackupType.INCREMENTAL, snapshot.collection(),
          created, snapshot.chunkCount(), sha, json.length, snapshot.directory().toString(),
          snapshot.generation());
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
   * Size, Lucene footer CRC and SHA-256 of every file of the snapshot. A file the previous manifest lists
   * with the same name, size and CRC is the same immutable file: its SHA-256 is reused, not recomputed.
   */
  private static List<IncrementalManifest.Entry> describeFiles(IndexSnapshot snapshot,
      Map<String, IncrementalManifest.Entry> previous, String bucket, String manifestKey) {
    List<IncrementalManifest.Entry> entries = new ArrayList<>();
    try (FSDirectory dir = FSDirectory.open(snapshot.directory())) {
      for (String name : snapshot.fileNames()) {
        long size = dir.fileLength(name);
        long crc;
        try (IndexInput in = dir.openInput(name, IOContext.READONCE)) {
          crc = CodecUtil.retrieveChecksum(in);
        }
        IncrementalManifest.Entry known = previous.get(name);
        String sha = known != null && known.size() == size && known.crc32() == crc ? known.sha256()
            : Hashing.sha256Hex(snapshot.file(name));
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
    try (Stream<ObjectSummary> listing = storage.list(bucket, prefix + MANIFESTS + collection + "/")) {
      latest = listing.map(ObjectSummary::key).filter(k -> k.endsWith(".json"))
          .max(Comparator.naturalOrder());
    }
    if (latest.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(readManifest(bucket, latest.get(), storage.head(bucket, latest.get())));
    } catch (BackupException e) {
      // Only an optimisation (SHA-256 reuse) depends on it: hash everything instead.
      LOG.warn("Ignoring unreadable previous manifest s3://{}/{}: {}", bucket, latest.get(), e.getMessage());
      return Optional.empty();
    }
  }

  IncrementalManifest readManifest(String bucket, String key, ObjectMetadata head) {
    byte[] json = storage.readAllBytes(bucket, key);
    String expected = head.metadata().get(META_SHA256);
    String actual = Hashing.sha256Hex(json);
    if (expected == null || !expected.equals(actual)) {
      throw new BackupIntegrityException(bucket, key, "manifest SHA-256 " + actual + " does not match the "
          + "stored " + expected, null);
    }
    return IncrementalManifest.parse(json, bucket, key);
  }

  // ---------------------------------------------------------------------------------------------- listing

  /** The backup an object holds, from its metadata; {@link BackupNotFoundException} if none. */
  public BackupInfo describe(String bucket, String key) {
    ObjectMetadata head;
    try {
      head = storage.head(bucket, key);
    } catch (ObjectNotFoundException e) {
      throw new BackupNotFoundException(bucket, key, "no such object", e);
    }
    return toInfo(head).orElseThrow(() -> new BackupNotFoundException(bucket, key,
        "the object is not a backup (no " + META_TYPE + " metadata)", null));
  }

  /**
   * Full and incremental backups under {@code prefix}, newest first. Objects under a repository's
   * {@code files/} are index files, not backups, and are skipped.
   */
  public List<BackupInfo> listBackups(String bucket, String prefix) {
    String p = prefix == null ? "" : prefix;
    List<BackupInfo> backups = new ArrayList<>();
    try (Stream<ObjectSummary> listing = storage.list(bucket, p)) {
      listing.filter(o -> !isRepositoryFile(o.key())).forEach(o -> {
        try {
          toInfo(storage.head(bucket, o.key())).ifPresent(backups::add);
        } catch (ObjectNotFoundException e) {
          // deleted since it was listed
        }
      });
    }
    backups.sort(Comparator.comparing(BackupInfo::createdAt).thenComparing(BackupInfo::key).reversed());
    return backups;
  }

  private static boolean isRepositoryFile(String key) {
    return key.startsWith(FILES) || key.contains("/" + FILES);
  }

  private static Optional<BackupInfo> toInfo(ObjectMetadata head) {
    Map<String, String> m = head.metadata();
    BackupType type = BackupType.fromMetadata(m.get(META_TYPE));
    if (type == null) {
      return Optional.empty();
    }
    Instant created;
    try {
      created = Instant.parse(m.getOrDefault(META_CREATED_AT, ""));
    } catch (DateTimeParseException e) {
      created = head.lastModified();
    }
    return Optional.of(new BackupInfo(head.bucket(), head.key(), type,
        MetadataText.decode(m.get(META_COLLECTION)), created, parseLong(m.get(META_CHUNK_COUNT)),
        m.get(META_SHA256), head.size(), MetadataText.decode(m.get(META_PERSIST_DIRECTORY)),
        parseLong(m.get(META_GENERATION))));
  }

  private static long parseLong(String s) {
    try {
      return s == null ? -1 : Long.parseLong(s);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  // ---------------------------------------------------------------------------------------------- restore

  /**
   * Restores the backup at {@code s3://bucket/key} (full or incremental, told by its metadata) into the
   * index directory {@code target}: {@link #stage} then {@link StagedRestore#moveInto}. On any failure the
   * target is left as it was.
   */
  public RestoreResult restore(String bucket, String key, Path target, RestoreMode mode) {
    try (StagedRestore staged = stage(bucket, key, target)) {
      return staged.moveInto(mode);
    }
  }

  /**
   * Downloads, verifies and validates the backup into a directory beside {@code target}, without touching
   * the target: the part of a restore that may take long, done while the live index keeps serving.
   */
  public StagedRestore stage(String bucket, String key, Path target) {
    return restores.stage(bucket, key, target);
  }

  // -------------------------------------------------------------------------------------------- retention

  /**
   * Keeps the newest {@link RetentionPolicy#keepLast()} backups of each collection and type under
   * {@code prefix} and deletes the others; then deletes the repository files ({@code prefix/files/})
   * that no kept manifest lists and that are older than the grace period. If any kept manifest cannot be
   * read, no file is deleted (it might be needed).
   */
  public RetentionResult applyRetention(String bucket, String prefix, RetentionPolicy policy) {
    Objects.requireNonNull(policy, "policy");
    String p = normalizePrefix(prefix);
    List<BackupInfo> all = listBackups(bucket, p);
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
      if (b.type() == BackupType.INCREMENTAL && b.key().startsWith(p + MANIFESTS)) {
        IncrementalManifest m = readManifest(bucket, b.key(), storage.head(bucket, b.key()));
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
    try (Stream<ObjectSummary> listing = storage.list(bucket, p + FILES)) {
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

  // ------------------------------------------------------------------------------------------------- misc

  private static Map<String, String> metadata(BackupType type, IndexSnapshot snapshot, Instant created,
      String sha256, long indexBytes) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(META_TYPE, type.metadataValue());
    m.put(META_COLLECTION, MetadataText.encode(snapshot.collection()));
    m.put(META_PERSIST_DIRECTORY, MetadataText.encode(snapshot.directory().toString()));
    m.put(META_CHUNK_COUNT, Long.toString(snapshot.chunkCount()));
    m.put(META_CREATED_AT, created.toString());
    m.put(META_SHA256, sha256);
    m.put(META_GENERATION, Long.toString(snapshot.generation()));
    m.put(META_DIMENSION, Integer.toString(snapshot.dimension()));
    m.put(META_INDEX_BYTES, Long.toString(indexBytes));
    return m;
  }

  static String normalizePrefix(String prefix) {
    if (prefix == null || prefix.isEmpty()) {
      return "";
    }
    return prefix.endsWith("/") ? prefix : prefix + "/";
  }

  private Path workFile(String bucket, String key, String prefix, String suffix) {
    try {
      Path dir = settings.workDirectory();
      if (dir == null) {
        return Files.createTempFile(prefix, suffix);
      }
      Files.createDirectories(dir);
      return Files.createTempFile(dir, prefix, suffix);
    } catch (IOException e) {
      throw new BackupIoException(bucket, key, "cannot create a work file: " + e, e);
    }
  }

  static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        LOG.warn("Could not delete {}: {}", file, e.toString());
      }
    }
  }

  static void deleteTree(Path root) {
    if (root == null || !Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      LOG.warn("Could not delete {}: {}", root, e.toString());
    }
  }
}
