package com.bmo.learning.aws.s3;

import static com.bmo.learning.aws.s3.S3Storage.ctx;
import static com.bmo.learning.aws.s3.S3Storage.millisSince;
import static com.bmo.learning.aws.s3.S3Storage.unquote;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * {@link S3Storage}'s uploads after validation: one PutObject up to the multipart threshold, else a
 * {@link MultipartUpload} whose parts go out on the facade's part pool.
 */
final class ObjectUploads {

  // Logged under the facade's name, as before the split, so that log settings keep working.
  private static final Logger LOG = LoggerFactory.getLogger(S3Storage.class);

  private final S3Client s3;
  private final S3StorageConfig config;
  private final ThreadPoolExecutor partExecutor;

  ObjectUploads(S3Client s3, S3StorageConfig config, ThreadPoolExecutor partExecutor) {
    this.s3 = s3;
    this.config = config;
    this.partExecutor = partExecutor;
  }

  UploadResult upload(String bucket, String key, UploadSource source, String contentType,
      UploadOptions options) {
    long started = System.nanoTime();
    long length = source.knownLength();
    long partSize = S3Storage.partSizeFor(config.partSize(), length);
    UploadResult result;
    try {
      if (length >= 0 && length <= config.multipartThreshold()) {
        UploadSource.Chunk all = read(source, (int) length, bucket, key);
        if (all.length() != length) {
          throw new LocalIoException(ctx("PutObject", bucket, key), "the stream ended after "
              + all.length() + " of its declared " + length + " bytes", null);
        }
        result = putSingle(bucket, key, all, contentType, options);
      } else {
        UploadSource.Chunk first = read(source, (int) partSize, bucket, key);
        if (length < 0 && atEnd(source, bucket, key)) {
          result = putSingle(bucket, key, first, contentType, options);
        } else {
          result = new MultipartUpload(bucket, key, contentType, options, partSize, source)
              .run(first);
        }
      }
    } catch (RuntimeException e) {
      LOG.debug("Upload to s3://{}/{} failed after {} ms: {}", bucket, key, millisSince(started),
          e.toString());
      throw StorageErrors.map("PutObject", bucket, key, e);
    }
    LOG.debug("Uploaded s3://{}/{}: {} bytes, {} parts, {} ms", bucket, key, result.size(),
        result.parts(), millisSince(started));
    return result;
  }

  private UploadResult putSingle(String bucket, String key, UploadSource.Chunk chunk, String contentType,
      UploadOptions options) {
    String crc = Crc32c.of(chunk.data(), chunk.offset(), chunk.length());
    checkExpected(bucket, key, options, crc);
    PutObjectResponse response = s3.putObject(b -> b.bucket(bucket).key(key)
            .contentType(contentType)
            .contentLength((long) chunk.length())
            .metadata(options.metadata())
            .checksumCRC32C(crc),
        RequestBody.fromContentProvider(provider(chunk), chunk.length(), contentType));
    String stored = response.checksumCRC32C();
    if (stored != null && !stored.equals(crc)) {
      throw new ChecksumMismatchException(ctx("PutObject", bucket, key), "S3 stored a different checksum"
          + " than the one computed while sending; the object may be corrupt", crc, stored, null);
    }
    return new UploadResult(bucket, key, unquote(response.eTag()), response.versionId(), chunk.length(), 0,
        crc, ObjectChecksum.crc32c(stored != null ? stored : crc), contentType);
  }

  private static void checkExpected(String bucket, String key, UploadOptions options, String actual) {
    if (options.expectedCrc32c() != null && !options.expectedCrc32c().equals(actual)) {
      throw new ChecksumMismatchException(ctx("PutObject", bucket, key), "the content read does not match"
          + " the expected CRC32C; nothing was stored", options.expectedCrc32c(), actual, null);
    }
  }

  private static ContentStreamProvider provider(UploadSource.Chunk chunk) {
    // A new stream per attempt, so that the SDK can retry a part from its buffer.
    return () -> new ByteArrayInputStream(chunk.data(), chunk.offset(), chunk.length());
  }

  private static UploadSource.Chunk read(UploadSource source, int max, String bucket, String key) {
    try {
      return source.next(max);
    } catch (IOException e) {
      throw new LocalIoException(ctx("PutObject", bucket, key), "reading the data to upload failed: " + e,
          e);
    }
  }

  private static boolean atEnd(UploadSource source, String bucket, String key) {
    try {
      return source.atEnd();
    } catch (IOException e) {
      throw new LocalIoException(ctx("PutObject", bucket, key), "reading the data to upload failed: " + e,
          e);
    }
  }

  /**
   * One multipart upload: the calling thread reads parts and computes checksums; up to
   * {@code partConcurrency} parts are sent at once by the part pool, each from its own buffer, which is
   * what bounds memory. Any failure aborts the upload so that no invisible parts are left to pay for.
   */
  private final class MultipartUpload {
    private final String bucket;
    private final String key;
    private final String contentType;
    private final UploadOptions options;
    private final long partSize;
    private final UploadSource source;
    private final Semaphore inFlight = new Semaphore(config.partConcurrency());
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final List<Future<CompletedPart>> futures = new ArrayList<>();
    private final List<String> partChecksums = new ArrayList<>();
    private final CRC32C whole = new CRC32C();
    private long size;

    MultipartUpload(String bucket, String key, String contentType, UploadOptions options, long partSize,
        UploadSource source) {
      this.bucket = bucket;
      this.key = key;
      this.contentType = contentType;
      this.options = options;
      this.partSize = partSize;
      this.source = source;
    }

