package com.bmo.learning.search.backup;

import com.bmo.learning.aws.s3.ObjectMetadata;
import com.bmo.learning.aws.s3.ObjectNotFoundException;
import com.bmo.learning.aws.s3.ObjectSummary;
import com.bmo.learning.aws.s3.S3Storage;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Which objects are backups and what they hold, for every backend: a backup is an object whose user
 * metadata names its {@link BackupType} (plus collection, time, chunk count, SHA-256, sizes); this class
 * writes that metadata ({@link #metadata}), reads it back ({@link #describe}) and lists backups under a
 * prefix ({@link #list}). The Lucene backups and the OpenSearch exports share it.
 */
public final class BackupCatalogue {

  /** User metadata names on backup objects. */
  public static final String META_TYPE = "backup-type";
  public static final String META_COLLECTION = "collection";
  /** The OpenSearch exports' name for the collection (the index alias), read when {@code collection} is absent. */
  public static final String META_INDEX = "index";
  public static final String META_PERSIST_DIRECTORY = "persist-directory";
  public static final String META_CHUNK_COUNT = "chunk-count";
  public static final String META_CREATED_AT = "created-at";
  public static final String META_SHA256 = "sha256";
  public static final String META_GENERATION = "generation";
  public static final String META_DIMENSION = "dimension";
  public static final String META_INDEX_BYTES = "index-bytes";

  /** Object names in an incremental repository: shared index files, and manifests. */
  static final String FILES = "files/";
  static final String MANIFESTS = "manifests/";

  /** Time stamps in backup keys; they sort as the times do. */
  public static final DateTimeFormatter KEY_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

  private final S3Storage storage;

  public BackupCatalogue(S3Storage storage) {
    this.storage = Objects.requireNonNull(storage, "storage");
  }

  /**
   * The metadata of a backup object.
   *
   * @param persistDirectory the index directory it was taken from; null if none (an export)
   * @param generation the commit generation; -1 if none
   * @param indexBytes bytes of index content the object expands to
   */
  public static Map<String, String> metadata(BackupType type, String collection, String persistDirectory,
      long chunkCount, Instant created, String sha256, long generation, int dimension, long indexBytes) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(META_TYPE, type.metadataValue());
    m.put(META_COLLECTION, MetadataText.encode(collection));
    if (persistDirectory != null) {
      m.put(META_PERSIST_DIRECTORY, MetadataText.encode(persistDirectory));
    }
    m.put(META_CHUNK_COUNT, Long.toString(chunkCount));
    m.put(META_CREATED_AT, created.toString());
    m.put(META_SHA256, sha256);
    if (generation >= 0) {
      m.put(META_GENERATION, Long.toString(generation));
    }
    m.put(META_DIMENSION, Integer.toString(dimension));
    m.put(META_INDEX_BYTES, Long.toString(indexBytes));
    return m;
  }

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
   * Backups of every type under {@code prefix}, newest first. Objects under an incremental repository's
   * {@code files/} are index files, not backups, and are skipped.
   */
  public List<BackupInfo> list(String bucket, String prefix) {
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

  static java.util.Optional<BackupInfo> toInfo(ObjectMetadata head) {
    Map<String, String> m = head.metadata();
    BackupType type = BackupType.fromMetadata(m.get(META_TYPE));
    if (type == null) {
      return java.util.Optional.empty();
    }
    Instant created;
    try {
      created = Instant.parse(m.getOrDefault(META_CREATED_AT, ""));
    } catch (DateTimeParseException e) {
      created = head.lastModified();
    }
    String collection = m.containsKey(META_COLLECTION) ? m.get(META_COLLECTION) : m.get(META_INDEX);
    return java.util.Optional.of(new BackupInfo(head.bucket(), head.key(), type,
        MetadataText.decode(collection), created, parseLong(m.get(META_CHUNK_COUNT)),
        m.get(META_SHA256), head.size(), MetadataText.decode(m.get(META_PERSIST_DIRECTORY)),
        parseLong(m.get(META_GENERATION)), parseLong(m.get(META_INDEX_BYTES))));
  }

  private static long parseLong(String s) {
    try {
      return s == null ? -1 : Long.parseLong(s);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  static String normalizePrefix(String prefix) {
    if (prefix == null || prefix.isEmpty()) {
      return "";
    }
    return prefix.endsWith("/") ? prefix : prefix + "/";
  }
}
