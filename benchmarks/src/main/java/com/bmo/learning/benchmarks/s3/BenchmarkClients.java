package com.bmo.learning.benchmarks.s3;

import com.bmo.learning.aws.s3.MultipartChecksum;
import com.bmo.learning.aws.s3.S3Storage;
import com.bmo.learning.aws.s3.S3StorageConfig;
import com.bmo.learning.localaws.LocalAwsClients;
import com.bmo.learning.localaws.LocalAwsEndpoint;
import java.util.Map;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The embedded endpoint and the clients compared on it: a bare SDK client with the same HTTP pool,
 * timeouts and retry strategy as {@link S3Storage}; the storage client with its defaults (multipart above
 * 16 MiB); and the storage client with multipart off up to 128 MiB, which sends the same single request as
 * the bare SDK and so isolates the client's own overhead.
 */
record BenchmarkClients(LocalAwsEndpoint endpoint, S3Client bare, S3Storage storage,
    S3Storage storageSinglePart) implements AutoCloseable {

  static final String BUCKET = "bench";

  static BenchmarkClients start() {
    LocalAwsEndpoint endpoint = LocalAwsEndpoint.builder().port(0).start();
    S3StorageConfig config = S3StorageConfig.builder()
        .endpoint(endpoint.endpoint())
        .region(endpoint.region())
        .credentialsProvider(LocalAwsClients.TEST_CREDENTIALS)
        .environment(Map.of())
        // S3Mock 4.12.4 supports only composite multipart checksums (adobe/S3Mock#2843).
        .multipartChecksum(MultipartChecksum.COMPOSITE)
        .build();
    S3Storage storage = S3Storage.create(config);
    S3Storage single = S3Storage.create(config.toBuilder().multipartThreshold(128 * S3StorageConfig.MIB)
        .build());
    S3Client bare = S3Client.builder()
        .endpointOverride(endpoint.endpoint())
        .region(Region.of(endpoint.region()))
        .credentialsProvider(LocalAwsClients.TEST_CREDENTIALS)
        .forcePathStyle(true)
        .httpClientBuilder(Apache5HttpClient.builder()
            .maxConnections(config.maxConnections())
            .connectionTimeout(config.connectionTimeout())
            .socketTimeout(config.socketTimeout()))
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
            .maxAttempts(config.maxAttempts()).build()))
        .build();
    bare.createBucket(b -> b.bucket(BUCKET));
    return new BenchmarkClients(endpoint, bare, storage, single);
  }

  @Override
  public void close() {
    storage.close();
    storageSinglePart.close();
    bare.close();
    endpoint.close();
  }
}
