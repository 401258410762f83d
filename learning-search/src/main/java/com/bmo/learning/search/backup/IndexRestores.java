package com.bmo.learning.search.backup;

import com.bmo.learning.aws.s3.ObjectNotFoundException;
import com.bmo.learning.aws.s3.S3Storage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restores: download a full archive (checked against its {@link BackupDigest} while streaming, extracted by
 * {@link SafeTarGzExtractor} within limits proportionate to the recorded index size) or assemble an
 * incremental backup's files (each checked against the verified manifest) into a directory beside the
 * target, then validate it with the engine's {@link IndexFileFormat}. Returns a {@link StagedRestore}; the
 * target is touched only by {@link StagedRestore#moveInto}.
 */
final class IndexRestores {

  private static final Logger LOG = LoggerFactory.getLogger(IndexRestores.class);

  private final S3Storage storage;
  private final BackupCatalogue catalogue;
  private final BackupSettings settings;
  private final IndexFileFormat format;

  IndexRestores(S3Storage storage, BackupCatalogue catalogue, BackupSettings settings, IndexFileFormat format) {
    this.storage = storage;
    this.catalogue = catalogue;
    this.settings = settings;
    this.format = format;
  }

  /**
   * Builds the backup's index in a temporary directory beside the target and verifies it; the target is
   * not touched.
   *
   * @param expected what the backup must be; null to trust the object's own metadata
   */
  StagedRestore stage(String bucket, String key, Path target, BackupDigest expected) {
    Objects.requireNonNull(target, "target");
    long started = System.nanoTime();
    Path dest = target.toAbsolutePath().normalize();
    BackupInfo info = catalogue.describe(bucket, key);
    if (info.type() == BackupType.CHUNK_EXPORT) {
      throw new BackupNotFoundException(bucket, key, "an OpenSearch chunk export, not an index-file backup",
          null);
    }
    BackupDigest digest = expected != null ? expected : BackupDigest.fromMetadata(info);
    if (info.size() != digest.size()) {
      // Refused before a byte is downloaded.
      throw new BackupIntegrityException(bucket, key, "the object has " + info.size() + " bytes; the backup"
          + " was recorded with " + digest.size(), null);
    }
    ExtractionLimits limits = settings.limits().proportionateTo(digest.indexBytes());
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
        bytes = downloadAndExtract(info, digest, limits, staging).bytes();
        expectedFiles = null;
      } else {
        IncrementalManifest manifest = downloadManifest(info, digest, staging);
        assemble(info, manifest, limits, staging);
        bytes = manifest.totalBytes();
        expectedFiles = manifest.files().stream().map(IncrementalManifest.Entry::name)
            .collect(Collectors.toSet());
      }
      IndexContents contents = validate(staging, info, expectedFiles);
      LOG.info("Staged {} backup s3://{}/{} of '{}' for {}: {} chunks, {} files, {} bytes in {} ms",
          info.type(), bucket, key, info.collection(), dest, contents.chunkCount(), contents.fileCount(), bytes,
          (System.nanoTime() - started) / 1_000_000);
      return new StagedRestore(info, dest, staging, contents, bytes, started, format);
    } catch (UnsafeArchiveException e) {
      WorkFiles.deleteTree(staging);
      throw e.bucket().isPresent() ? e : e.withObject(bucket, key);
    } catch (RuntimeException e) {
      WorkFiles.deleteTree(staging);
      throw e;
    }
  }

  /** True if the target holds data (and may be replaced); throws if it may not. */
  static boolean checkTarget(String bucket, String key, Path dest, RestoreMode mode, IndexFileFormat format) {
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
    boolean inUse;
    try {
      inUse = format.inUse(dest);
    } catch (IOException e) {
      throw new BackupIoException(bucket, key, "cannot check restore target " + dest + ": " + e, e);
    }
    if (inUse) {
      throw new RestoreTargetInUseException(bucket, key, dest, null);
    }
    return true;
  }

  private ExtractionResult downloadAndExtract(BackupInfo info, BackupDigest digest, ExtractionLimits limits,
      Path staging) {
    String bucket = info.bucket();
    String key = info.key();
    Path archive = staging.resolveSibling(staging.getFileName() + ".tar.gz");
    try {
      VerifiedDownload.toFile(storage, bucket, key, archive, digest);
      try (InputStream in = Files.newInputStream(archive)) {
        return new SafeTarGzExtractor(limits).extract(in, staging);
      } catch (IOException e) {
        throw new BackupIoException(bucket, key, "cannot read downloaded archive " + archive + ": " + e, e);
      }
    } finally {
      WorkFiles.deleteQuietly(archive);
    }
  }

  private IncrementalManifest downloadManifest(BackupInfo info, BackupDigest digest, Path staging) {
    Path file = staging.resolveSibling(staging.getFileName() + ".manifest.json");
    try {
      VerifiedDownload.toFile(storage, info.bucket(), info.key(), file, digest);
      return IncrementalManifest.parse(Files.readAllBytes(file), info.bucket(), info.key());
    } catch (IOException e) {
      throw new BackupIoException(info.bucket(), info.key(), "cannot read the downloaded manifest: " + e, e);
    } finally {
      WorkFiles.deleteQuietly(file);
    }
  }

  private void assemble(BackupInfo info, IncrementalManifest manifest, ExtractionLimits limits, Path staging) {
    String bucket = info.bucket();
    String key = info.key();
    if (manifest.files().size() > limits.maxEntries() || manifest.totalBytes() > limits.maxExpandedBytes()) {
      throw new UnsafeArchiveException(bucket, key, manifest.files().size() > limits.maxEntries()
          ? UnsafeArchiveException.Violation.TOO_MANY_ENTRIES
          : UnsafeArchiveException.Violation.EXPANDED_SIZE_LIMIT, null, "the manifest lists "
          + manifest.files().size() + " files, " + manifest.totalBytes() + " bytes; the limits are "
          + limits, null);
    }
    String prefix = key.substring(0, key.lastIndexOf(BackupCatalogue.MANIFESTS + manifest.collection() + "/"));
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
        VerifiedDownload.toFile(storage, bucket, objectKey, file, new BackupDigest(e.size(), e.sha256(), -1));
      } catch (ObjectNotFoundException missing) {
        throw new BackupIntegrityException(bucket, key, "file " + e.name() + " is missing from the "
            + "repository (s3://" + bucket + "/" + objectKey + ")", missing);
      } catch (BackupIntegrityException bad) {
        throw new BackupIntegrityException(bucket, key, "file " + e.name() + " from s3://" + bucket + "/"
            + objectKey + ": " + bad.getMessage(), bad);
      }
    }
  }

  /** The engine's check of the staged directory, its failures as integrity failures of the backup. */
  private IndexContents validate(Path staging, BackupInfo info, Set<String> expectedFiles) {
    String bucket = info.bucket();
    String key = info.key();
    IndexContents contents;
    try {
      contents = format.validate(staging, expectedFiles);
    } catch (InvalidIndexException e) {
      throw new BackupIntegrityException(bucket, key, e.getMessage(), e.getCause());
    } catch (IOException | RuntimeException e) {
      throw new BackupIntegrityException(bucket, key, "the restored index is not valid: " + e, e);
    }
    if (info.chunkCount() >= 0 && contents.chunkCount() != info.chunkCount()) {
      throw new BackupIntegrityException(bucket, key, "the restored index holds " + contents.chunkCount()
          + " chunks; the backup recorded " + info.chunkCount(), null);
    }
    return contents;
  }
}
