package com.bmo.learning.localaws;

import static org.assertj.core.api.Assertions.assertThat;

import com.bmo.learning.localaws.junit.LocalAwsTest;
import com.bmo.learning.localaws.junit.TestBucket;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

@LocalAwsTest
class SmokeIT {
  @Test
  void putGet(S3Client s3, TestBucket bucket) {
    s3.putObject(b -> b.bucket(bucket.name()).key("a.txt"), RequestBody.fromString("hello"));
    assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket.name()).key("a.txt")).asUtf8String()).isEqualTo("hello");
    long t = System.nanoTime();
    for (int i = 0; i < 300; i++) {
      int n = i;
      s3.putObject(b -> b.bucket(bucket.name()).key("k" + n), RequestBody.fromString("x".repeat(256)));
    }
    System.out.println("300 puts ms " + (System.nanoTime() - t) / 1_000_000);
  }
}
