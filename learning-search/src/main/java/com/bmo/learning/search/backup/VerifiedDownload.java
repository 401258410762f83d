package com.bmo.learning.search.backup;

import com.bmo.learning.aws.s3.S3Storage;
import com.bmo.learning.aws.s3.StorageException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * Downloads a backup object to a file while checking it against a {@link BackupDigest}: the download stops
 * as soon as it passes the expected size (a swapped-in tar bomb costs at most that many bytes), and the
 * SHA-256 computed on the way is compared at the end, before anything reads the file. On a mismatch the file
 * is deleted and a {@link BackupIntegrityException} says what differed.
 */
public final class VerifiedDownload {

  private VerifiedDownload() {
  }

  /** Downloads {@code s3://bucket/key} to {@code file} (created or replaced), verified against {@code expected}. */
  public static void toFile(S3Storage storage, String bucket, String key, Path file, BackupDigest expected) {
    CheckingStream checking;
    try (OutputStream out = Files.newOutputStream(file)) {
      checking = new CheckingStream(out, expected.size());
      storage.download(bucket, key, checking);
    } catch (StorageException e) {
      deleteQuietly(file);
      SizeExceededException exceeded = causeOf(e);
      if (exceeded != null) {
        throw new BackupIntegrityException(bucket, key, exceeded.getMessage(), null);
      }
      throw e;
    } catch (IOException e) {
      deleteQuietly(file);
      throw new BackupIoException(bucket, key, "cannot write " + file + ": " + e, e);
    }
    String actual = HexFormat.of().formatHex(checking.sha256.digest());
    if (checking.count != expected.size() || !actual.equals(expected.sha256())) {
      deleteQuietly(file);
      throw new BackupIntegrityException(bucket, key, "the object has " + checking.count + " bytes, SHA-256 "
          + actual + "; the backup was recorded with " + expected.size() + " bytes, " + expected.sha256(), null);
    }
  }

  private static SizeExceededException causeOf(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SizeExceededException s) {
        return s;
      }
    }
    return null;
  }

  private static void deleteQuietly(Path file) {
    WorkFiles.deleteQuietly(file);
  }

  /** Thrown by the sink, so that S3Storage aborts the download at once; mapped to an integrity failure. */
  static final class SizeExceededException extends IOException {
    private static final long serialVersionUID = 1L;

    SizeExceededException(long limit) {
      super("the object is larger than the " + limit + " bytes the backup was recorded with; download stopped");
    }
  }

  /** Counts and hashes what passes, refusing a byte beyond the limit. */
  static final class CheckingStream extends FilterOutputStream {
    private final long limit;
    private final MessageDigest sha256 = DigestUtils.getSha256Digest();
    private long count;

    CheckingStream(OutputStream out, long limit) {
      super(out);
      this.limit = limit;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (count + len > limit) {
        throw new SizeExceededException(limit);
      }
      sha256.update(b, off, len);
      out.write(b, off, len);
      count += len;
    }

    long count() {
      return count;
    }

    String sha256Hex() {
      return HexFormat.of().formatHex(sha256.digest());
    }
  }
}
