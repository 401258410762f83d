package com.bmo.learning.localaws.junit;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.FilterNameStringType;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/** Removes what a test left behind, through the SDK, so it works on any endpoint. */
final class ResourceCleanup {

  private ResourceCleanup() {
  }

  /** Aborts open multipart uploads, deletes every object version and marker, then the bucket. */
  static void deleteBucket(S3Client s3, String name) {
    try {
      s3.listMultipartUploadsPaginator(b -> b.bucket(name)).uploads().forEach(u ->
          s3.abortMultipartUpload(b -> b.bucket(name).key(u.key()).uploadId(u.uploadId())));
      for (var page : s3.listObjectVersionsPaginator(b -> b.bucket(name))) {
        List<ObjectIdentifier> ids = new ArrayList<>();
        page.versions().forEach(v -> ids.add(
            ObjectIdentifier.builder().key(v.key()).versionId(v.versionId()).build()));
        page.deleteMarkers().forEach(m -> ids.add(
            ObjectIdentifier.builder().key(m.key()).versionId(m.versionId()).build()));
        if (!ids.isEmpty()) {
          s3.deleteObjects(b -> b.bucket(name).delete(d -> d.objects(ids).quiet(true)));
        }
      }
      s3.deleteBucket(b -> b.bucket(name));
    } catch (NoSuchBucketException alreadyGone) {
      // the test removed it itself
    }
  }

  /** Force-deletes every secret whose name starts with {@code prefix}, pending deletion or not. */
  static void deleteSecrets(SecretsManagerClient client, String prefix) {
    client.listSecretsPaginator(b -> b.includePlannedDeletion(true)
            .filters(f -> f.key(FilterNameStringType.NAME).values(prefix)))
        .stream().flatMap(page -> page.secretList().stream())
        .filter(s -> s.name().startsWith(prefix))
        .forEach(s -> {
          try {
            client.deleteSecret(b -> b.secretId(s.arn()).forceDeleteWithoutRecovery(true));
          } catch (ResourceNotFoundException alreadyGone) {
            // deleted by the test
          }
        });
  }
}
