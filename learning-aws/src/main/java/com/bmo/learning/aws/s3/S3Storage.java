package com.bmo.learning.aws.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Error;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * A thread-safe S3 storage client on the AWS SDK for Java v2: uploads (file, bytes, streams of known or
 * unknown length) with automatic multipart and CRC32C checksums, verified downloads (atomic to a file, to
 * a stream, ranged), lazy listings, deletes, copies, HEAD, presigned URLs and batch uploads.
 *
 * <p>Every failure is a {@link StorageException} naming operation, bucket and key. Retries are the SDK's
 * standard retry strategy (exponential backoff with jitter, throttling-aware) with
 * {@link S3StorageConfig#maxAttempts()} attempts. Logs (SLF4J, DEBUG) carry bucket, key, sizes and
 * timings, never object contents or credentials.
 *
 * <p>Create one per application with {@link #create(S3StorageConfig)} and {@link #close()} it at the end;
 * it owns an HTTP connection pool and a small thread pool for multipart parts.
 */
public final class S3Storage implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(S3Storage.class);
  /** AWS's bounds for a presigned URL's lifetime (SigV4 query signing). */
  static final Duration MIN_PRESIGN_EXPIRY = Duration.ofSeconds(1);
  static final Duration MAX_PRESIGN_EXPIRY = Duration.ofDays(7);
  /** DeleteObjects takes at most this many keys per request. */
  static final int DELETE_BATCH = 1000;

  private final S3Client s3;
  private final S3Presigner presigner;
  private final S3StorageConfig config;
  private final ThreadPoolExecutor partExecutor;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final ObjectUploads uploads;
  private final ObjectDownloads downloads;
  private final BatchUploads batches;

  S3Storage(S3Client s3, S3Presigner presigner, S3StorageConfig config) {
    this.s3 = s3;
    this.presigner = presigner;
    this.config = config;
    int threads = Math.max(1, config.partConcurrency() * config.batchParallelism());
    this.partExecutor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), daemonThreads("s3storage-part-"));
    this.partExecutor.allowCoreThreadTimeOut(true);
    this.uploads = new ObjectUploads(s3, config, partExecutor);
    this.downloads = new ObjectDownloads(s3);
    this.batches = new BatchUploads(config.batchParallelism(), this::upload);
  }

  /** A client with the given settings. */
  public static S3Storage create(S3StorageConfig config) {
    S3Client s3 = SdkClients.s3(config);
    S3Presigner presigner;
    try {
      presigner = SdkClients.presigner(config);
    } catch (RuntimeException e) {
      s3.close();
      throw e;
    }
    LOG.info("S3 storage client created: {}", config);
    return new S3Storage(s3, presigner, config);
  }

  /** A client with the default settings; endpoint and region from the environment. */
  public static S3Storage create() {
    return create(S3StorageConfig.defaults());
  }

  public S3StorageConfig config() {
    return config;
  }

  // ---------------------------------------------------------------------------------------------- upload

  /** Uploads a file; content type from the key's extension, else the file's. */
  public UploadResult upload(String bucket, String key, Path file) {
    return upload(bucket, key, file, UploadOptions.none());
  }

  /** Uploads a file; multipart above {@link S3StorageConfig#multipartThreshold()}. */
  public UploadResult upload(String bucket, String key, Path file, UploadOptions options) {
    checkBucketAndKey(bucket, key);
    String contentType = contentType(options, key, file.getFileName() == null ? null
        : file.getFileName().toString());
    long size;
    InputStream in;
    try {
      size = Files.size(file);
      in = Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      throw new LocalIoException(ctx("PutObject", bucket, key), "source file " + file + " does not exist",
          e);
    } catch (IOException e) {
      throw new LocalIoException(ctx("PutObject", bucket, key), "cannot read source file " + file + ": "
          + e, e);
    }
    try (in) {
      return upload(bucket, key, UploadSource.of(in, size), contentType, options);
    } catch (IOException e) {
      throw new LocalIoException(ctx("PutObject", bucket, key), "cannot close source file " + file, e);
    }
  }

  /**
   * Uploads bytes. The array is sent as is, without a copy: do not change it until this returns.
   */
  public UploadResult upload(String bucket, String key, byte[] bytes, UploadOptions options) {
    checkBucketAndKey(bucket, key);
    return upload(bucket, key, UploadSource.of(bytes), contentType(options, key, null), options);
  }

  /**
   * Uploads exactly {@code length} bytes from a stream. The stream is not closed. Fails with
   * {@link LocalIoException} if it ends early.
   */
  public UploadResult upload(String bucket, String key, InputStream in, long length,
      UploadOptions options) {
    checkBucketAndKey(bucket, key);
    if (length < 0) {
      throw new IllegalArgumentException("length must be >= 0, was " + length
          + "; use upload(bucket, key, stream, options) for a stream of unknown length");
    }
    return upload(bucket, key, UploadSource.of(in, length), contentType(options, key, null), options);
  }

  /**
   * Uploads a stream of unknown length, to its end. Memory stays within
   * {@code partSize × (partConcurrency + 1)} however long the stream is; at most 10,000 parts (80 GB
   * with the default 8 MiB parts). The stream is not closed.
   */
  public UploadResult upload(String bucket, String key, InputStream in, UploadOptions options) {
    checkBucketAndKey(bucket, key);
    return upload(bucket, key, UploadSource.of(in, -1), contentType(options, key, null), options);
  }

  private UploadResult upload(String bucket, String key, UploadSource source, String contentType,
      UploadOptions options) {
    checkOpen();
    return uploads.upload(bucket, key, source, contentType, options);
  }

  /** The configured part size, raised if a known length would otherwise need more than 10,000 parts. */
  static long partSizeFor(long configured, long length) {
    long partSize = configured;
    if (length > partSize * S3StorageConfig.MAX_PARTS) {
      long needed = (length + S3StorageConfig.MAX_PARTS - 1) / S3StorageConfig.MAX_PARTS;
      partSize = (needed + S3StorageConfig.MIB - 1) / S3StorageConfig.MIB * S3StorageConfig.MIB;
      if (partSize > Integer.MAX_VALUE - 64) {
        throw new StorageRequestException(ctx("PutObject", null, null), "an object of " + length
            + " bytes needs parts over 2 GiB, which this client does not buffer", null);
      }
    }
    return partSize;
  }

  // -------------------------------------------------------------------------------------------- download

  /**
   * Downloads an object to {@code target}: into a temporary file in the same directory, which is checked
   * against the object's checksum, flushed to disk and then moved into place atomically. On any failure
   * the temporary file is removed and {@code target} is left as it was. Parent directories are created.
   */
  public DownloadResult download(String bucket, String key, Path target) {
    checkBucketAndKey(bucket, key);
    checkOpen();
    return downloads.toFile(bucket, key, target);
  }

  /**
   * Writes an object to {@code out} (not closed), verifying it against its stored checksum. The check can
   * only happen at the end: on {@link ChecksumMismatchException} the bytes already written must be thrown
   * away.
   */
  public DownloadResult download(String bucket, String key, OutputStream out) {
    return downloadTo(bucket, key, null, out);
  }

  /** Writes a byte range of an object to {@code out} (not closed). Ranges carry no checksum. */
  public DownloadResult download(String bucket, String key, ByteRange range, OutputStream out) {
    if (range == null) {
      throw new IllegalArgumentException("range must not be null");
    }
    return downloadTo(bucket, key, range, out);
  }

  private DownloadResult downloadTo(String bucket, String key, ByteRange range, OutputStream out) {
    checkBucketAndKey(bucket, key);
    checkOpen();
    return downloads.toStream(bucket, key, range, out);
  }

  /** The whole object in memory, verified against its stored checksum. */
  public byte[] readAllBytes(String bucket, String key) {
    return readToMemory(bucket, key, null);
  }

  /** A byte range of an object in memory, such as {@code ByteRange.of(0, 99)} for the first 100 bytes. */
  public byte[] readRange(String bucket, String key, ByteRange range) {
    if (range == null) {
      throw new IllegalArgumentException("range must not be null");
    }
    return readToMemory(bucket, key, range);
  }

  private byte[] readToMemory(String bucket, String key, ByteRange range) {
    checkBucketAndKey(bucket, key);
    checkOpen();
    return downloads.toMemory(bucket, key, range);
  }


  // ------------------------------------------------------------------------------------ list, head, etc.

  /** Every object whose key starts with {@code prefix} (null or empty: all), lazily, page by page. */
  public Stream<ObjectSummary> list(String bucket, String prefix) {
    return list(bucket, prefix, null).map(ObjectSummary.class::cast);
  }

  /**
   * Objects and common prefixes ("folders") under {@code prefix}, grouped by {@code delimiter} (usually
   * {@code "/"}; null for a flat listing), in key order. Pages of 1,000 are fetched only as the stream is
   * consumed; a failure surfaces as a {@link StorageException} from the stream.
   */
  public Stream<ListEntry> list(String bucket, String prefix, String delimiter) {
    checkBucket(bucket);
    checkOpen();
    if (delimiter != null && delimiter.isEmpty()) {
      throw new IllegalArgumentException("delimiter must be null or non-empty");
    }
    return new ObjectPages(s3, bucket, prefix, delimiter, 1000).stream();
  }

  /** Object metadata (HEAD); {@link ObjectNotFoundException} or {@link BucketNotFoundException}. */
  public ObjectMetadata head(String bucket, String key) {
    checkBucketAndKey(bucket, key);
    checkOpen();
    HeadObjectResponse r;
    try {
      r = s3.headObject(b -> b.bucket(bucket).key(key).checksumMode(ChecksumMode.ENABLED));
    } catch (RuntimeException e) {
      throw notFoundOnHead("HeadObject", bucket, key, e);
    }
    return new ObjectMetadata(bucket, key, r.contentLength() == null ? 0 : r.contentLength(),
        unquote(r.eTag()), r.lastModified(), r.contentType(), r.metadata(), StoredChecksum.of(r),
        r.versionId());
  }

  /** True if the object exists; {@link BucketNotFoundException} if the bucket does not. */
  public boolean exists(String bucket, String key) {
    checkBucketAndKey(bucket, key);
    checkOpen();
    try {
      s3.headObject(b -> b.bucket(bucket).key(key));
      return true;
    } catch (RuntimeException e) {
      StorageException mapped = notFoundOnHead("HeadObject", bucket, key, e);
      if (mapped instanceof ObjectNotFoundException) {
        return false;
      }
      throw mapped;
    }
  }

  /**
   * A 404 answer to HEAD has no body, so it cannot say whether the key or the bucket is missing: ask the
   * bucket (only on this error path).
   */
  private StorageException notFoundOnHead(String operation, String bucket, String key,
      RuntimeException e) {
    StorageException mapped = StorageErrors.map(operation, bucket, key, e);
    if (mapped instanceof ObjectNotFoundException && !bucketExists(bucket)) {
      return new BucketNotFoundException(ctx(operation, bucket, key).withResponse(404, "NoSuchBucket",
          mapped.requestId().orElse(null)), "bucket not found", e);
    }
    return mapped;
  }

  private boolean bucketExists(String bucket) {
    try {
      s3.headBucket(b -> b.bucket(bucket));
      return true;
    } catch (RuntimeException e) {
      StorageException mapped = StorageErrors.map("HeadBucket", bucket, null, e);
      if (mapped instanceof BucketNotFoundException) {
        return false;
      }
      return true;
    }
  }

  /** Deletes one object. Deleting a key that does not exist succeeds, as in S3. */
  public void delete(String bucket, String key) {
    checkBucketAndKey(bucket, key);
    checkOpen();
    try {
      s3.deleteObject(b -> b.bucket(bucket).key(key));
    } catch (RuntimeException e) {
      throw StorageErrors.map("DeleteObject", bucket, key, e);
    }
    LOG.debug("Deleted s3://{}/{}", bucket, key);
  }

  /**
   * Deletes many objects, 1,000 keys per request. Keys S3 refuses are reported one by one in the result
   * instead of failing the whole call; a request-level failure (bucket missing, access denied for the
   * request, S3 unavailable) throws. Every key is validated before anything is deleted.
   */
  public DeleteResult deleteAll(String bucket, Collection<String> keys) {
    checkBucket(bucket);
    checkOpen();
    Set<String> unique = new LinkedHashSet<>();
    for (String key : keys) {
      unique.add(ObjectKey.validate(bucket, key));
    }
    List<String> all = new ArrayList<>(unique);
    List<String> deleted = new ArrayList<>();
    List<DeleteResult.Failure> failures = new ArrayList<>();
    for (int from = 0; from < all.size(); from += DELETE_BATCH) {
      List<String> batch = all.subList(from, Math.min(all.size(), from + DELETE_BATCH));
      List<ObjectIdentifier> ids = batch.stream().map(k -> ObjectIdentifier.builder().key(k).build())
          .toList();
      DeleteObjectsResponse response;
      try {
        // Quiet mode: S3 answers with the failures only, which keeps responses small.
        response = s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(ids).quiet(true)));
      } catch (RuntimeException e) {
        throw StorageErrors.map("DeleteObjects", bucket, null, e);
      }
      Set<String> failed = new LinkedHashSet<>();
      for (S3Error error : response.errors()) {
        failed.add(error.key());
        failures.add(new DeleteResult.Failure(error.key(), error.code(), error.message()));
      }
      batch.stream().filter(k -> !failed.contains(k)).forEach(deleted::add);
    }
    LOG.debug("Deleted {} objects from s3://{} ({} failed)", deleted.size(), bucket, failures.size());
    return new DeleteResult(bucket, deleted, failures);
  }

  /**
   * Copies an object within S3 (no data passes through this machine), keeping content type and user
   * metadata; the copy gets its own CRC32C checksum. Objects up to 5 GiB (S3's CopyObject limit).
   */
  public CopyResult copy(String sourceBucket, String sourceKey, String bucket, String key) {
    checkBucketAndKey(sourceBucket, sourceKey);
    checkBucketAndKey(bucket, key);
    checkOpen();
    CopyObjectResponse r;
    try {
      r = s3.copyObject(b -> b.sourceBucket(sourceBucket).sourceKey(sourceKey)
          .destinationBucket(bucket).destinationKey(key)
          .metadataDirective(MetadataDirective.COPY)
          .checksumAlgorithm(ChecksumAlgorithm.CRC32_C));
    } catch (RuntimeException e) {
      StorageException mapped = StorageErrors.map("CopyObject", sourceBucket, sourceKey, e);
      if (mapped instanceof BucketNotFoundException && !sourceBucket.equals(bucket)
          && bucketExists(sourceBucket)) {
        // The source bucket is there, so the missing one is the destination.
        throw new BucketNotFoundException(ctx("CopyObject", bucket, key).withResponse(404, "NoSuchBucket",
            mapped.requestId().orElse(null)), "destination bucket not found", e);
      }
      throw mapped;
    }
    LOG.debug("Copied s3://{}/{} to s3://{}/{}", sourceBucket, sourceKey, bucket, key);
    return new CopyResult(sourceBucket, sourceKey, bucket, key,
        r.copyObjectResult() == null ? null : unquote(r.copyObjectResult().eTag()), r.versionId());
  }

  // ------------------------------------------------------------------------------------------- presigning

  /** A URL that GETs the object without credentials until it expires (1 second to 7 days). */
  public PresignedRequest presignGet(String bucket, String key, Duration expiry) {
    checkBucketAndKey(bucket, key);
    checkExpiry(bucket, key, expiry);
    checkOpen();
    PresignedGetObjectRequest p = presigner.presignGetObject(b -> b.signatureDuration(expiry)
        .getObjectRequest(g -> g.bucket(bucket).key(key)));
    return new PresignedRequest(p.url(), "GET", p.signedHeaders(), p.expiration());
  }

  /**
   * A URL that PUTs the object without credentials until it expires (1 second to 7 days). The content
   * type (given, or detected from the key) is signed: the HTTP request must send it, as listed in
   * {@link PresignedRequest#signedHeaders()}.
   */
  public PresignedRequest presignPut(String bucket, String key, Duration expiry, String contentType) {
    checkBucketAndKey(bucket, key);
    checkExpiry(bucket, key, expiry);
    checkOpen();
    String type = contentType == null || contentType.isBlank() ? ContentTypes.detect(key) : contentType;
    PresignedPutObjectRequest p = presigner.presignPutObject(b -> b.signatureDuration(expiry)
        .putObjectRequest(r -> r.bucket(bucket).key(key).contentType(type)));
    return new PresignedRequest(p.url(), "PUT", p.signedHeaders(), p.expiration());
  }

  static void checkExpiry(String bucket, String key, Duration expiry) {
    if (expiry == null || expiry.compareTo(MIN_PRESIGN_EXPIRY) < 0
        || expiry.compareTo(MAX_PRESIGN_EXPIRY) > 0) {
      throw new IllegalArgumentException("presigned URL expiry for s3://" + bucket + "/" + key
          + " must be between 1 second and 7 days, was " + expiry);
    }
  }

  // ---------------------------------------------------------------------------------------- batch upload

  /**
   * Uploads files, {@link S3StorageConfig#batchParallelism()} at a time. One file's failure does not stop
   * the others: each gets its own {@link FileUploadResult}, in the order given.
   */
  public BatchUploadResult uploadAll(String bucket, List<FileUpload> files) {
    checkBucket(bucket);
    checkOpen();
    return batches.uploadAll(bucket, files);
  }


  /**
   * Uploads every regular file under {@code directory} (symbolic links are not followed), keyed
   * {@code keyPrefix + relative path} with {@code /} separators, in path order.
   */
  public BatchUploadResult uploadDirectory(String bucket, Path directory, String keyPrefix) {
    checkBucket(bucket);
    return uploadAll(bucket, batches.filesUnder(bucket, directory, keyPrefix));
  }


  // ------------------------------------------------------------------------------------------------ misc

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      partExecutor.shutdownNow();
      presigner.close();
      s3.close();
      LOG.debug("S3 storage client closed");
    }
  }

  private void checkOpen() {
    if (closed.get()) {
      throw new IllegalStateException("S3Storage is closed");
    }
  }

  private static void checkBucket(String bucket) {
    BucketName.of(bucket);
  }

  private static void checkBucketAndKey(String bucket, String key) {
    BucketName.of(bucket);
    ObjectKey.validate(bucket, key);
  }

  private static String contentType(UploadOptions options, String key, String fileName) {
    if (options.contentType() != null) {
      return options.contentType();
    }
    String fromKey = ContentTypes.detect(key);
    if (!ContentTypes.DEFAULT.equals(fromKey) || fileName == null) {
      return fromKey;
    }
    return ContentTypes.detect(fileName);
  }

  static StorageException.Context ctx(String operation, String bucket, String key) {
    return StorageException.Context.of(operation, bucket, key);
  }

  static String unquote(String eTag) {
    if (eTag != null && eTag.length() >= 2 && eTag.startsWith("\"") && eTag.endsWith("\"")) {
      return eTag.substring(1, eTag.length() - 1);
    }
    return eTag;
  }

  static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }

  static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
