package com.bmo.learning.search.backup;

import com.bmo.learning.search.backup.UnsafeArchiveException.Violation;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Extracts a tar.gz into a new directory, refusing anything that could write outside it or exhaust the
 * disk: absolute names, {@code ..} segments, symbolic and hard links, device files and FIFOs, other
 * special entries, duplicate paths, and archives past {@link ExtractionLimits}. Only regular files and
 * directories are created, with default permissions (modes, owners and times in the archive are ignored).
 *
 * <p>Every check happens before the entry touches the disk, and every path is resolved and checked to be
 * inside the target. The target is created by the extraction (its parent must exist) and must not exist
 * yet (or be an empty directory): since no link is ever created in it, no later entry can be redirected through one. On a
 * refusal or any other failure everything extracted so far is removed, so the target is gone (or empty, if
 * it existed).
 */
public final class SafeTarGzExtractor {

  private static final int BUFFER = 64 * 1024;
  /** Tar headers and padding around each entry; bounds the decompressed stream, not file content. */
  private static final long TAR_OVERHEAD_PER_ENTRY = 3 * 512;

  private final ExtractionLimits limits;

  public SafeTarGzExtractor(ExtractionLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  public ExtractionLimits limits() {
    return limits;
  }

  /** Extracts the gzipped tar read from {@code in} (not closed) into {@code target}. */
  public ExtractionResult extract(InputStream in, Path target) {
    Objects.requireNonNull(in, "in");
    Path root = Objects.requireNonNull(target, "target").toAbsolutePath().normalize();
    boolean created = prepareTarget(root);
    try {
      return extractInto(in, root);
    } catch (RuntimeException e) {
      cleanUp(root, created, e);
      throw e;
    }
  }

  /** Extracts a tar.gz file. */
  public ExtractionResult extract(Path archive, Path target) {
    try (InputStream in = Files.newInputStream(archive)) {
      return extract(in, target);
    } catch (IOException e) {
      throw new BackupIoException(null, null, "cannot read archive " + archive + ": " + e, e);
    }
  }

  private static boolean prepareTarget(Path root) {
    try {
      if (Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
          throw new IllegalArgumentException("extraction target " + root + " exists and is not a directory");
        }
        try (Stream<Path> children = Files.list(root)) {
          if (children.findAny().isPresent()) {
            throw new IllegalArgumentException("extraction target " + root + " is not empty");
          }
        }
        return false;
      }
      // The parent must exist: an extraction creates nothing but the target and what is inside it.
      Files.createDirectory(root);
      return true;
    } catch (IOException e) {
      throw new BackupIoException(null, null, "cannot create extraction target " + root + ": " + e, e);
    }
  }

