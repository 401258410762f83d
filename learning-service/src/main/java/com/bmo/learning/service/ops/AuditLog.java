package com.bmo.learning.service.ops;

import com.bmo.learning.service.auth.ForbiddenException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Who did what to which document or backup, and how it ended: one JSON object per line on the logger
 * {@code audit} (route it to its own appender or index to keep it apart from the service log), e.g.
 * <pre>{"principal":"author-tool","action":"delete","target":"document:5f0c…","outcome":"success"}</pre>
 * Refused requests too (401 and 403 from Spring Security), with the principal {@value #ANONYMOUS} when no
 * valid key was sent:
 * <pre>{"principal":"anonymous","action":"access","target":"POST /api/v1/backups","outcome":"denied","detail":"401: no API key"}</pre>
 * Values are JSON-escaped, so no input can break a line; keys and secrets never appear.
 */
@Component
public class AuditLog {

  /** The logger's name. */
  public static final String LOGGER = "audit";

  /** The principal of a request without a valid key (the presented key itself is never logged). */
  public static final String ANONYMOUS = "anonymous";

  /**
   * What was attempted. {@code ACCESS}: a request Spring Security refused (401, 403) before any of the
   * others could start; its target is the method and path.
   */
  public enum Action { UPLOAD, DELETE, INGEST, BACKUP, RESTORE, ACCESS }

  /** How it ended: done, refused (not allowed) or failed (allowed but did not complete). */
  public enum Outcome { SUCCESS, DENIED, FAILED }

  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Runs {@code work} and records how it ended: success (target named by {@code successTarget}, e.g. the new
   * document's id), denied (a {@link ForbiddenException}) or failed (anything else thrown, rethrown).
   */
  public <T> T around(String principal, Action action, String target, Supplier<T> work,
      Function<T, String> successTarget) {
    T result;
    try {
      result = work.get();
    } catch (ForbiddenException e) {
      record(principal, action, target, Outcome.DENIED, e.getMessage());
      throw e;
    } catch (RuntimeException e) {
      record(principal, action, target, Outcome.FAILED, e.getMessage() == null ? e.getClass().getSimpleName()
          : e.getMessage());
      throw e;
    }
    record(principal, action, successTarget.apply(result), Outcome.SUCCESS);
    return result;
  }

  public void record(String principal, Action action, String target, Outcome outcome) {
    record(principal, action, target, outcome, null);
  }

  /** Keeps lines short whatever a client sends (a 3,000-character file name). */
  private static String cut(String value) {
    return value == null || value.length() <= 300 ? value : value.substring(0, 300) + "…";
  }

  /** One line; {@code detail} (optional) says what was refused or why it failed. */
  public void record(String principal, Action action, String target, Outcome outcome, String detail) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("principal", principal);
    line.put("action", action.name().toLowerCase(java.util.Locale.ROOT));
    line.put("target", cut(target));
    line.put("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT));
    if (detail != null) {
      line.put("detail", cut(detail));
    }
    try {
      LOG.info(JSON.writeValueAsString(line));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("An audit line could not be written", e);
    }
  }
}
