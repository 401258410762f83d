package com.bmo.learning.search.backup;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The manifest of an incremental backup: every file of one Lucene commit with its size and checksums, and
 * the repository object holding it ({@code files/<name>-<sha256>}, relative to the repository prefix).
 * Segment files never change once written, so a file already in the repository under the same name and
 * SHA-256 is reused instead of uploaded again.
 *
 * @param format {@value #FORMAT}
 * @param crc32 Lucene's own footer checksum of each file, used to reuse a known SHA-256 without re-reading
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IncrementalManifest(String format, String collection, String createdAt, long generation,
    String segmentsFile, long chunkCount, int dimension, String persistDirectory, List<Entry> files) {

  public static final String FORMAT = "bmo-lucene-incremental/1";
  /** Lucene file names: segments_N, _0.cfs, _1_Lucene99HnswVectorsFormat_0.vex, ... */
  private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,254}");
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /**
   * One index file.
   *
   * @param object the repository object, relative to the repository prefix
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Entry(String name, long size, long crc32, String sha256, String object) {
  }

  public IncrementalManifest {
    files = List.copyOf(files);
  }

  /** The repository object of a file: name and content together, so equal names with other content differ. */
  static String objectFor(String name, String sha256) {
    return "files/" + name + "-" + sha256;
  }

  byte[] toJson() {
    try {
      return JSON.writeValueAsBytes(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write manifest", e);
    }
  }

  /**
   * Reads and checks a manifest: known format, safe file names (no path, no {@code ..}), well-formed
   * checksums, objects where {@link #objectFor} puts them, no duplicates, the segments file listed.
   */
  static IncrementalManifest parse(byte[] json, String bucket, String key) {
    IncrementalManifest m;
    try {
      m = JSON.readValue(json, IncrementalManifest.class);
    } catch (IOException e) {
      throw new BackupIntegrityException(bucket, key, "the manifest is not valid JSON: " + e.getMessage(), e);
    }
    if (!FORMAT.equals(m.format())) {
      throw new BackupIntegrityException(bucket, key, "unknown manifest format '" + m.format() + "'", null);
    }
    if (m.files() == null || m.files().isEmpty()) {
      throw new BackupIntegrityException(bucket, key, "the manifest lists no files", null);
    }
    Set<String> names = new HashSet<>();
    for (Entry e : m.files()) {
      if (e == null || e.name() == null || !FILE_NAME.matcher(e.name()).matches()
          || e.name().contains("..") || e.name().equals("write.lock")) {
        throw new BackupIntegrityException(bucket, key, "the manifest lists an invalid file name '"
            + (e == null ? null : e.name()) + "'", null);
      }
      if (e.sha256() == null || !SHA256.matcher(e.sha256()).matches() || e.size() < 0) {
        throw new BackupIntegrityException(bucket, key, "the manifest entry of " + e.name()
            + " has an invalid checksum or size", null);
      }
      if (!Objects.equals(e.object(), objectFor(e.name(), e.sha256()))) {
        throw new BackupIntegrityException(bucket, key, "the manifest entry of " + e.name()
            + " points at an unexpected object '" + e.object() + "'", null);
      }
      if (!names.add(e.name())) {
        throw new BackupIntegrityException(bucket, key, "the manifest lists " + e.name() + " twice", null);
      }
    }
    if (!names.contains(m.segmentsFile())) {
      throw new BackupIntegrityException(bucket, key, "the manifest does not list its segments file "
          + m.segmentsFile(), null);
    }
    return m;
  }

  long totalBytes() {
    return files.stream().mapToLong(Entry::size).sum();
  }
}
