package com.bmo.learning.iam;

import static org.assertj.core.api.Assertions.assertThat;

import com.bmo.learning.localaws.junit.iam.AwsOperation;
import com.bmo.learning.localaws.junit.iam.IamPolicy;
import com.bmo.learning.localaws.junit.iam.PolicyCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Least privilege, checked: every AWS operation the library and service tests performed (recorded by
 * {@code AwsOperationRecorder} into each module's {@code target/aws-operations/}) must be allowed by
 * {@code infra/iam/learning-service-policy.json}; grants nothing needed are listed. Built after the modules
 * whose tests it reads, so it runs last in {@code ./mvnw verify}.
 */
class LearningServicePolicyIT {

  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  @Test
  void policyGrantsEveryOperationTheCodePerformed() throws IOException {
    Map<String, Set<AwsOperation>> recorded = PolicyCheck.readRecordings(ROOT);
    assertThat(recorded).as("recordings under */target/aws-operations: run the modules' integration tests first"
        + " (./mvnw -B verify, or -pl iam-policy-check -am)").containsKeys("learning-aws", "learning-service");

    PolicyCheck check = new PolicyCheck(IamPolicy.read(ROOT.resolve("infra/iam/learning-service-policy.json")),
        PolicyCheck.readLibraryOnly(ROOT.resolve("infra/iam/library-only-actions.txt")), "learning-service");
    PolicyCheck.Report report = check.check(recorded);

    Path out = Path.of("target", "iam-policy-report.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report.describe());
    System.out.println(report.describe());
    assertThat(report.missing()).as("permissions the code needs that the policy does not grant\n%s",
        report.describe()).isEmpty();
  }
}
