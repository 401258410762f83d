package com.bmo.learning.search.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Temporary files and directories of backups and restores, and their removal. */
final class WorkFiles {

  private static final Logger LOG = LoggerFactory.getLogger(WorkFiles.class);

  private WorkFiles() {
  }

  static Path create(BackupSettings settings, String bucket, String key, String prefix, String suffix) {
    try {
      Path dir = settings.workDirectory();
      if (dir == null) {
        return Files.createTempFile(prefix, suffix);
      }
      Files.createDirectories(dir);
      return Files.createTempFile(dir, prefix, suffix);
    } catch (IOException e) {
      throw new BackupIoException(bucket, key, "cannot create a work file: " + e, e);
    }
  }

  static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        LOG.warn("Could not delete {}: {}", file, e.toString());
      }
    }
  }

  static void deleteTree(Path root) {
    if (root == null || !Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      LOG.warn("Could not delete {}: {}", root, e.toString());
    }
  }
}
