package com.bmo.learning.search.backup;

/** What kind of backup an S3 object is. */
public enum BackupType {
  /** One tar.gz of every file of a commit point (Lucene). */
  FULL("full"),
  /** A manifest listing every file of a commit point; the files are shared objects in the repository (Lucene). */
  INCREMENTAL("incremental"),
  /** An engine-neutral tar.gz of every chunk with its vector (OpenSearch). */
  CHUNK_EXPORT("opensearch-export");

  private final String metadataValue;

  BackupType(String metadataValue) {
    this.metadataValue = metadataValue;
  }

  /** The value stored in S3 metadata. */
  public String metadataValue() {
    return metadataValue;
  }

  static BackupType fromMetadata(String value) {
    for (BackupType t : values()) {
      if (t.metadataValue.equals(value)) {
        return t;
      }
    }
    return null;
  }
}