  private ExtractionResult extractInto(InputStream in, Path root) {
    long maxStream = limits.maxExpandedBytes() + (limits.maxEntries() + 4L) * TAR_OVERHEAD_PER_ENTRY + 10240;
    Set<String> seen = new HashSet<>();
    int entries = 0;
    int files = 0;
    int directories = 0;
    long bytes = 0;
    byte[] buffer = new byte[BUFFER];
    String name = null;
    try (GzipCompressorInputStream gz = new GzipCompressorInputStream(nonClosing(in), true);
        LimitedInputStream limited = new LimitedInputStream(gz, maxStream);
        TarArchiveInputStream tar = new TarArchiveInputStream(limited)) {
      TarArchiveEntry entry;
      while ((entry = nextEntry(tar, name)) != null) {
        name = entry.getName();
        if (++entries > limits.maxEntries()) {
          throw new UnsafeArchiveException(Violation.TOO_MANY_ENTRIES, name, "more than "
              + limits.maxEntries() + " entries", null);
        }
        checkType(entry);
        String relative = relativePath(name);
        if (relative.isEmpty()) {
          // "./" : the target itself.
          if (!entry.isDirectory()) {
            throw new UnsafeArchiveException(Violation.INVALID_NAME, name, "a file entry names the target"
                + " directory itself", null);
          }
          continue;
        }
        if (!seen.add(relative)) {
          throw new UnsafeArchiveException(Violation.DUPLICATE_ENTRY, name, "the path appears twice", null);
        }
        Path dest = root.resolve(relative).normalize();
        if (!dest.startsWith(root) || dest.equals(root)) {
          // Unreachable after relativePath's checks; kept as the last line of defence.
          throw new UnsafeArchiveException(Violation.PARENT_TRAVERSAL, name, "resolves outside the target",
              null);
        }
        if (entry.isDirectory()) {
          createDirectories(root, dest, name);
          directories++;
          continue;
        }
        long declared = entry.getSize();
        if (declared < 0 || bytes + declared > limits.maxExpandedBytes()) {
          throw new UnsafeArchiveException(Violation.EXPANDED_SIZE_LIMIT, name, "expands past "
              + limits.maxExpandedBytes() + " bytes", null);
        }
        createDirectories(root, dest.getParent(), name);
        try (OutputStream out = Files.newOutputStream(dest, StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE)) {
          int n;
          while ((n = tar.read(buffer)) != -1) {
            bytes += n;
            if (bytes > limits.maxExpandedBytes()) {
              throw new UnsafeArchiveException(Violation.EXPANDED_SIZE_LIMIT, name, "expands past "
                  + limits.maxExpandedBytes() + " bytes", null);
            }
            out.write(buffer, 0, n);
          }
        } catch (FileAlreadyExistsException e) {
          throw new UnsafeArchiveException(Violation.DUPLICATE_ENTRY, name, "the path already exists", e);
        }
        files++;
      }
    } catch (IOException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof LimitExceededException) {
          throw new UnsafeArchiveException(Violation.EXPANDED_SIZE_LIMIT, name, "the archive expands past "
              + maxStream + " bytes", e);
        }
      }
      throw new UnsafeArchiveException(Violation.CORRUPT, name, "not a readable tar.gz: " + e, e);
    }
    return new ExtractionResult(root, files, directories, bytes);
  }

  private static TarArchiveEntry nextEntry(TarArchiveInputStream tar, String previous) throws IOException {
    try {
      return tar.getNextEntry();
    } catch (IllegalArgumentException e) {
      // Commons Compress reports some malformed headers this way.
      throw new UnsafeArchiveException(Violation.CORRUPT, previous, "malformed tar header after this entry: "
          + e.getMessage(), e);
    }
  }

  private static void checkType(TarArchiveEntry entry) {
    String name = entry.getName();
    if (entry.isSymbolicLink()) {
      throw new UnsafeArchiveException(Violation.SYMBOLIC_LINK, name, "symbolic links are not allowed (to '"
          + entry.getLinkName() + "')", null);
    }
    if (entry.isLink()) {
      throw new UnsafeArchiveException(Violation.HARD_LINK, name, "hard links are not allowed (to '"
          + entry.getLinkName() + "')", null);
    }
    if (entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO()) {
      throw new UnsafeArchiveException(Violation.DEVICE_FILE, name, "device files and FIFOs are not allowed",
          null);
    }
    if (entry.isDirectory()) {
      return;
    }
    if (!entry.isFile() || entry.isSparse()) {
      throw new UnsafeArchiveException(Violation.UNSUPPORTED_ENTRY_TYPE, name, "entry type '"
          + (char) entry.getLinkFlag() + "' is neither a regular file nor a directory", null);
    }
  }

  /**
   * The entry's path relative to the target, segments joined by {@code /}, {@code .} segments dropped;
   * empty for the target itself. Refuses absolute names, {@code ..}, NUL and backslashes.
   */
  static String relativePath(String name) {
    if (name == null || name.isEmpty()) {
      throw new UnsafeArchiveException(Violation.INVALID_NAME, name, "empty entry name", null);
    }
    if (name.indexOf('\0') >= 0) {
      throw new UnsafeArchiveException(Violation.INVALID_NAME, name, "NUL in entry name", null);
    }
    if (name.startsWith("/") || name.startsWith("\\") || name.matches("^[A-Za-z]:.*")) {
      throw new UnsafeArchiveException(Violation.ABSOLUTE_PATH, name, "absolute entry name", null);
    }
    if (name.indexOf('\\') >= 0) {
      // A separator on Windows; refusing it keeps the name's meaning the same everywhere.
      throw new UnsafeArchiveException(Violation.INVALID_NAME, name, "backslash in entry name", null);
    }
    List<String> parts = new ArrayList<>();
    for (String segment : name.split("/")) {
      if (segment.equals("..")) {
        throw new UnsafeArchiveException(Violation.PARENT_TRAVERSAL, name, "'..' in entry name", null);
      }
      if (!segment.isEmpty() && !segment.equals(".")) {
        parts.add(segment);
      }
    }
    return String.join("/", parts);
  }

  private static void createDirectories(Path root, Path dir, String name) {
    // Walk down from the target creating each level, refusing anything that is not a plain directory.
    Path current = root;
    for (Path part : root.relativize(dir)) {
      current = current.resolve(part.toString());
      try {
        if (!Files.isDirectory(current, LinkOption.NOFOLLOW_LINKS)) {
          Files.createDirectory(current);
        }
      } catch (FileAlreadyExistsException e) {
        throw new UnsafeArchiveException(Violation.DUPLICATE_ENTRY, name, "a file of the archive is in the"
            + " way of directory " + root.relativize(current), e);
      } catch (IOException e) {
        throw new BackupIoException(null, null, "cannot create " + current + ": " + e, e);
      }
    }
  }

  private static void cleanUp(Path root, boolean removeRoot, Exception failure) {
    try (Stream<Path> walk = Files.walk(root)) {
      List<Path> paths = walk.sorted(Comparator.reverseOrder()).toList();
      for (Path p : paths) {
        if (!p.equals(root) || removeRoot) {
          Files.deleteIfExists(p);
        }
      }
    } catch (IOException | RuntimeException e) {
      if (!(e instanceof DirectoryNotEmptyException)) {
        failure.addSuppressed(e);
      }
    }
  }

  private static InputStream nonClosing(InputStream in) {
    return new FilterInputStream(in) {
      @Override
      public void close() {
        // the caller owns the stream
      }
    };
  }

  /** Thrown by {@link LimitedInputStream} when more than its limit is read. */
  private static final class LimitExceededException extends IOException {
    private static final long serialVersionUID = 1L;

    LimitExceededException(long limit) {
      super("more than " + limit + " bytes");
    }
  }

  /** Fails once more than {@code limit} bytes have been read: a gzip bomb stops at the limit. */
  private static final class LimitedInputStream extends FilterInputStream {
    private final long limit;
    private long count;

    LimitedInputStream(InputStream in, long limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      if (skipped > 0) {
        count(skipped);
      }
      return skipped;
    }

    private void count(long n) throws LimitExceededException {
      count += n;
      if (count > limit) {
        throw new LimitExceededException(limit);
      }
    }
  }
}
