package com.bmo.learning.search.backup;

/**
 * An archive was refused during extraction. Nothing was left behind: whatever had been extracted before
 * the offending entry was removed, and nothing was ever written outside the target directory.
 */
public final class UnsafeArchiveException extends BackupException {
  private static final long serialVersionUID = 1L;

  /** Why an archive was refused. */
  public enum Violation {
    /** An entry name starts with {@code /}, {@code \} or a drive letter. */
    ABSOLUTE_PATH,
    /** An entry name has a {@code ..} segment. */
    PARENT_TRAVERSAL,
    SYMBOLIC_LINK,
    HARD_LINK,
    /** Character or block device, FIFO. */
    DEVICE_FILE,
    /** Any other entry type that is neither a regular file nor a directory. */
    UNSUPPORTED_ENTRY_TYPE,
    /** The same path appears twice. */
    DUPLICATE_ENTRY,
    /** Empty name, NUL or backslash in it. */
    INVALID_NAME,
    TOO_MANY_ENTRIES,
    EXPANDED_SIZE_LIMIT,
    /** Not a readable tar.gz. */
    CORRUPT
  }

  private final Violation violation;
  private final String entryName;

  public UnsafeArchiveException(Violation violation, String entryName, String detail, Throwable cause) {
    this(null, null, violation, entryName, detail, cause);
  }

  public UnsafeArchiveException(String bucket, String key, Violation violation, String entryName,
      String detail, Throwable cause) {
    super(bucket, key, "unsafe archive (" + violation + ")" + (entryName == null ? ""
        : " at entry '" + printable(entryName) + "'") + ": " + detail, cause);
    this.violation = violation;
    this.entryName = entryName;
  }

  /** The same refusal, now naming the backup object it came from. */
  UnsafeArchiveException withObject(String bucket, String key) {
    return new UnsafeArchiveException(bucket, key, violation, entryName, getMessage(), this);
  }

  public Violation violation() {
    return violation;
  }

  /** The entry that was refused, as written in the archive; null when the archive as a whole was. */
  public String entryName() {
    return entryName;
  }

  private static String printable(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length() && i < 300; i++) {
      char c = s.charAt(i);
      sb.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c));
    }
    return sb.toString();
  }
}
