package com.bmo.learning.testsupport;

import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.opentest4j.TestAbortedException;

/**
 * The one rule for integration tests whose prerequisite is missing (a tool, a browser, an external
 * endpoint): on a developer's machine they are skipped with the reason; with {@code CI=true} they fail,
 * because CI must run every integration test.
 */
public final class Prerequisite {

  private Prerequisite() {
  }

  /** True when the environment says this is a CI run ({@code CI=true}). */
  public static boolean isCi(Map<String, String> env) {
    return "true".equalsIgnoreCase(env.getOrDefault("CI", ""));
  }

  /** What to throw for a missing prerequisite in this run (see {@link #unavailable(String, boolean)}). */
  public static RuntimeException unavailable(String reason) {
    return unavailable(reason, isCi(System.getenv()));
  }

  /**
   * What to throw for a missing prerequisite: a {@link TestAbortedException} (skipped) outside CI, an
   * {@link ExtensionConfigurationException} (failed) in CI. Both messages carry {@code reason}.
   */
  public static RuntimeException unavailable(String reason, boolean ci) {
    return ci ? new ExtensionConfigurationException(reason + "; CI=true, so this is a failure")
        : new TestAbortedException(reason + "; skipping");
  }
}
