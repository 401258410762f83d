package com.bmo.learning.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where the endpoint and key come from, and the exit codes of what can go wrong before any work is done. */
class ConnectionCliIT extends CliIT {

  @Test
  void endpointAndKeyComeFromTheEnvironmentOrTheOptionsWhichWin() {
    Run fromEnv = cli("documents", "list", "--size", "1", "--json");
    assertThat(fromEnv.exitCode()).as(fromEnv.toString()).isZero();

    Run options = cliWith(Map.of("LEARNING_ENDPOINT", "http://localhost:1", "LEARNING_API_KEY", "bmo_wrong"),
        "documents", "list", "--endpoint", url, "--api-key", env.userKey(), "--json");
    assertThat(options.exitCode()).as(options.toString()).isZero();
    assertThat(options.json().has("items")).isTrue();
  }

  @Test
  void aWrongKeyExitsWithThreeAndAMissingKeyWithTwo() {
    Run wrong = cliWith(Map.of("LEARNING_ENDPOINT", url, "LEARNING_API_KEY", "bmo_not-a-key"), "documents", "list");
    assertThat(wrong.exitCode()).isEqualTo(ExitCode.AUTH);
    assertThat(wrong.err()).contains("Unauthorized").contains("The API key is not valid").contains("HTTP 401");
    assertThat(wrong.err()).doesNotContain("bmo_not-a-key").doesNotContain("Exception");

    Run none = cliWith(Map.of("LEARNING_ENDPOINT", url), "search", "fractions");
    assertThat(none.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(none.err()).contains("no API key");
  }

  @Test
  void usageMistakesExitWithTwoAndAnUnreachableServiceWithSix() throws Exception {
    Run unknown = cli("documents", "list", "--colour");
    assertThat(unknown.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(unknown.err()).contains("Unknown option: '--colour'").contains("Possible solutions: --course");

    Run badStatus = cli("documents", "list", "--status", "DONE");
    assertThat(badStatus.exitCode()).isEqualTo(ExitCode.USAGE);

    Run noSubcommand = cli("documents");
    assertThat(noSubcommand.exitCode()).isEqualTo(ExitCode.USAGE);

    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    Run unreachable = cliWith(Map.of("LEARNING_ENDPOINT", "http://localhost:" + closed, "LEARNING_API_KEY", "k"),
        "documents", "list");
    assertThat(unreachable.exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
    assertThat(unreachable.err()).contains("cannot reach http://localhost:" + closed);
  }

  @Test
  void helpListsTheExitCodesAndCompletionIsGeneratedForBash() {
    Run help = cli("--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("documents").contains("search").contains("backups")
        .contains("LEARNING_API_KEY").contains("3  authentication");

    Run completion = cli("generate-completion");
    assertThat(completion.exitCode()).isZero();
    assertThat(completion.out()).contains("complete -F").contains("_picocli_learning")
        .contains("upload").contains("ingest").contains("restore");
  }
}
