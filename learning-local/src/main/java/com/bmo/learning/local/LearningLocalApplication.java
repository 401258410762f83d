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

  private LearningLocalApplication() {
  }

  public static void main(String[] args) {
    application().run(args);
  }

  /** The service's application plus local mode's beans. */
  public static SpringApplication application() {
    return new SpringApplication(LearningServiceApplication.class, LocalModeConfiguration.class);
  }

  /** Starts local mode with {@code args} (Spring Boot command-line arguments). */
  public static ConfigurableApplicationContext run(String... args) {
    return application().run(args);
  }
}