    UploadResult run(UploadSource.Chunk first) {
      boolean fullObject = config.multipartChecksum() == MultipartChecksum.FULL_OBJECT;
      String uploadId;
      try {
        uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)
            .contentType(contentType)
            .metadata(options.metadata())
            .checksumAlgorithm(ChecksumAlgorithm.CRC32_C)
            .checksumType(fullObject ? ChecksumType.FULL_OBJECT : ChecksumType.COMPOSITE)).uploadId();
      } catch (RuntimeException e) {
        throw StorageErrors.map("CreateMultipartUpload", bucket, key, e);
      }
      List<CompletedPart> parts;
      String crc;
      CompleteMultipartUploadResponse done;
      try {
        parts = sendParts(uploadId, first);
        crc = Crc32c.toBase64(whole.getValue());
        checkExpected(bucket, key, options, crc);
        try {
          done = s3.completeMultipartUpload(b -> {
            b.bucket(bucket).key(key).uploadId(uploadId).multipartUpload(m -> m.parts(parts));
            if (fullObject) {
              // S3 checks the assembled object against this before making it visible.
              b.checksumType(ChecksumType.FULL_OBJECT).checksumCRC32C(crc);
            }
          });
        } catch (RuntimeException e) {
          throw StorageErrors.map("CompleteMultipartUpload", bucket, key, e);
        }
      } catch (RuntimeException | Error e) {
        abort(uploadId, e);
        throw e;
      }
      // Completed: from here on there is nothing to abort.
      String expected = fullObject ? crc : Crc32c.composite(partChecksums);
      String stored = done.checksumCRC32C();
      if (stored != null && !stored.equals(expected)) {
        throw new ChecksumMismatchException(ctx("CompleteMultipartUpload", bucket, key), "S3 assembled an"
            + " object whose checksum differs from the one computed while sending; the object may be"
            + " corrupt", expected, stored, null);
      }
      return new UploadResult(bucket, key, unquote(done.eTag()), done.versionId(), size, parts.size(),
          crc, ObjectChecksum.crc32c(stored != null ? stored : expected), contentType);
    }

    private List<CompletedPart> sendParts(String uploadId, UploadSource.Chunk first) {
      UploadSource.Chunk chunk = first;
      int partNumber = 1;
      long known = source.knownLength();
      while (true) {
        if (chunk.length() > 0 || partNumber == 1) {
          if (partNumber > S3StorageConfig.MAX_PARTS) {
            throw new StorageRequestException(ctx("UploadPart", bucket, key), "the stream needs more than "
                + S3StorageConfig.MAX_PARTS + " parts of " + partSize + " bytes; raise partSize", null);
          }
          submit(uploadId, partNumber++, chunk);
        }
        rethrowFailure();
        if (known >= 0 ? size >= known : chunk.length() < partSize || atEnd(source, bucket, key)) {
          break;
        }
        chunk = read(source, (int) partSize, bucket, key);
        if (known >= 0 && chunk.length() == 0) {
          throw new LocalIoException(ctx("UploadPart", bucket, key), "the stream ended after " + size
              + " of its declared " + known + " bytes", null);
        }
      }
      List<CompletedPart> parts = new ArrayList<>(futures.size());
      for (Future<CompletedPart> f : futures) {
        parts.add(await(f));
      }
      return parts;
    }

    private void submit(String uploadId, int partNumber, UploadSource.Chunk chunk) {
      whole.update(chunk.data(), chunk.offset(), chunk.length());
      size += chunk.length();
      String crc = Crc32c.of(chunk.data(), chunk.offset(), chunk.length());
      partChecksums.add(crc);
      try {
        inFlight.acquire();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StorageRequestException(ctx("UploadPart", bucket, key), "interrupted", e);
      }
      futures.add(partExecutor.submit(() -> {
        try {
          if (failure.get() != null) {
            throw new IllegalStateException("upload already failed");
          }
          UploadPartResponse response = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                  .partNumber(partNumber).contentLength((long) chunk.length()).checksumCRC32C(crc),
              RequestBody.fromContentProvider(provider(chunk), chunk.length(), contentType));
          return CompletedPart.builder().partNumber(partNumber).eTag(response.eTag())
              .checksumCRC32C(crc).build();
        } catch (RuntimeException e) {
          StorageException mapped = StorageErrors.map("UploadPart", bucket, key, e);
          failure.compareAndSet(null, mapped);
          throw mapped;
        } catch (Error e) {
          failure.compareAndSet(null, e);
          throw e;
        } finally {
          inFlight.release();
        }
      }));
    }

    private void rethrowFailure() {
      Throwable t = failure.get();
      if (t instanceof RuntimeException r) {
        throw r;
      }
      if (t instanceof Error err) {
        throw err;
      }
    }

    private CompletedPart await(Future<CompletedPart> future) {
      try {
        return future.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StorageRequestException(ctx("UploadPart", bucket, key), "interrupted", e);
      } catch (ExecutionException e) {
        Throwable first = failure.get() != null ? failure.get() : e.getCause();
        if (first instanceof RuntimeException r) {
          throw r;
        }
        throw new StorageRequestException(ctx("UploadPart", bucket, key), "part upload failed: " + first,
            first);
      }
    }

    private void abort(String uploadId, Throwable cause) {
      futures.forEach(f -> f.cancel(false));
      // Wait for parts being sent so that none lands after the abort.
      for (Future<CompletedPart> f : futures) {
        try {
          f.get();
        } catch (Exception ignored) {
          // already reported through cause
        }
      }
      try {
        s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
        LOG.debug("Aborted multipart upload to s3://{}/{} after: {}", bucket, key, cause.toString());
      } catch (RuntimeException e) {
        cause.addSuppressed(e);
        LOG.warn("Could not abort multipart upload {} to s3://{}/{}; its parts stay billed until a"
            + " lifecycle rule removes them: {}", uploadId, bucket, key, e.toString());
      }
    }
  }
}
