package com.bmo.learning.search.backup;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a backup object must be, as its creator recorded it: the object's size and SHA-256 and the bytes of
 * index files it expands to. Kept where whoever can write the backups bucket cannot change it (the service
 * keeps it in PostgreSQL), a restore checks the download against it while streaming and bounds extraction
 * by it; taken from the object's own metadata it only guards against accidents.
 *
 * @param size bytes of the object (archive, manifest or export)
 * @param sha256 SHA-256 of the object, lower-case hex
 * @param indexBytes bytes of index content it expands to; -1 if unknown
 */
public record BackupDigest(long size, String sha256, long indexBytes) {

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  public BackupDigest {
    if (size < 0) {
      throw new IllegalArgumentException("size must not be negative, was " + size);
    }
    Objects.requireNonNull(sha256, "sha256");
    if (!SHA256.matcher(sha256).matches()) {
      throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits");
    }
  }

  /** The digest the object's metadata states (only as trustworthy as whoever can write the bucket). */
  static BackupDigest fromMetadata(BackupInfo info) {
    if (info.sha256() == null || !SHA256.matcher(info.sha256()).matches()) {
      throw new BackupIntegrityException(info.bucket(), info.key(), "the backup has no valid "
          + BackupCatalogue.META_SHA256 + " metadata to verify it with", null);
    }
    return new BackupDigest(info.size(), info.sha256(), info.indexBytes());
  }
}
