package com.bmo.learning.localaws.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A clean-up that fails never decides a test's result: runs small test classes under the harness (in their
 * own JUnit run, so with their own endpoint) whose clean-up cannot work because the test closed the
 * harness's S3 client, and looks at what JUnit reports.
 */
@Tag("integration")
class CleanupReportingIT {

  /** Fixture, run only through {@link #run}: fails on its own, and its bucket cannot be removed. */
  @LocalAwsTest
  static class FailingTestWhoseCleanupFails {
    @Test
    void fails(S3Client s3, TestBucket bucket) {
      s3.close();
      fail("the test's own failure");
    }
  }

  /** Fixture: passes, but its bucket cannot be removed. */
  @LocalAwsTest
  static class PassingTestWhoseCleanupFails {
    @Test
    void passes(S3Client s3, TestBucket bucket) {
      s3.close();
    }
  }

  @Test
  void theTestsOwnFailureStaysPrimaryAndTheCleanupProblemIsSuppressedInIt() {
    Run run = run(FailingTestWhoseCleanupFails.class);
    assertThat(run.results).singleElement().satisfies(r -> {
      assertThat(r.getStatus()).isEqualTo(TestExecutionResult.Status.FAILED);
      Throwable thrown = r.getThrowable().orElseThrow();
      assertThat(thrown).isInstanceOf(AssertionError.class).hasMessage("the test's own failure");
      assertThat(thrown.getSuppressed()).singleElement()
          .isInstanceOf(LocalAwsExtension.CleanupIncompleteException.class)
          .satisfies(s -> assertThat(s.getMessage()).startsWith("clean-up of bucket it-"));
    });
  }

  @Test
  void aPassingTestStaysPassedAndTheCleanupProblemIsAReportedWarning() {
    Run run = run(PassingTestWhoseCleanupFails.class);
    assertThat(run.results).singleElement()
        .satisfies(r -> assertThat(r.getStatus()).isEqualTo(TestExecutionResult.Status.SUCCESSFUL));
    assertThat(run.entries).anySatisfy(e ->
        assertThat(e.getKeyValuePairs().get("local-aws-cleanup")).startsWith("clean-up of bucket it-"));
  }

  private record Run(List<TestExecutionResult> results, List<ReportEntry> entries) {
  }

  private static Run run(Class<?> testClass) {
    List<TestExecutionResult> results = new ArrayList<>();
    List<ReportEntry> entries = new ArrayList<>();
    Launcher launcher = LauncherFactory.create();
    launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build(),
        new TestExecutionListener() {
          @Override
          public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            if (id.isTest()) {
              results.add(result);
            }
          }

          @Override
          public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
            entries.add(entry);
          }
        });
    return new Run(results, entries);
  }
}
