package com.bmo.learning.service;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The documents service: upload API, durable ingestion jobs, search and backups. Runs in profile
 * {@code local} unless told otherwise (see README).
 */
// API keys are the only credentials: no generated user/password (UserDetailsServiceAutoConfiguration).
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class LearningServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(LearningServiceApplication.class, args);
  }

  /**
   * True for this service's own application; false for the embedded AWS endpoint, which is a Spring
   * Boot application too and runs in the same JVM in local mode.
   */
  public static boolean isThisApplication(SpringApplication application) {
    return application.getAllSources().contains(LearningServiceApplication.class);
  }
}
