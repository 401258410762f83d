package com.bmo.learning.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.opentest4j.TestAbortedException;

class PrerequisiteTest {

  @Test
  void aMissingPrerequisiteSkipsLocallyAndFailsInCi() {
    assertThat(Prerequisite.unavailable("chromium is not installed", false))
        .isInstanceOf(TestAbortedException.class).hasMessageStartingWith("chromium is not installed");
    assertThat(Prerequisite.unavailable("chromium is not installed", true))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage("chromium is not installed; CI=true, so this is a failure");
  }

  @Test
  void onlyCiEqualToTrueIsCi() {
    assertThat(Prerequisite.isCi(Map.of("CI", "true"))).isTrue();
    assertThat(Prerequisite.isCi(Map.of("CI", "TRUE"))).isTrue();
    assertThat(Prerequisite.isCi(Map.of("CI", "1"))).isFalse();
    assertThat(Prerequisite.isCi(Map.of())).isFalse();
  }
}
