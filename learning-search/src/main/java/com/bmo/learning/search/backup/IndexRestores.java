package com.bmo.learning.search.backup;

import com.bmo.learning.aws.s3.ObjectNotFoundException;
import com.bmo.learning.aws.s3.S3Storage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The restore side of {@link IndexBackups}: download a full archive (SHA-256 checked, extracted by
 * {@link SafeTarGzExtractor}) or assemble an incremental backup's files (each SHA-256 checked) into a
 * directory beside the target, then validate it as a Lucene index. Returns a {@link StagedRestore}; the
 * target is touched only by {@link StagedRestore#moveInto}.
 */
final class IndexRestores {

  private static final Logger LOG = LoggerFactory.getLogger(IndexRestores.class);

  private final IndexBackups backups;
  private final S3Storage storage;
  private final ExtractionLimits limits;
  private final SafeTarGzExtractor extractor;

  IndexRestores(IndexBackups backups, S3Storage storage, ExtractionLimits limits,
      SafeTarGzExtractor extractor) {
    this.backups = backups;
    this.storage = storage;
    this.limits = limits;
    this.extractor = extractor;
  }

  /**
   * Builds the backup's index in a temporary directory beside the target and verifies it (checksums,
   * Lucene's own file checksums, opens, chunk count as recorded); the target is not touched.
   */
  StagedRestore stage(String bucket, String key, Path target) {
    Objects.requireNonNull(target, "target");
    long started = System.nanoTime();
    Path dest = target.toAbsolutePath().normalize();
    BackupInfo info = backups.describe(bucket, key);
    try {
      Files.createDirectories(dest.getParent());
    } catch (IOException e) {
      throw new BackupIoException(bucket, key, "cannot create " + dest.getParent() + ": " + e, e);
    }
    Path staging = dest.resolveSibling("." + dest.getFileName() + ".restore-" + UUID.randomUUID());
    try {
      Set<String> expectedFiles;
      long bytes;
      if (info.type() == BackupType.FULL) {
        ExtractionResult extracted = downloadAndExtract(info, staging);
        bytes = extracted.bytes();
        expectedFiles = null;
      } else {
        IncrementalManifest manifest = backups.readManifest(bucket, key, storage.head(bucket, key));
        assemble(info, manifest, staging);
        bytes = manifest.totalBytes();
        expectedFiles = manifest.files().stream().map(IncrementalManifest.Entry::name)
            .collect(Collectors.toSet());
      }
      Validated valid = validate(staging, info, expectedFiles);
      LOG.info("Staged {} backup s3://{}/{} of '{}' for {}: {} chunks, {} files, {} bytes in {} ms",
          info.type(), bucket, key, info.collection(), dest, valid.chunks(), valid.files(), bytes,
          (System.nanoTime() - started) / 1_000_000);
      return new StagedRestore(info, dest, staging, valid.chunks(), valid.files(), bytes, started);
    } catch (UnsafeArchiveException e) {
      deleteTree(staging);
      throw e.bucket().isPresent() ? e : e.withObject(bucket, key);
    } catch (RuntimeException e) {
      deleteTree(staging);
      throw e;
    }
  }

  /** True if the target holds data (and may be replaced); throws if it may not. */
  static boolean checkTarget(String bucket, String key, Path dest, RestoreMode mode) {
    if (!Files.exists(dest, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    if (!Files.isDirectory(dest, LinkOption.NOFOLLOW_LINKS)) {
      throw new BackupIoException(bucket, key, "restore target " + dest + " is not a directory", null);
    }
    boolean empty;
    try (Stream<Path> children = Files.list(dest)) {
      empty = children.findAny().isEmpty();
    } catch (IOException e) {
      throw new BackupIoException(bucket, key, "cannot read restore target " + dest + ": " + e, e);
    }
    if (empty) {
      return false;
    }
    if (mode != RestoreMode.REPLACE) {
      throw new RestoreTargetExistsException(bucket, key, dest);
    }
    try (FSDirectory dir = FSDirectory.open(dest); Lock lock = dir.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
      lock.ensureValid();
    } catch (LockObtainFailedException e) {
      throw new RestoreTargetInUseException(bucket, key, dest, e);
    } catch (IOException e) {
      throw new BackupIoException(bucket, key, "cannot check restore target " + dest + ": " + e, e);
    }
    return true;
  }

  private ExtractionResult downloadAndExtract(BackupInfo info, Path staging) {
    String bucket = info.bucket();
    String key = info.key();
    if (info.sha256() == null) {
      throw new BackupIntegrityException(bucket, key, "the backup has no " + IndexBackups.META_SHA256
          + " metadata to verify it with", null);
    }
    Path archive = staging.resolveSibling(staging.getFileName() + ".tar.gz");
    try {
      storage.download(bucket, key, archive);
      String actual;
      try {
        actual = Hashing.sha256Hex(archive);
      } catch (IOException e) {
        throw new BackupIoException(bucket, key, "cannot read downloaded archive " + archive + ": " + e, e);
      }
      if (!actual.equals(info.sha256())) {
        throw new BackupIntegrityException(bucket, key, "archive SHA-256 " + actual
            + " does not match the stored " + info.sha256(), null);
      }
      try (InputStream in = Files.newInputStream(archive)) {
        return extractor.extract(in, staging);
      } catch (IOException e) {
        throw new BackupIoException(bucket, key, "cannot read downloaded archive " + archive + ": " + e, e);
      }
    } finally {
      deleteQuietly(archive);
    }
  }

  private void assemble(BackupInfo info, IncrementalManifest manifest, Path staging) {
    String bucket = info.bucket();
    String key = info.key();
    ExtractionLimits limits = this.limits;
    if (manifest.files().size() > limits.maxEntries() || manifest.totalBytes() > limits.maxExpandedBytes()) {
      throw new UnsafeArchiveException(bucket, key, manifest.files().size() > limits.maxEntries()
          ? UnsafeArchiveException.Violation.TOO_MANY_ENTRIES
          : UnsafeArchiveException.Violation.EXPANDED_SIZE_LIMIT, null, "the manifest lists "
          + manifest.files().size() + " files, " + manifest.totalBytes() + " bytes; the limits are "
          + limits, null);
    }
    String prefix = key.substring(0, key.lastIndexOf(IndexBackups.MANIFESTS + manifest.collection() + "/"));
    try {
      Files.createDirectory(staging);
    } catch (IOException e) {
      throw new BackupIoException(bucket, key, "cannot create " + staging + ": " + e, e);
    }
    for (IncrementalManifest.Entry e : manifest.files()) {
      // Names were checked by the manifest parser: plain file names, no separators, no "..".
      Path file = staging.resolve(e.name());
      String objectKey = prefix + e.object();
      try {
        storage.download(bucket, objectKey, file);
      } catch (ObjectNotFoundException missing) {
        throw new BackupIntegrityException(bucket, key, "file " + e.name() + " is missing from the "
            + "repository (s3://" + bucket + "/" + objectKey + ")", missing);
      }
      try {
        long size = Files.size(file);
        String sha = Hashing.sha256Hex(file);
        if (size != e.size() || !sha.equals(e.sha256())) {
          throw new BackupIntegrityException(bucket, key, "file " + e.name() + " from s3://" + bucket + "/"
              + objectKey + " has " + size + " bytes, SHA-256 " + sha + "; the manifest says " + e.size()
              + " bytes, " + e.sha256(), null);
        }
      } catch (IOException io) {
        throw new BackupIoException(bucket, key, "cannot read " + file + ": " + io, io);
      }
    }
  }

  private record Validated(long chunks, int files) {
  }

  /**
   * The staged directory must hold exactly one commit, made of exactly the files present (apart from a
   * stray write.lock), each passing Lucene's checksum, opening as an index with the recorded chunk count.
   */
  private static Validated validate(Path staging, BackupInfo info, Set<String> expectedFiles) {
    String bucket = info.bucket();
    String key = info.key();
    try (FSDirectory dir = FSDirectory.open(staging)) {
      Files.deleteIfExists(staging.resolve(IndexWriter.WRITE_LOCK_NAME));
      List<IndexCommit> commits = DirectoryReader.listCommits(dir);
      if (commits.size() != 1) {
        throw new BackupIntegrityException(bucket, key, "the backup holds " + commits.size()
            + " commits; expected one", null);
      }
      IndexCommit commit = commits.get(0);
      Set<String> commitFiles = new HashSet<>(commit.getFileNames());
      Set<String> present = new HashSet<>(List.of(dir.listAll()));
      if (!present.equals(commitFiles) || (expectedFiles != null && !expectedFiles.equals(commitFiles))) {
        throw new BackupIntegrityException(bucket, key, "the backup's files " + sorted(present)
            + " are not the files of its commit " + sorted(commitFiles), null);
      }
      for (String name : commitFiles) {
        try (IndexInput in = dir.openInput(name, IOContext.READONCE)) {
          CodecUtil.checksumEntireFile(in);
        }
      }
      long chunks;
      try (DirectoryReader reader = DirectoryReader.open(commit)) {
        chunks = reader.numDocs();
      }
      if (info.chunkCount() >= 0 && chunks != info.chunkCount()) {
        throw new BackupIntegrityException(bucket, key, "the restored index holds " + chunks
            + " chunks; the backup recorded " + info.chunkCount(), null);
      }
      return new Validated(chunks, commitFiles.size());
    } catch (BackupException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new BackupIntegrityException(bucket, key, "the restored index is not valid: " + e, e);
    }
  }

  private static List<String> sorted(Set<String> names) {
    return names.stream().sorted().toList();
  }

  static void deleteTree(Path root) {
    IndexBackups.deleteTree(root);
  }

  private static void deleteQuietly(Path file) {
    IndexBackups.deleteQuietly(file);
  }
}
