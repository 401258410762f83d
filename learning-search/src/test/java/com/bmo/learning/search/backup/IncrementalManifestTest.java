package com.bmo.learning.search.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A manifest read from S3 is input like any other: names in it must not be able to escape. */
class IncrementalManifestTest {

  static final String SHA = "a".repeat(64);

  static IncrementalManifest manifest(IncrementalManifest.Entry... files) {
    return new IncrementalManifest(IncrementalManifest.FORMAT, "lessons", "2026-01-01T00:00:00Z", 3,
        "segments_3", 10, 384, "/data/lessons", List.of(files));
  }

  static IncrementalManifest.Entry entry(String name) {
    return new IncrementalManifest.Entry(name, 10, 1, SHA, IncrementalManifest.objectFor(name, SHA));
  }

  @Test
  void roundTripsThroughJson() {
    IncrementalManifest m = manifest(entry("segments_3"), entry("_0.cfs"));
    IncrementalManifest back = IncrementalManifest.parse(m.toJson(), "b", "k");
    assertThat(back).isEqualTo(m);
    assertThat(back.totalBytes()).isEqualTo(20);
  }

  @Test
  void refusesPathsTraversalAndForeignObjects() {
    for (String bad : List.of("../segments_3", "/etc/passwd", "sub/_0.cfs", "..", "write.lock", "")) {
      byte[] json = manifest(entry("segments_3"), entry(bad)).toJson();
      assertThatThrownBy(() -> IncrementalManifest.parse(json, "b", "k")).as(bad)
          .isInstanceOf(BackupIntegrityException.class).hasMessageContaining("invalid file name");
    }
    IncrementalManifest.Entry foreign = new IncrementalManifest.Entry("_0.cfs", 1, 1, SHA, "../other/key");
    assertThatThrownBy(() -> IncrementalManifest.parse(manifest(entry("segments_3"), foreign).toJson(),
        "b", "k")).isInstanceOf(BackupIntegrityException.class).hasMessageContaining("unexpected object");
  }

  @Test
  void refusesDuplicatesMissingSegmentsFileAndUnknownFormat() {
    assertThatThrownBy(() -> IncrementalManifest.parse(manifest(entry("segments_3"), entry("_0.cfs"),
        entry("_0.cfs")).toJson(), "b", "k")).hasMessageContaining("twice");
    assertThatThrownBy(() -> IncrementalManifest.parse(manifest(entry("_0.cfs")).toJson(), "b", "k"))
        .hasMessageContaining("segments file");
    byte[] other = new String(manifest(entry("segments_3")).toJson(), StandardCharsets.UTF_8)
        .replace(IncrementalManifest.FORMAT, "something/9").getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> IncrementalManifest.parse(other, "b", "k")).hasMessageContaining("format");
    assertThatThrownBy(() -> IncrementalManifest.parse("{nope".getBytes(StandardCharsets.UTF_8), "b", "k"))
        .isInstanceOf(BackupIntegrityException.class).hasMessageContaining("s3://b/k");
  }

  @Test
  void metadataTextKeepsNonAsciiPathsReadable() {
    String path = "/données/index 100%/collection";
    String encoded = MetadataText.encode(path);
    assertThat(encoded).matches("[\\x20-\\x7e]*").doesNotContain("é");
    assertThat(MetadataText.decode(encoded)).isEqualTo(path);
    assertThat(MetadataText.encode("/plain/path")).isEqualTo("/plain/path");
  }
}
