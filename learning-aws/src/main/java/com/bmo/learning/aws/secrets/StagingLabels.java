package com.bmo.learning.aws.secrets;

/** The staging labels Secrets Manager itself maintains. */
public final class StagingLabels {
  /** The version a plain read returns. */
  public static final String AWSCURRENT = "AWSCURRENT";
  /** The version that was current before the last update; kept so a rotation can be rolled back. */
  public static final String AWSPREVIOUS = "AWSPREVIOUS";
  /** A version being prepared by a rotation. */
  public static final String AWSPENDING = "AWSPENDING";

  private StagingLabels() {
  }
}
