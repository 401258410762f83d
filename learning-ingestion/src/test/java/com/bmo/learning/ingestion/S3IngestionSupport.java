package com.bmo.learning.ingestion;

import com.bmo.learning.aws.s3.S3Uri;

import com.bmo.learning.aws.s3.S3Storage;
import com.bmo.learning.aws.s3.S3StorageConfig;
import com.bmo.learning.aws.s3.UploadOptions;
import com.bmo.learning.aws.s3.UploadResult;
import com.bmo.learning.localaws.LocalAwsClients;
import com.bmo.learning.localaws.junit.LocalAwsTarget;
import com.bmo.learning.localaws.junit.LocalAwsTest;
import com.bmo.learning.localaws.junit.TestBucket;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Shared set-up of the integration tests: an {@link S3Storage} on the local endpoint and a fresh bucket
 * per test, removed afterwards by the harness.
 */
@LocalAwsTest
abstract class S3IngestionSupport {

  protected S3Storage storage;
  protected String bucket;

  @BeforeEach
  void openStorage(LocalAwsTarget target, TestBucket testBucket) {
    storage = S3Storage.create(S3StorageConfig.builder()
        .endpoint(target.endpoint())
        .region(target.region())
        .credentialsProvider(LocalAwsClients.TEST_CREDENTIALS)
        .environment(Map.of())
        .batchParallelism(8)
        .build());
    bucket = testBucket.name();
  }

  @AfterEach
  void closeStorage() {
    if (storage != null) {
      storage.close();
    }
  }

  protected UploadResult put(String key, byte[] bytes) {
    return put(key, bytes, Map.of());
  }

  protected UploadResult put(String key, byte[] bytes, Map<String, String> userMetadata) {
    return storage.upload(bucket, key, bytes, UploadOptions.builder().metadata(userMetadata).build());
  }

  protected S3Uri uri(String key) {
    return S3Uri.of(bucket, key);
  }
}
