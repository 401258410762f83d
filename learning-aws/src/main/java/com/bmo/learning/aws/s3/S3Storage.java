package com.bmo.learning.aws.s3;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.RetryableException;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Error;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;
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
  private static final int COPY_BUFFER = 64 * 1024;

  private final S3Client s3;
  private final S3Presigner presigner;
  private final S3StorageConfig config;
  private final ThreadPoolExecutor partExecutor;
  private final AtomicBoolean closed = new AtomicBoolean();

  S3Storage(S3Client s3, S3Presigner presigner, S3StorageConfig config) {
    this.s3 = s3;
    this.presigner = presigner;
    this.config = config;
    int threads = Math.max(1, config.partConcurrency() * config.batchParallelism());
    this.partExecutor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), daemonThreads("s3storage-part-"));
    this.partExecutor.allowCoreThreadTimeOut(true);
  }

  /** A client with the given settings. */
  public static S3Storage create(S3StorageConfig config) {
    S3Client s3 = buildClient(config);
    S3Presigner presigner;
    try {
      presigner = buildPresigner(config);
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

  static S3Client buildClient(S3StorageConfig config) {
    RetryStrategy retry = AwsRetryStrategy.standardRetryStrategy().toBuilder()
        .maxAttempts(config.maxAttempts())
        .build();
    S3ClientBuilder builder = S3Client.builder()
        .httpClientBuilder(Apache5HttpClient.builder()
            .maxConnections(config.maxConnections())
            .connectionTimeout(config.connectionTimeout())
            .socketTimeout(config.socketTimeout()))
        .overrideConfiguration(o -> o.retryStrategy(retry))
        // This client computes CRC32C itself and sends the value; the SDK must not add a second checksum.
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_SUPPORTED)
        .forcePathStyle(config.pathStyle());
    config.resolvedEndpoint().ifPresent(builder::endpointOverride);
    config.resolvedRegion().ifPresent(r -> builder.region(Region.of(r)));
    if (config.credentialsProvider() != null) {
      builder.credentialsProvider(config.credentialsProvider());
    }
    return builder.build();
  }

  static S3Presigner buildPresigner(S3StorageConfig config) {
    S3Presigner.Builder builder = S3Presigner.builder()
        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(config.pathStyle()).build());
    config.resolvedEndpoint().ifPresent(builder::endpointOverride);
    config.resolvedRegion().ifPresent(r -> builder.region(Region.of(r)));
    if (config.credentialsProvider() != null) {
      builder.credentialsProvider(config.credentialsProvider());
    }
    return builder.build();
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
    long started = System.nanoTime();
    long length = source.knownLength();
    long partSize = partSizeFor(config.partSize(), length);
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

  // -------------------------------------------------------------------------------------------- download

  /**
   * Downloads an object to {@code target}: into a temporary file in the same directory, which is checked
   * against the object's checksum, flushed to disk and then moved into place atomically. On any failure
   * the temporary file is removed and {@code target} is left as it was. Parent directories are created.
   */
  public DownloadResult download(String bucket, String key, Path target) {
    checkBucketAndKey(bucket, key);
    checkOpen();
    long started = System.nanoTime();
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    Path temp;
    try {
      Files.createDirectories(dir);
      temp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".download");
    } catch (IOException e) {
      throw new LocalIoException(ctx("GetObject", bucket, key), "cannot create a temporary file in " + dir
          + ": " + e, e);
    }
    boolean moved = false;
    try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
      DownloadResult result = get(bucket, key, null, (response, in) -> {
        // Called again by the SDK's retries when the connection fails mid-body: start over.
        channel.truncate(0);
        channel.position(0);
        return copyVerified(bucket, key, response, in, buf -> {
          while (buf.hasRemaining()) {
            channel.write(buf);
          }
        }, true);
      });
      channel.force(true);
      Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      moved = true;
      LOG.debug("Downloaded s3://{}/{} to {}: {} bytes, {}, {} ms", bucket, key, absolute, result.size(),
          result.verification(), millisSince(started));
      return result;
    } catch (IOException e) {
      throw new LocalIoException(ctx("GetObject", bucket, key), "cannot write " + absolute + ": " + e, e);
    } finally {
      if (!moved) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException e) {
          LOG.warn("Could not remove temporary file {}: {}", temp, e.toString());
        }
      }
    }
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
    return get(bucket, key, range, (response, in) -> copyVerified(bucket, key, response, in,
        buf -> out.write(buf.array(), buf.arrayOffset() + buf.position(), buf.remaining()), false));
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
    AtomicReference<ByteArrayOutputStream> holder = new AtomicReference<>();
    get(bucket, key, range, (response, in) -> {
      Long length = response.contentLength();
      if (length != null && length > Integer.MAX_VALUE - 64) {
        throw new StorageRequestException(ctx("GetObject", bucket, key), "object of " + length
            + " bytes is too large to read into memory; download it to a file", null);
      }
      ByteArrayOutputStream buffer = new ByteArrayOutputStream(length == null ? 8192 : length.intValue());
      holder.set(buffer);
      return copyVerified(bucket, key, response, in,
          buf -> buffer.write(buf.array(), buf.arrayOffset() + buf.position(), buf.remaining()), true);
    });
    return holder.get().toByteArray();
  }

  /** Where downloaded bytes go; the buffer is only valid during the call. */
  @FunctionalInterface
  private interface Sink {
    void write(ByteBuffer buffer) throws IOException;
  }

  @FunctionalInterface
  private interface BodyHandler {
    DownloadResult handle(GetObjectResponse response, InputStream body) throws IOException;
  }

  private DownloadResult get(String bucket, String key, ByteRange range, BodyHandler handler) {
    GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(bucket).key(key);
    if (range != null) {
      request.range(range.header());
    } else {
      request.checksumMode(ChecksumMode.ENABLED);
    }
    try {
      return s3.getObject(request.build(), (ResponseTransformer<GetObjectResponse, DownloadResult>)
          (response, in) -> handler.handle(response, in));
    } catch (RuntimeException e) {
      throw StorageErrors.map("GetObject", bucket, key, unwrap(e));
    }
  }

  /**
   * Copies the body to the sink while computing the object's checksum, and compares it at the end.
   * A failure reading from the network is handed to the SDK as retryable (it repeats the request, and the
   * handler starts over) unless bytes already went to a sink that cannot be rewound.
   */
  private static DownloadResult copyVerified(String bucket, String key, GetObjectResponse response,
      InputStream in, Sink sink, boolean rewindable) {
    boolean ranged = response.contentRange() != null;
    ObjectChecksum stored = ranged ? null : StoredChecksum.of(response);
    StoredChecksum.Verifier verifier = StoredChecksum.verifier(stored);
    byte[] buf = new byte[COPY_BUFFER];
    long total = 0;
    while (true) {
      int n;
      try {
        n = in.read(buf);
      } catch (IOException e) {
        if (rewindable || total == 0) {
          throw RetryableException.builder().message("reading s3://" + bucket + "/" + key
              + " failed after " + total + " bytes").cause(e).build();
        }
        throw new TransientStorageException(ctx("GetObject", bucket, key), "connection failed after "
            + total + " bytes had been written to the caller's stream: " + e, 1, e);
      }
      if (n < 0) {
        break;
      }
      if (n == 0) {
        continue;
      }
      verifier.update(buf, 0, n);
      try {
        sink.write(ByteBuffer.wrap(buf, 0, n));
      } catch (IOException e) {
        throw new LocalIoException(ctx("GetObject", bucket, key), "writing the downloaded data failed: "
            + e, e);
      }
      total += n;
    }
    DownloadResult.Verification verification;
    if (ranged) {
      verification = DownloadResult.Verification.RANGE_NOT_VERIFIABLE;
    } else if (stored == null) {
      verification = DownloadResult.Verification.NO_CHECKSUM;
    } else if (!verifier.canVerify()) {
      verification = DownloadResult.Verification.COMPOSITE_NOT_VERIFIABLE;
    } else {
      String actual = verifier.value();
      if (!actual.equals(stored.value())) {
        throw new ChecksumMismatchException(ctx("GetObject", bucket, key), "the content received does not"
            + " match the " + stored.algorithm() + " checksum S3 stored", stored.value(), actual, null);
      }
      verification = DownloadResult.Verification.VERIFIED;
    }
    return new DownloadResult(bucket, key, total, unquote(response.eTag()), stored, verification);
  }

  /** The StorageException a transformer threw, from under the SDK's wrapping, or the error itself. */
  private static Throwable unwrap(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof StorageException) {
        return t;
      }
    }
    return e;
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
    if (files.isEmpty()) {
      return new BatchUploadResult(bucket, List.of());
    }
    long started = System.nanoTime();
    int threads = Math.min(config.batchParallelism(), files.size());
    ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads("s3storage-batch-"));
    try {
      List<Future<FileUploadResult>> futures = new ArrayList<>(files.size());
      for (FileUpload f : files) {
        futures.add(pool.submit(() -> {
          try {
            return new FileUploadResult.Uploaded(f.file(), f.key(),
                upload(bucket, f.key(), f.file(), f.options()));
          } catch (RuntimeException e) {
            return new FileUploadResult.Failed(f.file(), f.key(),
                StorageErrors.map("PutObject", bucket, f.key(), e));
          }
        }));
      }
      List<FileUploadResult> results = new ArrayList<>(files.size());
      for (Future<FileUploadResult> future : futures) {
        try {
          results.add(future.get());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          futures.forEach(x -> x.cancel(true));
          throw new StorageRequestException(ctx("PutObject", bucket, null), "batch upload interrupted", e);
        } catch (ExecutionException e) {
          throw new IllegalStateException("batch task failed unexpectedly", e.getCause());
        }
      }
      BatchUploadResult result = new BatchUploadResult(bucket, results);
      LOG.debug("Batch upload to s3://{}: {} uploaded, {} failed, {} ms", bucket, result.uploaded().size(),
          result.failed().size(), millisSince(started));
      return result;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Uploads every regular file under {@code directory} (symbolic links are not followed), keyed
   * {@code keyPrefix + relative path} with {@code /} separators, in path order.
   */
  public BatchUploadResult uploadDirectory(String bucket, Path directory, String keyPrefix) {
    checkBucket(bucket);
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
    return uploadAll(bucket, files);
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

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
