package com.bmo.learning.aws.s3;

/**
 * A bucket name that breaks one of AWS's general purpose bucket naming rules; {@link #rule()} says which.
 * Raised by {@link BucketName#of(String)} before any request is sent.
 */
public final class InvalidBucketNameException extends StorageException {
  private static final long serialVersionUID = 1L;

  private final BucketName.Rule rule;

  InvalidBucketNameException(String bucket, BucketName.Rule rule) {
    super(Context.of(null, bucket, null), "invalid bucket name: " + rule.description(), null);
    this.rule = rule;
  }

  /** The naming rule the name breaks (the first one checked, when it breaks several). */
  public BucketName.Rule rule() {
    return rule;
  }
}
