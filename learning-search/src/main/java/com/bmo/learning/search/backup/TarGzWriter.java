package com.bmo.learning.search.backup;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.apache.commons.codec.digest.DigestUtils;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/** Writes files of one directory into a flat tar.gz, computing the archive's SHA-256 on the way. */
final class TarGzWriter {

  private static final int BUFFER = 256 * 1024;

  private TarGzWriter() {
  }

  /** What was written. */
  record Written(long archiveBytes, long contentBytes, String sha256) {
  }

  static Written write(Path directory, List<String> names, Path archive, int level) throws IOException {
    MessageDigest sha = DigestUtils.getSha256Digest();
    GzipParameters gzip = new GzipParameters();
    gzip.setCompressionLevel(level);
    long content = 0;
    CountingOutputStream counted = new CountingOutputStream(new BufferedOutputStream(
        Files.newOutputStream(archive), BUFFER));
    // Closing the tar stream finishes gzip's trailer and closes every stream below it, file included.
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(
        new BufferedOutputStream(new DigestOutputStream(counted, sha), BUFFER), gzip), BUFFER)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      byte[] buffer = new byte[BUFFER];
      for (String name : names) {
        Path source = directory.resolve(name);
        long size = Files.size(source);
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(size);
        entry.setMode(0100644);
        entry.setLastModifiedTime(FileTime.from(Files.getLastModifiedTime(source).toInstant()));
        tar.putArchiveEntry(entry);
        long copied = 0;
        try (InputStream in = Files.newInputStream(source)) {
          int n;
          while (copied < size
              && (n = in.read(buffer, 0, (int) Math.min(buffer.length, size - copied))) > 0) {
            tar.write(buffer, 0, n);
            copied += n;
          }
        }
        if (copied != size) {
          // Lucene never changes a committed file; a short read means the disk lost it.
          throw new IOException(source + " shrank while being archived");
        }
        tar.closeArchiveEntry();
        content += size;
      }
      tar.finish();
    } finally {
      counted.close();
    }
    return new Written(counted.count, content, HexFormat.of().formatHex(sha.digest()));
  }

  private static final class CountingOutputStream extends java.io.FilterOutputStream {
    private long count;

    CountingOutputStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }
  }
}
