package com.bmo.learning.search.backup;

import com.bmo.learning.aws.s3.MultipartChecksum;
import com.bmo.learning.aws.s3.S3Storage;
import com.bmo.learning.aws.s3.S3StorageConfig;
import com.bmo.learning.localaws.LocalAwsClients;
import com.bmo.learning.localaws.junit.LocalAwsTarget;
import java.util.Map;

/** An {@link S3Storage} for the endpoint the test harness runs (embedded, or AWS_ENDPOINT_URL's). */
public final class TestStorage {

  private TestStorage() {
  }

  public static S3Storage create(LocalAwsTarget target) {
    return S3Storage.create(S3StorageConfig.builder()
        .endpoint(target.endpoint())
        .region(target.region())
        .credentialsProvider(LocalAwsClients.TEST_CREDENTIALS)
        .environment(Map.of())
        // S3Mock 4.x lacks full-object multipart checksums (adobe/S3Mock#2843); backups are verified
        // end to end by their SHA-256 either way.
        .multipartChecksum(target.embedded() ? MultipartChecksum.COMPOSITE : MultipartChecksum.FULL_OBJECT)
        .build());
  }
}
