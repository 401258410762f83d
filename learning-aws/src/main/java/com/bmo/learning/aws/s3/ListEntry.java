package com.bmo.learning.aws.s3;

/**
 * One entry of a listing with a delimiter: an object, or a common prefix ("folder") that groups the keys
 * below it.
 */
public sealed interface ListEntry permits ObjectSummary, CommonPrefix {
  /** The object's key, or the prefix including its trailing delimiter. */
  String key();
}
