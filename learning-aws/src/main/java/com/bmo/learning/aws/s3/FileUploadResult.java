package com.bmo.learning.aws.s3;

import java.nio.file.Path;

/** The outcome of one file of a batch upload. */
public sealed interface FileUploadResult {

  Path file();

  String key();

  /** The file is stored. */
  record Uploaded(Path file, String key, UploadResult result) implements FileUploadResult {
  }

  /** The file could not be stored; the other files of the batch went on. */
  record Failed(Path file, String key, StorageException error) implements FileUploadResult {
  }
}
