package com.bmo.learning.localaws.junit.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PolicyCheckTest {

  /** The repository's policy, the one the service is deployed with. */
  private static final IamPolicy POLICY =
      IamPolicy.read(Path.of("").toAbsolutePath().getParent().resolve("infra/iam/learning-service-policy.json"));

  private static AwsOperation s3(String operation, String resource) {
    return new AwsOperation("S3", operation, resource);
  }

  @Test
  void theRepositoryPolicyGrantsWhatAFailedMultipartUploadNeeds() {
    PolicyCheck.Report report = new PolicyCheck(POLICY, Map.of(), "learning-service").check(Map.of(
        "learning-aws", Set.of(
            s3("CreateMultipartUpload", "arn:aws:s3:::it-abc-s3storageit/big.bin"),
            s3("UploadPart", "arn:aws:s3:::it-abc-s3storageit/big.bin"),
            s3("AbortMultipartUpload", "arn:aws:s3:::it-abc-s3storageit/big.bin"))));
    assertThat(report.missing()).isEmpty();
  }

  @Test
  void removingAnActionFromThePolicyMakesTheCheckFailNamingIt() {
    IamPolicy withoutAbort = POLICY.without("s3:AbortMultipartUpload");
    PolicyCheck.Report report = new PolicyCheck(withoutAbort, Map.of(), "learning-service").check(Map.of(
        "learning-aws", Set.of(s3("AbortMultipartUpload", "arn:aws:s3:::it-abc-s3storageit/big.bin"))));
    assertThat(report.missing()).singleElement().satisfies(m -> {
      assertThat(m.action()).isEqualTo("s3:AbortMultipartUpload");
      assertThat(m.origins()).containsExactly("learning-aws");
    });
    assertThat(report.describe()).contains("missing permissions (1)", "s3:AbortMultipartUpload");
  }

  @Test
  void listingNeedsABucketLevelGrantNotAnObjectLevelOne() throws Exception {
    IamPolicy objectsOnly = IamPolicy.parse("""
        {"Statement": [{"Effect": "Allow", "Action": ["s3:ListBucket", "s3:GetObject"],
                        "Resource": "arn:aws:s3:::docs/*"}]}""");
    PolicyCheck.Report report = new PolicyCheck(objectsOnly, Map.of(), "svc").check(Map.of("svc", Set.of(
        s3("ListObjectsV2", "arn:aws:s3:::it-xyz-test"), s3("HeadObject", "arn:aws:s3:::it-xyz-test/a.md"))));
    assertThat(report.missing()).extracting(PolicyCheck.Missing::action).containsExactly("s3:ListBucket");
    assertThat(report.unused()).extracting(IamPolicy.Grant::action).containsExactly("s3:ListBucket");
  }

  @Test
  void secretsUnderTheHarnessPrefixStandForTheServicesSecrets() {
    String arn = AwsOperationRecorder.secretArn("it/k3j9/api-keys", "us-east-1");
    PolicyCheck.Report report = new PolicyCheck(POLICY, Map.of(), "svc").check(Map.of("svc", Set.of(
        new AwsOperation("SecretsManager", "GetSecretValue", arn),
        new AwsOperation("SecretsManager", "GetSecretValue",
            AwsOperationRecorder.secretArn("other/app/key", "us-east-1")))));
    assertThat(report.missing()).extracting(PolicyCheck.Missing::resource)
        .containsExactly("arn:aws:secretsmanager:us-east-1:000000000000:secret:other/app/key");
  }

  @Test
  void libraryOnlyActionsAreExcusedOutsideTheServiceButNotInIt() {
    AwsOperation create = new AwsOperation("SecretsManager", "CreateSecret",
        AwsOperationRecorder.secretArn("it/k3j9/x", "us-east-1"));
    PolicyCheck check = new PolicyCheck(POLICY, Map.of("secretsmanager:CreateSecret", "operators' tooling"),
        "learning-service");
    assertThat(check.check(Map.of("learning-aws", Set.of(create))).missing()).isEmpty();
    assertThat(check.check(Map.of("learning-service", Set.of(create))).missing())
        .extracting(PolicyCheck.Missing::action).containsExactly("secretsmanager:CreateSecret");
  }

  @Test
  void statementsTheCheckCannotEvaluateAreRefused() {
    assertThatThrownBy(() -> IamPolicy.parse("""
        {"Statement": [{"Effect": "Deny", "Action": "s3:*", "Resource": "*"}]}"""))
        .hasMessageContaining("only Allow");
    assertThatThrownBy(() -> IamPolicy.parse("""
        {"Statement": [{"Effect": "Allow", "NotAction": "s3:*", "Resource": "*"}]}"""))
        .hasMessageContaining("NotAction");
  }

  @Test
  void recordedLinesKeepKeysWithTabsBackslashesAndLineBreaks() {
    AwsOperation op = s3("PutObject", "arn:aws:s3:::b/odd/tab\there\\and\nnew line.txt");
    assertThat(op.toLine().lines()).hasSize(1);
    assertThat(AwsOperation.parse(op.toLine())).isEqualTo(op);
  }

  @Test
  void aTestsOwnCallsAreNotTheCodes() {
    // Called from here, a class in test-classes: what a test does to arrange or check is not recorded.
    assertThat(AwsOperationRecorder.calledByTheCode()).isFalse();
  }

  @Test
  void actionWildcardsMatchCaseInsensitively() throws Exception {
    IamPolicy wildcard = IamPolicy.parse("""
        {"Statement": {"Effect": "Allow", "Action": "s3:get*", "Resource": "arn:aws:s3:::docs/*"}}""");
    assertThat(wildcard.allows("s3:GetObject", "arn:aws:s3:::docs/a/b.md")).isTrue();
    assertThat(wildcard.allows("s3:PutObject", "arn:aws:s3:::docs/a/b.md")).isFalse();
    assertThat(wildcard.allows("s3:GetObject", "arn:aws:s3:::docs")).isFalse();
  }
}
