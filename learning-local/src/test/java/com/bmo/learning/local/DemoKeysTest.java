package com.bmo.learning.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Demo keys survive restarts with a data directory, without being stored in clear. */
class DemoKeysTest {

  @Test
  void theSameDataDirectoryGivesTheSameKeysAtEveryStart(@TempDir Path dir) throws IOException {
    DemoKeys first = DemoKeys.of(dir);
    DemoKeys again = DemoKeys.of(dir);
    assertThat(again).isEqualTo(first);
    assertThat(first.user()).startsWith("bmo_").hasSize(36).isNotEqualTo(first.admin());

    Path seed = dir.resolve(DemoKeys.SEED_FILE);
    assertThat(Files.getPosixFilePermissions(seed)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(file)).doesNotContain(first.user()).doesNotContain(first.admin());
      }
    }
  }

  @Test
  void anotherDataDirectoryOrNoneGivesOtherKeys(@TempDir Path a, @TempDir Path b) {
    assertThat(DemoKeys.of(a)).isNotEqualTo(DemoKeys.of(b));
    assertThat(DemoKeys.random()).isNotEqualTo(DemoKeys.random());
    assertThat(DemoKeys.of(a).toString()).doesNotContain(DemoKeys.of(a).user());
  }
}
