package com.bmo.learning.search.backup;

/** What kind of backup an S3 object is. */
public enum BackupType {
  /** One tar.gz of every file of a commit point. */
  FULL,
  /** A manifest listing every file of a commit point; the files are shared objects in the repository. */
  INCREMENTAL;

  /** The value stored in S3 metadata. */
  public String metadataValue() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  static BackupType fromMetadata(String value) {
    for (BackupType t : values()) {
      if (t.metadataValue().equals(value)) {
        return t;
      }
    }
    return null;
  }
}
