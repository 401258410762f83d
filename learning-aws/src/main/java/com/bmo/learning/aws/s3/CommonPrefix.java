package com.bmo.learning.aws.s3;

/** A "folder" in a listing with a delimiter, such as {@code lessons/2024/}. */
public record CommonPrefix(String prefix) implements ListEntry {
  @Override
  public String key() {
    return prefix;
  }
}
