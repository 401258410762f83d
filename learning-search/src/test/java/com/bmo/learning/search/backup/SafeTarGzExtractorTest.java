package com.bmo.learning.search.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bmo.learning.search.backup.UnsafeArchiveException.Violation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile archives, crafted with Commons Compress: each must be refused with the right violation, and
 * afterwards nothing may exist outside the target (the sandbox around it is compared file by file) and
 * nothing inside it either.
 */
class SafeTarGzExtractorTest {

  @TempDir
  Path sandbox;
  Path target;
  Map<String, String> before;

  @BeforeEach
  void setUp() throws IOException {
    // Files beside the target that an escaping entry would overwrite or join.
    Files.writeString(sandbox.resolve("neighbour.txt"), "untouched");
    Files.createDirectories(sandbox.resolve("other"));
    Files.writeString(sandbox.resolve("other/file.txt"), "untouched too");
    Files.createDirectories(sandbox.resolve("work"));
    target = sandbox.resolve("work/target");
    before = snapshotOutsideTarget();
  }

  private final SafeTarGzExtractor extractor = new SafeTarGzExtractor(new ExtractionLimits(20, 10_000));

  // ------------------------------------------------------------------------------------------- accepted

  @Test
  void extractsRegularFilesAndDirectories() throws IOException {
    byte[] archive = archive(tar -> {
      dir(tar, "sub/");
      file(tar, "segments_1", "commit");
      file(tar, "sub/_0.cfs", "segment data");
      file(tar, "./_0.si", "info");
    });

    ExtractionResult result = extractor.extract(new ByteArrayInputStream(archive), target);

    assertThat(result.files()).isEqualTo(3);
    assertThat(result.directories()).isEqualTo(1);
    assertThat(result.bytes()).isEqualTo("commit".length() + "segment data".length() + "info".length());
    assertThat(Files.readString(target.resolve("segments_1"))).isEqualTo("commit");
    assertThat(Files.readString(target.resolve("sub/_0.cfs"))).isEqualTo("segment data");
    assertThat(Files.readString(target.resolve("_0.si"))).isEqualTo("info");
    assertThat(snapshotOutsideTarget()).isEqualTo(before);
  }

  @Test
  void refusesANonEmptyTarget() throws IOException {
    Files.createDirectories(target);
    Files.writeString(target.resolve("existing"), "x");
    byte[] archive = archive(tar -> file(tar, "a", "b"));
    assertThatThrownBy(() -> extractor.extract(new ByteArrayInputStream(archive), target))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not empty");
    assertThat(Files.readString(target.resolve("existing"))).isEqualTo("x");
  }

  // ------------------------------------------------------------------------------------------- refused

  @Test
  void refusesAbsolutePath() throws IOException {
    Path escape = sandbox.resolve("absolute-escape.txt");
    byte[] archive = archive(tar -> {
      file(tar, "ok.txt", "fine");
      rawFile(tar, escape.toString(), "pwned");
    });
    assertRefused(archive, Violation.ABSOLUTE_PATH);
    assertThat(escape).doesNotExist();
  }

  @Test
  void refusesWindowsAbsolutePath() throws IOException {
    assertRefused(archive(tar -> rawFile(tar, "C:/evil.txt", "pwned")), Violation.ABSOLUTE_PATH);
  }

  @Test
  void refusesParentTraversal() throws IOException {
    byte[] archive = archive(tar -> {
      file(tar, "ok.txt", "fine");
      rawFile(tar, "../../neighbour.txt", "pwned");
    });
    assertRefused(archive, Violation.PARENT_TRAVERSAL);
    assertThat(Files.readString(sandbox.resolve("neighbour.txt"))).isEqualTo("untouched");
  }

  @Test
  void refusesTraversalHiddenInsideAPath() throws IOException {
    assertRefused(archive(tar -> rawFile(tar, "sub/./../../../other/file.txt", "pwned")),
        Violation.PARENT_TRAVERSAL);
    assertThat(Files.readString(sandbox.resolve("other/file.txt"))).isEqualTo("untouched too");
  }

