package com.bmo.learning.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Local mode's embedded PostgreSQL. With a data directory, a server left running by an earlier run that
 * was killed ({@code kill -9} stops the JVM, not its PostgreSQL child) still holds that directory; it is
 * found through {@code postmaster.pid} and stopped before the new one starts.
 */
final class LocalPostgres {

  private static final Logger LOG = LoggerFactory.getLogger(LocalPostgres.class);
  static final Duration STOP_WAIT = Duration.ofSeconds(20);

  private LocalPostgres() {
  }

  /** Starts PostgreSQL on {@code port} (0 = any), in {@code dataDirectory} if not null (kept), else in a temporary one. */
  static EmbeddedPostgres start(Path dataDirectory, int port) throws IOException {
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
        .setPort(port)
        // fsync off: a local database gains nothing from surviving a power cut and starts faster.
        .setServerConfig("fsync", "off")
        .setServerConfig("synchronous_commit", "off")
        .setServerConfig("max_connections", "100")
        // Loopback only, whatever the server's defaults.
        .setServerConfig("listen_addresses", "localhost")
        // Stopped by the application context after the beans that use it; its own JVM hook would race
        // Spring's and kill the database under jobs that are still finishing.
        .setRegisterShutdownHook(false);
    if (dataDirectory != null) {
      Files.createDirectories(dataDirectory);
      stopStaleServer(dataDirectory);
      builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
    }
    return builder.start();
  }

  /** Stops the PostgreSQL that {@code dataDirectory/postmaster.pid} names, if it still runs. */
  static void stopStaleServer(Path dataDirectory) {
    Optional<ProcessHandle> stale = staleServer(dataDirectory);
    if (stale.isEmpty()) {
      return;
    }
    ProcessHandle process = stale.get();
    String what = "PostgreSQL (pid " + process.pid() + ") left running in " + dataDirectory
        + " by an earlier run that did not shut down";
    System.out.println("Local mode: stopping " + what);
    LOG.warn("Stopping {}", what);
    process.destroy(); // SIGTERM: PostgreSQL's smart shutdown; its clients died with the old JVM
    if (!waitForExit(process, STOP_WAIT)) {
      process.destroyForcibly();
      if (!waitForExit(process, Duration.ofSeconds(5))) {
        throw new IllegalStateException("Could not stop " + what + "; stop it yourself (kill " + process.pid()
            + ") and start again");
      }
    }
  }

  /** The live process {@code postmaster.pid} names, when it is a PostgreSQL server. */
  static Optional<ProcessHandle> staleServer(Path dataDirectory) {
    Path pidFile = dataDirectory.resolve("postmaster.pid");
    if (!Files.isRegularFile(pidFile)) {
      return Optional.empty();
    }
    long pid;
    try {
      List<String> lines = Files.readAllLines(pidFile);
      pid = lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).strip());
    } catch (IOException | NumberFormatException unreadable) {
      return Optional.empty(); // PostgreSQL itself deals with a lock file it cannot use
    }
    Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    if (process.isEmpty()) {
      return Optional.empty(); // stale lock file: PostgreSQL removes it on start
    }
    String command = process.get().info().command().orElse("");
    if (!command.isEmpty() && !command.contains("postgres")) {
      throw new IllegalStateException(pidFile + " names pid " + pid + ", which runs " + command
          + ", not PostgreSQL. If no PostgreSQL uses " + dataDirectory + ", delete " + pidFile + " and start again");
    }
    return process;
  }

  private static boolean waitForExit(ProcessHandle process, Duration wait) {
    try {
      process.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException e) {
      return !process.isAlive();
    }
  }
}
