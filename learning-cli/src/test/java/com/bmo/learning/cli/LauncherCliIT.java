package com.bmo.learning.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one executable as an operator runs it: {@code bin/learning} starting {@code target/learning.jar}
 * (built by {@code package}, before the integration tests) in its own JVM, output through a pipe.
 */
class LauncherCliIT extends CliIT {

  @Test
  void theLauncherRunsTheShadedJarWithPlainProgressLinesAndJson(@TempDir Path dir) throws Exception {
    assertThat(Path.of("target", "learning.jar")).exists();
    write(dir, "launcher.md", "# Launcher\nA launcher starts a program.");

    Process upload = learning(List.of("documents", "upload", dir.toString(), "--course", "cli-launcher", "--wait",
        "--poll-interval", "200"));
    String out = new String(upload.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(upload.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(upload.exitValue()).as(out).isZero();
    // Not a terminal: plain lines, no bar drawn with carriage returns.
    assertThat(out).contains("uploaded ").contains("INDEXED").contains("1 uploaded, 0 refused; 1 indexed")
        .doesNotContain("\r");

    Process list = learning(List.of("documents", "list", "--course", "cli-launcher", "--json"));
    String json = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(list.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(list.exitValue()).isZero();
    assertThat(ServiceClient.JSON.readTree(json).path("items").get(0).path("file_name").asText())
        .isEqualTo("launcher.md");

    Process wrongKey = new ProcessBuilder("bin/learning", "documents", "list", "--endpoint", url, "--api-key", "bad")
        .redirectErrorStream(true).start();
    wrongKey.getInputStream().readAllBytes();
    assertThat(wrongKey.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(wrongKey.exitValue()).isEqualTo(ExitCode.AUTH);
  }

  private static Process learning(List<String> args) throws IOException {
    List<String> command = new java.util.ArrayList<>(List.of("bin/learning"));
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
    pb.environment().put("LEARNING_ENDPOINT", url);
    pb.environment().put("LEARNING_API_KEY", env.userKey());
    assertThat(Files.isExecutable(Path.of("bin/learning"))).isTrue();
    return pb.start();
  }
}