  @Test
  void refusesSymbolicLinkAndTheFileWrittenThroughIt() throws IOException {
    byte[] archive = archive(tar -> {
      TarArchiveEntry link = new TarArchiveEntry("link", TarConstants.LF_SYMLINK);
      link.setLinkName(sandbox.resolve("other").toString());
      tar.putArchiveEntry(link);
      tar.closeArchiveEntry();
      file(tar, "link/planted.txt", "pwned");
    });
    UnsafeArchiveException e = assertRefused(archive, Violation.SYMBOLIC_LINK);
    assertThat(e.entryName()).isEqualTo("link");
    assertThat(sandbox.resolve("other/planted.txt")).doesNotExist();
  }

  @Test
  void refusesHardLink() throws IOException {
    byte[] archive = archive(tar -> {
      TarArchiveEntry link = new TarArchiveEntry("hard", TarConstants.LF_LINK);
      link.setLinkName(sandbox.resolve("neighbour.txt").toString());
      tar.putArchiveEntry(link);
      tar.closeArchiveEntry();
    });
    assertRefused(archive, Violation.HARD_LINK);
  }

  @Test
  void refusesCharacterDevice() throws IOException {
    assertRefused(archive(tar -> special(tar, "null", TarConstants.LF_CHR)), Violation.DEVICE_FILE);
  }

  @Test
  void refusesBlockDevice() throws IOException {
    assertRefused(archive(tar -> special(tar, "sda", TarConstants.LF_BLK)), Violation.DEVICE_FILE);
  }

  @Test
  void refusesFifo() throws IOException {
    assertRefused(archive(tar -> special(tar, "pipe", TarConstants.LF_FIFO)), Violation.DEVICE_FILE);
  }

  @Test
  void refusesDuplicateEntry() throws IOException {
    byte[] archive = archive(tar -> {
      file(tar, "segments_1", "first");
      file(tar, "segments_1", "second, replacing the first");
    });
    assertRefused(archive, Violation.DUPLICATE_ENTRY);
  }

  @Test
  void refusesDuplicateSpelledDifferently() throws IOException {
    byte[] archive = archive(tar -> {
      file(tar, "a/b", "first");
      file(tar, "a//./b", "second");
    });
    assertRefused(archive, Violation.DUPLICATE_ENTRY);
  }

  @Test
  void refusesTooManyEntries() throws IOException {
    byte[] archive = archive(tar -> {
      for (int i = 0; i < 21; i++) {
        file(tar, "f" + i, "x");
      }
    });
    assertRefused(archive, Violation.TOO_MANY_ENTRIES);
  }

  @Test
  void refusesAnEntryLargerThanTheExpandedLimitBeforeWritingIt() throws IOException {
    byte[] archive = archive(tar -> file(tar, "big", "x".repeat(10_001)));
    assertRefused(archive, Violation.EXPANDED_SIZE_LIMIT);
  }

  @Test
  void refusesFilesThatTogetherPassTheExpandedLimit() throws IOException {
    byte[] archive = archive(tar -> {
      for (int i = 0; i < 4; i++) {
        file(tar, "part" + i, "y".repeat(3_000));
      }
    });
    assertRefused(archive, Violation.EXPANDED_SIZE_LIMIT);
  }

