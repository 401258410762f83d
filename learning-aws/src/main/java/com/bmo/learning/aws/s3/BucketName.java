package com.bmo.learning.aws.s3;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A valid name of an S3 general purpose bucket. {@link #of(String)} checks every AWS naming rule
 * (<a href="https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html">General purpose
 * bucket naming rules</a>) and throws {@link InvalidBucketNameException} naming the broken {@link Rule}.
 *
 * <p>Only the form is checked: uniqueness and availability are S3's business. Legacy us-east-1 names
 * (upper case, underscores) are rejected on purpose; they cannot be created any more.
 */
public record BucketName(String value) {

  /** The naming rules, in the order they are checked. */
  public enum Rule {
    MISSING("a bucket name is required"),
    LENGTH("must be between 3 and 63 characters long"),
    CHARACTERS("may contain only lowercase letters, numbers, periods (.) and hyphens (-)"),
    START_END("must begin and end with a letter or number"),
    ADJACENT_PERIODS("must not contain two adjacent periods"),
    IP_ADDRESS("must not be formatted as an IP address (for example, 192.168.5.4)"),
    PREFIX_XN("must not start with the prefix xn--"),
    PREFIX_STHREE("must not start with the prefix sthree-"),
    PREFIX_AMZN_S3_DEMO("must not start with the prefix amzn-s3-demo-"),
    SUFFIX_S3ALIAS("must not end with the suffix -s3alias (reserved for access point aliases)"),
    SUFFIX_OL_S3("must not end with the suffix --ol-s3 (reserved for Object Lambda access point aliases)"),
    SUFFIX_MRAP("must not end with the suffix .mrap (reserved for Multi-Region Access Points)"),
    SUFFIX_X_S3("must not end with the suffix --x-s3 (reserved for directory buckets)"),
    SUFFIX_TABLE_S3("must not end with the suffix --table-s3 (reserved for S3 Tables buckets)");

    private final String description;

    Rule(String description) {
      this.description = description;
    }

    public String description() {
      return description;
    }
  }

  private static final Pattern IP_ADDRESS = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  /** Validates; use {@link #of(String)} for the same with a clearer name at call sites. */
  public BucketName {
    Optional<Rule> broken = brokenRule(value);
    if (broken.isPresent()) {
      throw new InvalidBucketNameException(value, broken.get());
    }
  }

  /** The name, if it follows every rule; otherwise {@link InvalidBucketNameException}. */
  public static BucketName of(String value) {
    return new BucketName(value);
  }

  /** True when {@code value} follows every rule. */
  public static boolean isValid(String value) {
    return brokenRule(value).isEmpty();
  }

  /** The first rule {@code value} breaks, or empty when it is a valid name. */
  public static Optional<Rule> brokenRule(String value) {
    if (value == null || value.isEmpty()) {
      return Optional.of(Rule.MISSING);
    }
    int n = value.length();
    if (n < 3 || n > 63) {
      return Optional.of(Rule.LENGTH);
    }
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
      if (!ok) {
        return Optional.of(Rule.CHARACTERS);
      }
    }
    if (!isLetterOrDigit(value.charAt(0)) || !isLetterOrDigit(value.charAt(n - 1))) {
      return Optional.of(Rule.START_END);
    }
    if (value.contains("..")) {
      return Optional.of(Rule.ADJACENT_PERIODS);
    }
    if (IP_ADDRESS.matcher(value).matches()) {
      return Optional.of(Rule.IP_ADDRESS);
    }
    if (value.startsWith("xn--")) {
      return Optional.of(Rule.PREFIX_XN);
    }
    if (value.startsWith("sthree-")) {
      return Optional.of(Rule.PREFIX_STHREE);
    }
    if (value.startsWith("amzn-s3-demo-")) {
      return Optional.of(Rule.PREFIX_AMZN_S3_DEMO);
    }
    if (value.endsWith("-s3alias")) {
      return Optional.of(Rule.SUFFIX_S3ALIAS);
    }
    if (value.endsWith("--ol-s3")) {
      return Optional.of(Rule.SUFFIX_OL_S3);
    }
    if (value.endsWith(".mrap")) {
      return Optional.of(Rule.SUFFIX_MRAP);
    }
    if (value.endsWith("--x-s3")) {
      return Optional.of(Rule.SUFFIX_X_S3);
    }
    if (value.endsWith("--table-s3")) {
      return Optional.of(Rule.SUFFIX_TABLE_S3);
    }
    return Optional.empty();
  }

  private static boolean isLetterOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

  @Override
  public String toString() {
    return value;
  }
}
