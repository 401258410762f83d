package com.bmo.learning.localaws.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bmo.learning.testsupport.ResourceNames;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/** What the harness does after each test: non-empty buckets and pending secrets are really removed. */
@LocalAwsTest
class ResourceCleanupIT {

  @Test
  void removesANonEmptyBucketWithAnOpenMultipartUpload(S3Client s3) {
    String bucket = "it-cleanup-" + ResourceNames.random(10);
    s3.createBucket(b -> b.bucket(bucket));
    for (int i = 0; i < 5; i++) {
      int n = i;
      s3.putObject(b -> b.bucket(bucket).key("dir/" + n), RequestBody.fromString("x"));
    }
    s3.createMultipartUpload(b -> b.bucket(bucket).key("unfinished"));

    ResourceCleanup.deleteBucket(s3, bucket);

    assertThatThrownBy(() -> s3.headBucket(b -> b.bucket(bucket))).isInstanceOf(NoSuchBucketException.class);
    ResourceCleanup.deleteBucket(s3, bucket); // a second cleanup of a gone bucket is harmless
  }

  @Test
  void removesEverySecretUnderThePrefixIncludingOnesPendingDeletion(SecretsManagerClient sm) {
    String prefix = "it/cleanup-" + ResourceNames.random(8) + "/";
    sm.createSecret(b -> b.name(prefix + "a").secretString("1"));
    sm.createSecret(b -> b.name(prefix + "b").secretString("2"));
    sm.createSecret(b -> b.name(prefix + "pending").secretString("3"));
    sm.deleteSecret(b -> b.secretId(prefix + "pending").recoveryWindowInDays(7L));
    String other = "it/other-" + ResourceNames.random(8);
    sm.createSecret(b -> b.name(other).secretString("keep"));
    try {
      ResourceCleanup.deleteSecrets(sm, prefix);

      for (String name : new String[] {"a", "b", "pending"}) {
        assertThatThrownBy(() -> sm.describeSecret(b -> b.secretId(prefix + name)))
            .isInstanceOf(ResourceNotFoundException.class);
      }
      assertThat(sm.getSecretValue(b -> b.secretId(other)).secretString()).isEqualTo("keep");
    } finally {
      sm.deleteSecret(b -> b.secretId(other).forceDeleteWithoutRecovery(true));
    }
  }

  @Test
  void eachTestGetsItsOwnEmptyBucketAndPrefix(TestBucket bucket, SecretPrefix prefix, S3Client s3) {
    assertThat(bucket.name()).startsWith("it-").matches("[a-z0-9-]{3,63}");
    assertThat(prefix.value()).startsWith("it/").endsWith("/");
    assertThat(s3.listObjectsV2(b -> b.bucket(bucket.name())).keyCount()).isZero();
  }
}
