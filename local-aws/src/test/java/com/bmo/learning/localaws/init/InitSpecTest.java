package com.bmo.learning.localaws.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bmo.learning.localaws.LocalAwsStartException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitSpecTest {

  @Test
  void readsYamlWithAllSectionsAndResolvesFilesAgainstTheInitFile(@TempDir Path dir) throws Exception {
    Path init = dir.resolve("init.yaml");
    Files.writeString(init, """
        buckets: [docs, backups]
        secrets:
          - name: app/key
            value: v1
          - name: app/db
            json: {username: u, password: p}
            tags: {env: local}
        objects:
          - bucket: docs
            key: a.md
            file: seed/a.md
            metadata: {course: c1}
        """);
    InitSpec spec = InitSpec.read(init);
    assertThat(spec.source()).isEqualTo("init.yaml");
    assertThat(spec.buckets()).containsExactly("docs", "backups");
    assertThat(spec.secrets()).hasSize(2);
    assertThat(spec.secrets().get(1).secretString()).isEqualTo("{\"username\":\"u\",\"password\":\"p\"}");
    assertThat(spec.secrets().get(1).tags()).containsEntry("env", "local");
    assertThat(spec.objects().get(0).file()).isEqualTo(dir.resolve("seed/a.md").toString());
    assertThat(spec.objects().get(0).metadata()).containsEntry("course", "c1");
  }

  @Test
  void readsJson(@TempDir Path dir) throws Exception {
    Path init = dir.resolve("init.json");
    Files.writeString(init, "{\"buckets\":[\"b\"],\"objects\":[{\"bucket\":\"b\",\"key\":\"k\",\"content\":\"hi\"}]}");
    InitSpec spec = InitSpec.read(init);
    assertThat(spec.objects().get(0).content()).isEqualTo("hi");
  }

  @Test
  void unknownFieldIsRejectedWithTheFileName() {
    assertThatThrownBy(() -> InitSpec.parse("bucket: [x]".getBytes(StandardCharsets.UTF_8), false,
        "bad.yaml", Path.of(".")))
        .isInstanceOf(LocalAwsStartException.class)
        .hasMessageContaining("bad.yaml")
        .hasMessageContaining("bucket");
  }

  @Test
  void secretNeedsExactlyOneValue() {
    assertThatThrownBy(() -> InitSpec.parse("secrets: [{name: s, value: a, binaryBase64: YQ==}]"
        .getBytes(StandardCharsets.UTF_8), false, "s.yaml", Path.of(".")))
        .isInstanceOf(LocalAwsStartException.class)
        .hasMessageContaining("exactly one of value, json, binaryBase64");
  }

  @Test
  void objectNeedsContentOrFile() {
    assertThatThrownBy(() -> InitSpec.parse("objects: [{bucket: b, key: k}]"
        .getBytes(StandardCharsets.UTF_8), false, "o.yaml", Path.of(".")))
        .hasMessageContaining("s3://b/k needs exactly one of content, file");
  }

  @Test
  void mergeKeepsBothAndDoesNotRepeatBuckets() {
    InitSpec a = new InitSpec("a", java.util.List.of("x", "y"), null, null);
    InitSpec b = new InitSpec("b", java.util.List.of("y", "z"), null, null);
    assertThat(a.merge(b).buckets()).containsExactly("x", "y", "z");
    assertThat(a.merge(b).source()).isEqualTo("a+b");
    assertThat(InitSpec.empty().merge(b)).isSameAs(b);
  }

  @Test
  void missingFileIsAStartError(@TempDir Path dir) {
    assertThatThrownBy(() -> InitSpec.read(dir.resolve("nope.yaml")))
        .isInstanceOf(LocalAwsStartException.class)
        .hasMessageContaining("nope.yaml");
  }
}
