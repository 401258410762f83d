package com.bmo.learning.aws.s3;

import static com.bmo.learning.aws.s3.S3Storage.ctx;
import static com.bmo.learning.aws.s3.S3Storage.daemonThreads;
import static com.bmo.learning.aws.s3.S3Storage.millisSince;

import com.bmo.learning.aws.concurrent.BoundedRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link S3Storage}'s batch uploads after validation: files uploaded a bounded number at a time, each
 * with its own result.
 */
final class BatchUploads {

  // Logged under the facade's name, as before the split, so that log settings keep working.
  private static final Logger LOG = LoggerFactory.getLogger(S3Storage.class);

  /** One file's upload, as {@link S3Storage#upload(String, String, Path, UploadOptions)} does it. */
  @FunctionalInterface
  interface FileUploader {
    UploadResult upload(String bucket, String key, Path file, UploadOptions options);
  }

  private final int parallelism;
  private final FileUploader uploader;

  BatchUploads(int parallelism, FileUploader uploader) {
    this.parallelism = parallelism;
    this.uploader = uploader;
  }

  /** See {@link S3Storage#uploadAll(String, List)}. */
  BatchUploadResult uploadAll(String bucket, List<FileUpload> files) {
    if (files.isEmpty()) {
      return new BatchUploadResult(bucket, List.of());
    }
    long started = System.nanoTime();
    int threads = Math.min(parallelism, files.size());
    ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads("s3storage-batch-"));
    try {
      List<Supplier<FileUploadResult>> tasks = new ArrayList<>(files.size());
      for (FileUpload f : files) {
        tasks.add(() -> {
          try {
            return new FileUploadResult.Uploaded(f.file(), f.key(),
                uploader.upload(bucket, f.key(), f.file(), f.options()));
          } catch (RuntimeException e) {
            return new FileUploadResult.Failed(f.file(), f.key(),
                StorageErrors.map("PutObject", bucket, f.key(), e));
          }
        });
      }
      List<FileUploadResult> results;
      try {
        results = new BoundedRunner(pool, threads).runAll(tasks.iterator());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StorageRequestException(ctx("PutObject", bucket, null), "batch upload interrupted", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("batch task failed unexpectedly", e.getCause());
      }
      BatchUploadResult result = new BatchUploadResult(bucket, results);
      LOG.debug("Batch upload to s3://{}: {} uploaded, {} failed, {} ms", bucket, result.uploaded().size(),
          result.failed().size(), millisSince(started));
      return result;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Every regular file under {@code directory}, keyed {@code keyPrefix + relative path}, in path order. */
  List<FileUpload> filesUnder(String bucket, Path directory, String keyPrefix) {
    String prefix = keyPrefix == null ? "" : keyPrefix;
    List<FileUpload> files;
    try (Stream<Path> walk = Files.walk(directory)) {
      files = walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted()
          .map(p -> FileUpload.of(p, prefix + relativeKey(directory, p)))
          .toList();
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new LocalIoException(ctx("PutObject", bucket, prefix.isEmpty() ? null : prefix),
          "cannot list directory " + directory + ": " + e, e);
    }
    return files;
  }

  private static String relativeKey(Path root, Path file) {
    Path rel = root.relativize(file);
    StringBuilder sb = new StringBuilder();
    for (Path part : rel) {
      if (sb.length() > 0) {
        sb.append('/');
      }
      sb.append(part);
    }
    return sb.toString();
  }
}
