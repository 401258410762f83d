package com.bmo.learning.aws.s3;

/** Reading the data to upload or writing the data downloaded failed on this machine: a source file missing or unreadable, a stream that failed or ended before its declared length, a target directory not writable, a full disk. The message names the path, when there is one, as well as the object. */
public final class LocalIoException extends StorageException {
  private static final long serialVersionUID = 1L;

  LocalIoException(Context context, String detail, Throwable cause) {
    super(context, detail, cause);
  }
}
