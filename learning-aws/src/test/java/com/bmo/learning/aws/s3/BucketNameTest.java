package com.bmo.learning.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.bmo.learning.aws.s3.BucketName.Rule;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class BucketNameTest {

  /** AWS's own examples of valid names, plus the edges of each rule. */
  @ParameterizedTest
  @ValueSource(strings = {
      "docexamplebucket1", "log-delivery-march-2020", "my-hosted-content",
      // valid, though AWS recommends them only for static website hosting
      "docexamplewebsite.com", "www.docexamplewebsite.com", "my.example.s3.bucket",
      "abc", "a1b", "123", "a.b", "a-b", "a--b",
      "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", // 63 characters
      "192.168.5", "1.2.3.4.5", "192.168.5.4a", // not an IP address form
      "xn-bucket", "x-xn--bucket", "sthree", "sthreebucket", "amzn-s3-demo", "my-amzn-s3-demo-bucket",
      "s3alias-bucket", "bucket-s3alias1", "ol-s3-bucket", "mrap.bucket", "bucket.mrapx", "x-s3-bucket",
      "bucket-x-s3", "bucket-table-s3", "my.-bucket"})
  void acceptsValidNames(String name) {
    assertThat(BucketName.isValid(name)).as(name).isTrue();
    assertThat(BucketName.of(name).value()).isEqualTo(name);
  }

  static Stream<Arguments> invalidNames() {
    return Stream.of(
        // AWS's own examples of invalid names
        Arguments.of("doc_example_bucket", Rule.CHARACTERS),
        Arguments.of("DocExampleBucket", Rule.CHARACTERS),
        Arguments.of("doc-example-bucket-", Rule.START_END),
        Arguments.of("amzn-s3-demo-bucket1-a1b2c3d4-5678-90ab-cdef-example11111", Rule.PREFIX_AMZN_S3_DEMO),
        // each rule
        Arguments.of(null, Rule.MISSING),
        Arguments.of("", Rule.MISSING),
        Arguments.of("ab", Rule.LENGTH),
        Arguments.of("a".repeat(64), Rule.LENGTH),
        Arguments.of("my bucket", Rule.CHARACTERS),
        Arguments.of("bücket", Rule.CHARACTERS),
        Arguments.of("bucket/name", Rule.CHARACTERS),
        Arguments.of("-bucket", Rule.START_END),
        Arguments.of(".bucket", Rule.START_END),
        Arguments.of("bucket.", Rule.START_END),
        Arguments.of("my..bucket", Rule.ADJACENT_PERIODS),
        Arguments.of("192.168.5.4", Rule.IP_ADDRESS),
        Arguments.of("10.0.0.1", Rule.IP_ADDRESS),
        Arguments.of("xn--bucket", Rule.PREFIX_XN),
        Arguments.of("sthree-bucket", Rule.PREFIX_STHREE),
        Arguments.of("sthree-configurator-bucket", Rule.PREFIX_STHREE),
        Arguments.of("amzn-s3-demo-bucket", Rule.PREFIX_AMZN_S3_DEMO),
        Arguments.of("my-access-point-s3alias", Rule.SUFFIX_S3ALIAS),
        Arguments.of("my-object-lambda--ol-s3", Rule.SUFFIX_OL_S3),
        Arguments.of("my-access-point.mrap", Rule.SUFFIX_MRAP),
        Arguments.of("bucket-base-name--usw2-az1--x-s3", Rule.SUFFIX_X_S3),
        Arguments.of("my-tables--table-s3", Rule.SUFFIX_TABLE_S3));
  }

  @ParameterizedTest
  @MethodSource("invalidNames")
  void rejectsInvalidNamesNamingTheRule(String name, Rule rule) {
    assertThat(BucketName.isValid(name)).isFalse();
    assertThat(BucketName.brokenRule(name)).contains(rule);
    InvalidBucketNameException e = catchThrowableOfType(() -> BucketName.of(name),
        InvalidBucketNameException.class);
    assertThat(e.rule()).isEqualTo(rule);
    assertThat(e.bucket()).isEqualTo(name);
    assertThat(e.getMessage()).contains(rule.description());
    assertThat(e.key()).isEmpty();
  }

  @Test
  void everyRuleHasAnInvalidExample() {
    Set<Rule> covered = EnumSet.noneOf(Rule.class);
    invalidNames().forEach(a -> covered.add((Rule) a.get()[1]));
    assertThat(covered).containsExactlyInAnyOrder(Rule.values());
  }

  @Test
  void constructorValidatesToo() {
    assertThatThrownBy(() -> new BucketName("Bad_Name")).isInstanceOf(InvalidBucketNameException.class);
  }
}
