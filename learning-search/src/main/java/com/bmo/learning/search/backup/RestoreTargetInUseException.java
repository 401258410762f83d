package com.bmo.learning.search.backup;

import java.nio.file.Path;

/** An open index holds the restore target's write lock: close the collection before restoring it. */
public final class RestoreTargetInUseException extends BackupException {
  private static final long serialVersionUID = 1L;
  private final transient Path target;

  public RestoreTargetInUseException(String bucket, String key, Path target, Throwable cause) {
    super(bucket, key, "restore target " + target + " is open as an index; close it first", cause);
    this.target = target;
  }

  public Path target() {
    return target;
  }
}
