package com.bmo.learning.testsupport;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Names for what a harness creates per test (buckets, secret prefixes, indices): {@code it-<random>-<test
 * class>}, unique across concurrent runs, lower-case letters and digits only (valid as an S3 bucket or an
 * OpenSearch index name), and telling leftovers apart by the test class that made them.
 */
public final class ResourceNames {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

  private ResourceNames() {
  }

  /** {@code it-<randomChars random characters>-<the test class's simple name, at most 30 characters>}. */
  public static String forTestClass(Class<?> testClass, int randomChars) {
    String slug = testClass.getSimpleName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    return "it-" + random(randomChars) + "-" + slug.substring(0, Math.min(slug.length(), 30));
  }

  /** {@code length} random lower-case letters and digits. */
  public static String random(int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }
}
