package com.bmo.learning.localaws.secretsmanager;

import static com.bmo.learning.localaws.secretsmanager.SecretStoreTest.assertError;
import static com.bmo.learning.localaws.secretsmanager.SecretStoreTest.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretStorePersistenceTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2025-06-01T08:00:00.250Z"));

  @TempDir
  Path dir;

  @Test
  void everyChangeSurvivesReopening() {
    Path file = dir.resolve("secrets.json");
    SecretStore first = SecretStore.open(file, "us-east-1", clock);
    Secret created = first.create(new NewSecret("app/db", "database", "alias/k", text("one"),
        List.of(new SecretTag("env", "dev")), null)).secret();
    first.putValue("app/db", null, text("two"), null);
    byte[] bytes = {0, 1, (byte) 0xff};
    first.create(new NewSecret("bin", null, null, new SecretValue.BinaryValue(bytes), List.of(), null));
    first.create(new NewSecret("doomed", null, null, text("x"), List.of(), null));
    first.delete("doomed", 7L, false);
    first.getValue("app/db", null, null);

    SecretStore second = SecretStore.open(file, "us-east-1", clock);

    Secret reloaded = second.describe("app/db");
    assertThat(reloaded.arn()).isEqualTo(created.arn());
    assertThat(reloaded).isEqualTo(first.describe("app/db"));
    assertThat(((SecretValue.StringValue) second.getValue("app/db", null, "AWSPREVIOUS").version().value())
        .text()).isEqualTo("one");
    assertThat(second.getValue("bin", null, null).version().value())
        .isEqualTo(new SecretValue.BinaryValue(bytes));
    assertThat(second.describe("doomed").deletion()).isEqualTo(first.describe("doomed").deletion());
  }

  @Test
  void purgeAndForcedDeleteAreSaved() {
    Path file = dir.resolve("secrets.json");
    SecretStore first = SecretStore.open(file, "us-east-1", clock);
    first.create(new NewSecret("a", null, null, text("x"), List.of(), null));
    first.create(new NewSecret("b", null, null, text("x"), List.of(), null));
    first.delete("a", null, true);
    first.delete("b", 7L, false);
    clock.advance(Duration.ofDays(7));

    assertThat(SecretStore.open(file, "us-east-1", clock).size()).isZero();
    assertThat(SecretStore.open(file, "us-east-1", clock).snapshot()).isEmpty();
  }

  @Test
  void fileIsReplacedAtomicallyAndReadableByItsOwnerOnly() throws IOException {
    Path file = dir.resolve("secrets.json");
    SecretStore store = SecretStore.open(file, "us-east-1", clock);
    store.create(new NewSecret("a", null, null, text("x"), List.of(), null));
    store.putValue("a", null, text("y"), null);

    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
    if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
      assertThat(Files.getPosixFilePermissions(file))
          .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }
  }

  @Test
  void aChangeThatCannotBeSavedIsUndone() throws IOException {
    Path sub = dir.resolve("sub");
    Path file = sub.resolve("secrets.json");
    SecretStore store = SecretStore.open(file, "us-east-1", clock);
    store.create(new NewSecret("a", null, null, text("x"), List.of(), null));

    // A regular file where the directory was: no write can succeed, even as root.
    Files.delete(file);
    Files.delete(sub);
    Files.writeString(sub, "not a directory");

    assertError(() -> store.putValue("a", null, text("y"), null), "InternalServiceError");
    assertError(() -> store.create(new NewSecret("b", null, null, text("x"), List.of(), null)),
        "InternalServiceError");
    assertThat(((SecretValue.StringValue) store.getValue("a", null, null).version().value()).text())
        .isEqualTo("x");
    assertThat(store.describe("a").versions()).hasSize(1);
    assertError(() -> store.describe("b"), "ResourceNotFoundException");
  }

  @Test
  void unreadableFileFailsOpeningWithItsPath() throws IOException {
    Path file = dir.resolve("secrets.json");
    Files.writeString(file, "{\"formatVersion\":1,\"secrets\":[{\"name\":");
    assertThatThrownBy(() -> SecretStore.open(file, "us-east-1", clock))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(file.toString());
  }
}
