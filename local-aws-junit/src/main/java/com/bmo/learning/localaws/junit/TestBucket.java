package com.bmo.learning.localaws.junit;

/**
 * A bucket created for one test method, with a unique name, and removed after it (objects, versions
 * and incomplete multipart uploads included).
 */
public record TestBucket(String name) {
  @Override
  public String toString() {
    return name;
  }
}