  @Test
  void refusesAGzipBombOfZeros() throws IOException {
    // 50 MB of zeros compress to ~50 KB; the decompressed stream is cut off at the limit.
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GzipCompressorOutputStream gz = new GzipCompressorOutputStream(bytes)) {
      TarArchiveEntry e = new TarArchiveEntry("zeros");
      e.setSize(50L << 20);
      ByteArrayOutputStream header = new ByteArrayOutputStream();
      try (TarArchiveOutputStream tar = new TarArchiveOutputStream(header)) {
        tar.putArchiveEntry(e);
        // header only; the body follows below without buffering 50 MB
      } catch (IOException expectedIncomplete) {
        // closing before the body is written complains; the header bytes are what we need
      }
      gz.write(header.toByteArray(), 0, 512);
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 50; i++) {
        gz.write(zeros);
      }
    }
    assertRefused(bytes.toByteArray(), Violation.EXPANDED_SIZE_LIMIT);
  }

  @Test
  void refusesNonGzipInput() {
    byte[] notGzip = "this is not an archive".getBytes(StandardCharsets.UTF_8);
    assertRefused(notGzip, Violation.CORRUPT);
  }

  @Test
  void refusesATruncatedArchiveAndRemovesWhatItExtracted() throws IOException {
    byte[] archive = archive(tar -> {
      file(tar, "first", "complete");
      file(tar, "second", "z".repeat(5_000));
    });
    byte[] truncated = java.util.Arrays.copyOf(archive, archive.length - 30);
    assertThatThrownBy(() -> extractor.extract(new ByteArrayInputStream(truncated), target))
        .isInstanceOf(UnsafeArchiveException.class);
    assertNothingLeft();
  }

  @Test
  void relativePathNormalisesHarmlessSegments() {
    assertThat(SafeTarGzExtractor.relativePath("./a//b/./c")).isEqualTo("a/b/c");
    assertThat(SafeTarGzExtractor.relativePath("./")).isEmpty();
    assertThatThrownBy(() -> SafeTarGzExtractor.relativePath("a\\..\\b"))
        .isInstanceOf(UnsafeArchiveException.class)
        .extracting(e -> ((UnsafeArchiveException) e).violation()).isEqualTo(Violation.INVALID_NAME);
  }

  // ------------------------------------------------------------------------------------------- helpers

  private UnsafeArchiveException assertRefused(byte[] archive, Violation violation) {
    UnsafeArchiveException e = (UnsafeArchiveException) org.assertj.core.api.Assertions.catchThrowable(
        () -> extractor.extract(new ByteArrayInputStream(archive), target));
    assertThat(e).as("extraction must be refused").isNotNull();
    assertThat(e.violation()).isEqualTo(violation);
    assertNothingLeft();
    return e;
  }

  private void assertNothingLeft() {
    assertThat(target).as("the target is removed on refusal").doesNotExist();
    try {
      assertThat(snapshotOutsideTarget()).as("nothing changed outside the target").isEqualTo(before);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** Every path under the sandbox except the target, with file contents. */
  private Map<String, String> snapshotOutsideTarget() throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(sandbox)) {
      for (Path p : walk.filter(p -> !p.startsWith(target)).toList()) {
        String rel = sandbox.relativize(p).toString();
        if (Files.isSymbolicLink(p)) {
          files.put(rel, "symlink");
        } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          files.put(rel, Files.readString(p));
        } else {
          files.put(rel, "dir");
        }
      }
    }
    return files;
  }

  @FunctionalInterface
  interface TarBody {
    void write(TarArchiveOutputStream tar) throws IOException;
  }

  static byte[] archive(TarBody body) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      body.write(tar);
    }
    return bytes.toByteArray();
  }

  static void file(TarArchiveOutputStream tar, String name, String content) throws IOException {
    rawFile(tar, name, content);
  }

  /** A file entry whose name is kept exactly as given (Commons Compress would strip a leading '/'). */
  static void rawFile(TarArchiveOutputStream tar, String name, String content) throws IOException {
    byte[] data = content.getBytes(StandardCharsets.UTF_8);
    TarArchiveEntry e = new TarArchiveEntry(name, true);
    e.setSize(data.length);
    tar.putArchiveEntry(e);
    tar.write(data);
    tar.closeArchiveEntry();
  }

  static void dir(TarArchiveOutputStream tar, String name) throws IOException {
    tar.putArchiveEntry(new TarArchiveEntry(name));
    tar.closeArchiveEntry();
  }

  static void special(TarArchiveOutputStream tar, String name, byte type) throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(name, type);
    e.setDevMajor(1);
    e.setDevMinor(3);
    tar.putArchiveEntry(e);
    tar.closeArchiveEntry();
  }

  static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
