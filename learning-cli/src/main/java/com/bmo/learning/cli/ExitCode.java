package com.bmo.learning.cli;

/**
 * The exit codes scripts can rely on. Listed in {@code learning --help} and in the module's README.
 */
public final class ExitCode {

  /** Done: every document accepted (and, when waited for, INDEXED). */
  public static final int OK = 0;
  /** The operation failed: a document ended FAILED, an upload was refused, the service failed (5xx). */
  public static final int FAILED = 1;
  /** The command line is wrong: unknown option, missing argument, no endpoint or API key. */
  public static final int USAGE = 2;
  /** The API key is not valid (401) or may not do this (403). */
  public static final int AUTH = 3;
  /** What was named does not exist (404): a document id, a backup key. */
  public static final int NOT_FOUND = 4;
  /** The service refused the request as invalid (400, 413, 415, 422): nothing was done. */
  public static final int REJECTED = 5;
  /** The service could not be reached, timed out or is unavailable (503). */
  public static final int UNAVAILABLE = 6;

  private ExitCode() {
  }

  /** The exit code for an HTTP error status of the service (0 when it could not be reached at all). */
  public static int forStatus(int status) {
    return switch (status) {
      case 0, 503, 504 -> UNAVAILABLE;
      case 401, 403 -> AUTH;
      case 404 -> NOT_FOUND;
      case 400, 409, 413, 415, 422 -> REJECTED;
      default -> FAILED;
    };
  }

  /** The exit code for an exception a command ended with. */
  static int of(Throwable e) {
    if (e instanceof ServiceException s) {
      return s.exitCode();
    }
    if (e instanceof LearningCli.UsageException || e instanceof picocli.CommandLine.ParameterException) {
      return USAGE;
    }
    return FAILED;
  }

  static final String HELP = """
      Exit codes:
        0  ok
        1  the operation failed (a document FAILED, an upload refused, a server error)
        2  usage: bad command line, no endpoint or no API key
        3  authentication: API key not valid (401) or not allowed (403)
        4  not found (404)
        5  rejected by the service as invalid (400, 413, 415, 422)
        6  service unreachable or unavailable (503)""";
}
