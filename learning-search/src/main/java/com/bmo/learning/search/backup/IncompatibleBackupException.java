package com.bmo.learning.search.backup;

import com.bmo.learning.search.ContentVersion;

/**
 * A backup was built with another embedding model or chunker than the live index: restoring it would mix
 * (or, once swapped in, be refused on opening). Refused before the swap; the index is unchanged.
 */
public final class IncompatibleBackupException extends BackupException {
  private static final long serialVersionUID = 1L;
  private final transient ContentVersion backup;
  private final transient ContentVersion live;

  public IncompatibleBackupException(String bucket, String key, ContentVersion backup, ContentVersion live) {
    super(bucket, key, "the backup was built with " + backup + "; the live index uses " + live
        + ": re-index instead of restoring it", null);
    this.backup = backup;
    this.live = live;
  }

  public ContentVersion backupVersion() {
    return backup;
  }

  public ContentVersion liveVersion() {
    return live;
  }
}
