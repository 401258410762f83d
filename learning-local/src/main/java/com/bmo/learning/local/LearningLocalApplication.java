package com.bmo.learning.local;

import com.bmo.learning.service.LearningServiceApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Local mode: the documents service with, in the same JVM, the embedded AWS endpoint and an embedded
 * PostgreSQL (profile {@code local}, the default), or only the embedded PostgreSQL next to an external
 * endpoint (profile {@code localstack}). Kept out of the service so that its production jar carries no
 * test infrastructure.
 */
public final class LearningLocalApplication {

  /** What a shell reports for a program ended by Ctrl-C (128 + SIGINT); {@code spring-boot:run} takes it as success. */
  static final int EXIT_INTERRUPTED = 130;

  private LearningLocalApplication() {
  }

  /**
   * Runs until Ctrl-C (or SIGTERM), then shuts down gracefully and exits with {@value #EXIT_INTERRUPTED}.
   * Without that, a shutdown longer than {@code spring-boot:run}'s 5 s patience ends with its SIGTERM,
   * exit code 143 and a Maven {@code [ERROR]} block, though nothing went wrong.
   */
  public static void main(String[] args) {
    SpringApplication application = application();
    application.setRegisterShutdownHook(false);
    ConfigurableApplicationContext context = application.run(args);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      if (context.isActive()) {
        context.close();
        System.out.flush();
        Runtime.getRuntime().halt(EXIT_INTERRUPTED);
      }
    }, "local-mode-shutdown"));
  }

  /** The service's application plus local mode's beans. */
  public static SpringApplication application() {
    SpringApplication application = new SpringApplication(LearningServiceApplication.class,
        LocalModeConfiguration.class);
    // Logging stays up until the JVM halts, so the shutdown's own lines (jobs handed back, …) are shown.
    application.setDefaultProperties(java.util.Map.of("logging.register-shutdown-hook", "false"));
    return application;
  }

  /** Starts local mode with {@code args} (Spring Boot command-line arguments); the caller closes it. */
  public static ConfigurableApplicationContext run(String... args) {
    return application().run(args);
  }
}
