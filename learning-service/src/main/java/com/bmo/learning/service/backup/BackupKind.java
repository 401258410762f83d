package com.bmo.learning.service.backup;

/** Full: one archive of the whole index. Incremental: only files not yet in the repository, plus a manifest. */
public enum BackupKind {
  FULL,
  INCREMENTAL
}
