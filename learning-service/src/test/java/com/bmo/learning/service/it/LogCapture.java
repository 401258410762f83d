package com.bmo.learning.service.it;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** What the running service logs while a test runs (the service runs in the test's JVM). */
final class LogCapture implements AutoCloseable {

  private final Logger logger;
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  private LogCapture(String loggerName) {
    this.logger = (Logger) LoggerFactory.getLogger(loggerName);
    appender.start();
    logger.addAppender(appender);
  }

  /** Everything logged from now on, by any logger. */
  static LogCapture all() {
    return new LogCapture(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  static LogCapture of(String loggerName) {
    return new LogCapture(loggerName);
  }

  List<ILoggingEvent> events() {
    return List.copyOf(appender.list);
  }

  /** Events that carry a stack trace, or say a request failed on the server's side. */
  List<ILoggingEvent> stackTracesAndErrors() {
    return events().stream()
        .filter(e -> e.getThrowableProxy() != null || e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.ERROR))
        .toList();
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
    appender.stop();
  }
}
