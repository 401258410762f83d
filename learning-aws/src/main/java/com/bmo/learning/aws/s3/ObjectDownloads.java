package com.bmo.learning.aws.s3;

import static com.bmo.learning.aws.s3.S3Storage.ctx;
import static com.bmo.learning.aws.s3.S3Storage.millisSince;
import static com.bmo.learning.aws.s3.S3Storage.unquote;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.RetryableException;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * {@link S3Storage}'s downloads after validation: to a file (atomically), to a stream or into memory,
 * each checked against the object's stored checksum where S3 has one.
 */
final class ObjectDownloads {

  // Logged under the facade's name, as before the split, so that log settings keep working.
  private static final Logger LOG = LoggerFactory.getLogger(S3Storage.class);
  private static final int COPY_BUFFER = 64 * 1024;

  private final S3Client s3;

  ObjectDownloads(S3Client s3) {
    this.s3 = s3;
  }

  /** See {@link S3Storage#download(String, String, Path)}. */
  DownloadResult toFile(String bucket, String key, Path target) {
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

  /** The object, or a range of it ({@code range} not null), to {@code out} (not closed). */
  DownloadResult toStream(String bucket, String key, ByteRange range, OutputStream out) {
    return get(bucket, key, range, (response, in) -> copyVerified(bucket, key, response, in,
        buf -> out.write(buf.array(), buf.arrayOffset() + buf.position(), buf.remaining()), false));
  }

  /** The object, or a range of it ({@code range} not null), in memory. */
  byte[] toMemory(String bucket, String key, ByteRange range) {
    AtomicReference<MemorySink> holder = new AtomicReference<>();
    get(bucket, key, range, (response, in) -> {
      Long length = response.contentLength();
      if (length != null && length > Integer.MAX_VALUE - 64) {
        throw new StorageRequestException(ctx("GetObject", bucket, key), "object of " + length
            + " bytes is too large to read into memory; download it to a file", null);
      }
      // A fresh sink per attempt: the SDK calls this again when it retries a broken body.
      MemorySink sink = new MemorySink(length);
      holder.set(sink);
      return copyVerified(bucket, key, response, in, sink, true);
    });
    return holder.get().bytes();
  }

  /**
   * Collects a body in memory: straight into an array of the announced length (no copy at the end), or
   * into a growing buffer when the length is unknown.
   */
  private static final class MemorySink implements Sink {
    private byte[] exact;
    private int position;
    private ByteArrayOutputStream growing;

    MemorySink(Long length) {
      if (length != null) {
        exact = new byte[length.intValue()];
      } else {
        growing = new ByteArrayOutputStream();
      }
    }

    @Override
    public void write(ByteBuffer buf) throws IOException {
      int n = buf.remaining();
      if (exact != null) {
        if (position + n > exact.length) {
          // More than announced: fall back to a growing buffer rather than fail.
          growing = new ByteArrayOutputStream(position + n);
          growing.write(exact, 0, position);
          exact = null;
        } else {
          buf.get(exact, position, n);
          position += n;
          return;
        }
      }
      growing.write(buf.array(), buf.arrayOffset() + buf.position(), n);
    }

    byte[] bytes() {
      if (exact != null) {
        return position == exact.length ? exact : Arrays.copyOf(exact, position);
      }
      return growing.toByteArray();
    }
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
}
