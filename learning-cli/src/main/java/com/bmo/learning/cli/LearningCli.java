package com.bmo.learning.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code learning}: the operator CLI over the documents service's HTTP API. Connection options may come
 * from the environment ({@code LEARNING_ENDPOINT}, {@code LEARNING_API_KEY}); exit codes are in
 * {@link ExitCode}.
 */
@Command(name = "learning", mixinStandardHelpOptions = true, version = "learning 0.1.0",
    description = "Operator CLI of the BMO Learning documents service: upload and ingest lessons, watch them "
        + "get indexed, search, back up and restore.",
    footerHeading = "%n",
    footer = {"Environment:", "  LEARNING_ENDPOINT  service URL (default http://localhost:8080)",
        "  LEARNING_API_KEY   API key (safer than --api-key, which other users can see in ps)", "",
        ExitCode.HELP, "",
        "Shell completion:  source <(learning generate-completion)"},
    subcommands = {DocumentsCommand.class, SearchCommand.class, BackupsCommand.class,
        AutoComplete.GenerateCompletion.class, CommandLine.HelpCommand.class})
public final class LearningCli {

  static final String DEFAULT_ENDPOINT = "http://localhost:8080";

  @Option(names = "--endpoint", scope = ScopeType.INHERIT, paramLabel = "URL",
      description = "Service URL (env LEARNING_ENDPOINT; default " + DEFAULT_ENDPOINT + ").")
  URI endpoint;

  @Option(names = "--api-key", scope = ScopeType.INHERIT, paramLabel = "KEY",
      description = "API key (env LEARNING_API_KEY).")
  String apiKey;

  @Option(names = "--json", scope = ScopeType.INHERIT,
      description = "Print the result as JSON on stdout (progress and errors go to stderr).")
  boolean json;

  @Option(names = "--timeout", scope = ScopeType.INHERIT, paramLabel = "SECONDS", defaultValue = "120",
      description = "Time limit of one HTTP request (default ${DEFAULT-VALUE} s).")
  int timeoutSeconds;

  private final Map<String, String> environment;
  private final boolean terminal;

  LearningCli(Map<String, String> environment, boolean terminal) {
    this.environment = environment;
    this.terminal = terminal;
  }

  public static void main(String[] args) {
    System.exit(execute(args, System.getenv(), new PrintWriter(System.out, true),
        new PrintWriter(System.err, true), System.console() != null));
  }

  /**
   * Runs one command line and returns its exit code.
   *
   * @param terminal whether stdout is a terminal: a progress bar then, plain lines otherwise
   */
  public static int execute(String[] args, Map<String, String> environment, PrintWriter out, PrintWriter err,
      boolean terminal) {
    CommandLine cli = new CommandLine(new LearningCli(environment, terminal));
    cli.setOut(out);
    cli.setErr(err);
    cli.setExitCodeExceptionMapper(ExitCode::of);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      commandLine.getErr().println("learning: " + e.getMessage());
      commandLine.getErr().flush();
      return ExitCode.of(e);
    });
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /** A client for the endpoint and key of the command line, else the environment. */
  ServiceClient client() {
    String key = apiKey != null ? apiKey : environment.get("LEARNING_API_KEY");
    if (key == null || key.isBlank()) {
      throw new UsageException("no API key: give --api-key KEY or set LEARNING_API_KEY");
    }
    URI url = endpoint;
    if (url == null) {
      String fromEnv = environment.get("LEARNING_ENDPOINT");
      url = URI.create(fromEnv == null || fromEnv.isBlank() ? DEFAULT_ENDPOINT : fromEnv.trim());
    }
    if (url.getScheme() == null || !url.getScheme().startsWith("http") || url.getHost() == null) {
      throw new UsageException("the endpoint must be an http(s) URL, not " + url);
    }
    return new ServiceClient(url, key.trim(), Duration.ofSeconds(Math.max(1, timeoutSeconds)));
  }

  boolean json() {
    return json;
  }

  boolean terminal() {
    return terminal;
  }

  /** A mistake on the command line found after parsing (a missing file, no API key): exit code 2. */
  static final class UsageException extends RuntimeException {
    UsageException(String message) {
      super(message);
    }
  }
}
