package com.bmo.learning.localaws.init;

import com.bmo.learning.localaws.LocalAwsClients;
import java.net.URI;
import java.nio.file.Path;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;

/**
 * Applies an {@link InitSpec} through the AWS SDK, idempotently: existing buckets are kept, existing
 * secrets get the seed as a new current version only when the value differs, objects are overwritten.
 * Going through the SDK (not the emulator's internals) keeps the seed path identical on every endpoint.
 */
public final class InitApplier {

  private static final Logger LOG = LoggerFactory.getLogger(InitApplier.class);

  private final URI endpoint;
  private final String region;

  public InitApplier(URI endpoint, String region) {
    this.endpoint = endpoint;
    this.region = region;
  }

  public void apply(InitSpec spec) {
    if (spec.isEmpty()) {
      return;
    }
    try (S3Client s3 = LocalAwsClients.s3(endpoint, region);
        SecretsManagerClient secrets = LocalAwsClients.secretsManager(endpoint, region)) {
      for (String bucket : spec.buckets()) {
        try {
          s3.createBucket(b -> b.bucket(bucket));
        } catch (BucketAlreadyOwnedByYouException alreadyThere) {
          LOG.debug("bucket {} already exists", bucket);
        }
      }
      for (InitSpec.SecretSeed seed : spec.secrets()) {
        applySecret(secrets, seed);
      }
      for (InitSpec.ObjectSeed seed : spec.objects()) {
        PutObjectRequest.Builder put = PutObjectRequest.builder()
            .bucket(seed.bucket()).key(seed.key()).metadata(seed.metadata());
        if (seed.contentType() != null) {
          put.contentType(seed.contentType());
        }
        s3.putObject(put.build(), seed.file() != null
            ? RequestBody.fromFile(Path.of(seed.file()))
            : RequestBody.fromString(seed.content()));
      }
    }
    // Names only: secret values never reach a log line.
    LOG.info("Applied init {}: {} bucket(s), {} secret(s), {} object(s)", spec.source(),
        spec.buckets().size(), spec.secrets().size(), spec.objects().size());
  }

  private static void applySecret(SecretsManagerClient client, InitSpec.SecretSeed seed) {
    SdkBytes binary = seed.binaryBase64() == null ? null
        : SdkBytes.fromByteArray(Base64.getDecoder().decode(seed.binaryBase64()));
    try {
      client.createSecret(b -> b.name(seed.name())
          .description(seed.description())
          .secretString(binary == null ? seed.secretString() : null)
          .secretBinary(binary)
          .tags(seed.tags().entrySet().stream()
              .map(e -> software.amazon.awssdk.services.secretsmanager.model.Tag.builder()
                  .key(e.getKey()).value(e.getValue()).build())
              .toList()));
    } catch (ResourceExistsException exists) {
      var current = client.getSecretValue(b -> b.secretId(seed.name()));
      boolean same = binary == null
          ? seed.secretString().equals(current.secretString())
          : binary.equals(current.secretBinary());
      if (!same) {
        client.putSecretValue(b -> b.secretId(seed.name())
            .secretString(binary == null ? seed.secretString() : null)
            .secretBinary(binary));
      }
    }
  }
}
