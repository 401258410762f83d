package com.bmo.learning.cli;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The service answered with an error (its RFC 7807 problem details), or could not be reached (status 0).
 */
public class ServiceException extends RuntimeException {

  private final int status;
  private final String title;
  private final String detail;
  private final transient JsonNode problem;

  public ServiceException(int status, String title, String detail, JsonNode problem) {
    super(message(status, title, detail));
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.problem = problem;
  }

  static ServiceException unreachable(String endpoint, Throwable cause) {
    ServiceException e = new ServiceException(0, "Service unreachable",
        "cannot reach " + endpoint + " (" + (cause.getMessage() == null ? cause.getClass().getSimpleName()
            : cause.getMessage()) + ")", null);
    e.initCause(cause);
    return e;
  }

  private static String message(int status, String title, String detail) {
    StringBuilder m = new StringBuilder(title == null || title.isBlank() ? "HTTP " + status : title);
    if (detail != null && !detail.isBlank()) {
      m.append(": ").append(detail);
    }
    if (status > 0) {
      m.append(" (HTTP ").append(status).append(')');
    }
    return m.toString();
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public String detail() {
    return detail;
  }

  /** The problem document as the service sent it; null when there was none. */
  public JsonNode problem() {
    return problem;
  }

  public int exitCode() {
    return ExitCode.forStatus(status);
  }
}
