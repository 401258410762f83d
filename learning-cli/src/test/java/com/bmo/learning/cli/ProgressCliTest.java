package com.bmo.learning.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The progress display of the CLI: a bar on a terminal, plain lines elsewhere. */
class ProgressCliTest {

  private static LearningCli cli(boolean terminal, boolean json) {
    LearningCli cli = new LearningCli(Map.of(), terminal);
    cli.json = json;
    return cli;
  }

  @Test
  void onATerminalABarIsRedrawnInPlaceAndItemsPrintAboveIt() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    try (Progress p = Progress.of(cli(true, false), new PrintWriter(out), new PrintWriter(err))) {
      p.update(50, 100, "1/2 files");
      p.line("uploaded a.md");
      p.update(100, 100, "2/2 files");
    }
    assertThat(out.toString()).isEqualTo("uploaded a.md" + System.lineSeparator());
    assertThat(err.toString()).contains("\r[###############...............] 50% 1/2 files")
        .contains("\r[##############################] 100% 2/2 files").endsWith("\r\u001b[K");
  }

  @Test
  void elsewhereOnlyPlainLinesAndWithJsonTheyGoToStderr() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    try (Progress p = Progress.of(cli(false, false), new PrintWriter(out), new PrintWriter(err))) {
      p.update(50, 100, "half");
      p.line("uploaded a.md");
    }
    assertThat(out.toString()).isEqualTo("uploaded a.md" + System.lineSeparator());
    assertThat(err.toString()).isEmpty();

    StringWriter jsonOut = new StringWriter();
    StringWriter jsonErr = new StringWriter();
    try (Progress p = Progress.of(cli(false, true), new PrintWriter(jsonOut), new PrintWriter(jsonErr))) {
      p.line("uploaded a.md");
    }
    assertThat(jsonOut.toString()).isEmpty();
    assertThat(jsonErr.toString()).contains("uploaded a.md");
  }

  @Test
  void exitCodesFollowTheServicesStatus() {
    assertThat(ExitCode.forStatus(401)).isEqualTo(ExitCode.AUTH);
    assertThat(ExitCode.forStatus(403)).isEqualTo(ExitCode.AUTH);
    assertThat(ExitCode.forStatus(404)).isEqualTo(ExitCode.NOT_FOUND);
    assertThat(ExitCode.forStatus(413)).isEqualTo(ExitCode.REJECTED);
    assertThat(ExitCode.forStatus(415)).isEqualTo(ExitCode.REJECTED);
    assertThat(ExitCode.forStatus(500)).isEqualTo(ExitCode.FAILED);
    assertThat(ExitCode.forStatus(503)).isEqualTo(ExitCode.UNAVAILABLE);
    assertThat(ExitCode.forStatus(0)).isEqualTo(ExitCode.UNAVAILABLE);
  }

  @Test
  void aHighlightedSnippetPrintsAsPlainTextWithTheMatchesStarred() {
    assertThat(SearchCommand.plain("Add&#32;the&#32;<mark>fractions</mark>&#44;&#32;&lt;b&gt;&#x27;n&#x27; &amp; go&#10;"))
        .isEqualTo("Add the *fractions*, <b>'n' & go ");
  }
}
