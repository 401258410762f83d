package com.bmo.learning.search.backup;

import java.nio.file.Path;

/** The restore target already holds data and the restore mode was {@link RestoreMode#CREATE_ONLY}. */
public final class RestoreTargetExistsException extends BackupException {
  private static final long serialVersionUID = 1L;
  private final transient Path target;

  public RestoreTargetExistsException(String bucket, String key, Path target) {
    super(bucket, key, "restore target " + target + " already holds data; restore with RestoreMode.REPLACE "
        + "to replace it", null);
    this.target = target;
  }

  public Path target() {
    return target;
  }
}
