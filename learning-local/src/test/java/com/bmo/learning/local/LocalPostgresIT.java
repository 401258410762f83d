package com.bmo.learning.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed with {@code kill -9} leaves its PostgreSQL running and holding the data directory; the
 * next start with that directory stops it and starts (real PostgreSQL processes).
 */
class LocalPostgresIT {

  @Test
  void aServerLeftRunningInTheDataDirectoryIsStoppedAndTheNextStartSucceeds(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("postgres");
    // The earlier run, in a JVM of its own, killed with SIGKILL once its server is up: the server lives on.
    Process earlier = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), EarlierRun.class.getName(), data.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("earlier-run.log").toFile()).start();
    Path pidFile = data.resolve("postmaster.pid");
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(120);
    while (!Files.readString(dir.resolve("earlier-run.log")).contains("READY") && System.nanoTime() < deadline) {
      assertThat(earlier.isAlive()).as("earlier run: %s", Files.readString(dir.resolve("earlier-run.log"))).isTrue();
      Thread.sleep(200);
    }
    earlier.destroyForcibly().waitFor();
    long orphanPid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
    assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false)).as("orphan alive").isTrue();
    assertThat(LocalPostgres.staleServer(data)).isPresent();

    try (EmbeddedPostgres next = LocalPostgres.start(data, 0)) {
      assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false))
          .as("the orphaned server was stopped").isFalse();
      try (Connection c = next.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("select title from lessons")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).as("the data survived").isEqualTo("fractions");
      }
    }
    assertThat(LocalPostgres.staleServer(data)).as("a clean stop leaves nothing to clean up").isEmpty();
  }

  /** The earlier run: starts PostgreSQL in the given data directory, writes a row, and waits to be killed. */
  public static final class EarlierRun {
    public static void main(String[] args) throws Exception {
      EmbeddedPostgres pg = LocalPostgres.start(Path.of(args[0]), 0);
      try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
        s.execute("create table lessons (title text)");
        s.execute("insert into lessons values ('fractions')");
      }
      System.out.println("READY");
      System.out.flush();
      Thread.sleep(Long.MAX_VALUE);
    }
  }
}
