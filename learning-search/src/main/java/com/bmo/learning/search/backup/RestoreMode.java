package com.bmo.learning.search.backup;

/** What a restore may do to an index directory that already holds data. */
public enum RestoreMode {
  /** Restore only into a missing or empty directory; refuse ({@link RestoreTargetExistsException}) otherwise. */
  CREATE_ONLY,
  /** Replace what the directory holds (never while an index has it open: {@link RestoreTargetInUseException}). */
  REPLACE
}
