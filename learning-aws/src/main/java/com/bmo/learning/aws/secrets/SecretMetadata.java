package com.bmo.learning.aws.secrets;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

/**
 * What Secrets Manager knows about a secret besides its value, from describe or list.
 *
 * @param versionStages each version id with its staging labels (AWSCURRENT, AWSPREVIOUS, ...)
 * @param deletedDate set while the secret is scheduled for deletion
 */
public record SecretMetadata(String name, String arn, String description, Instant createdDate,
    Instant lastChangedDate, Optional<Instant> deletedDate, Map<String, String> tags,
    Map<String, List<String>> versionStages) {

  public SecretMetadata {
    tags = Map.copyOf(tags);
    versionStages = Map.copyOf(versionStages);
  }

  public boolean pendingDeletion() {
    return deletedDate.isPresent();
  }

  /** The id of the version carrying {@code label}, if any. */
  public Optional<String> versionWithLabel(String label) {
    return versionStages.entrySet().stream().filter(e -> e.getValue().contains(label))
        .map(Map.Entry::getKey).findFirst();
  }

  static SecretMetadata from(DescribeSecretResponse r) {
    return new SecretMetadata(r.name(), r.arn(), r.description(), r.createdDate(), r.lastChangedDate(),
        Optional.ofNullable(r.deletedDate()), tags(r.tags()), r.versionIdsToStages());
  }

  static SecretMetadata from(SecretListEntry e) {
    return new SecretMetadata(e.name(), e.arn(), e.description(), e.createdDate(), e.lastChangedDate(),
        Optional.ofNullable(e.deletedDate()), tags(e.tags()), e.secretVersionsToStages());
  }

  private static Map<String, String> tags(List<Tag> tags) {
    Map<String, String> map = new LinkedHashMap<>();
    if (tags != null) {
      tags.forEach(t -> map.put(t.key(), t.value() == null ? "" : t.value()));
    }
    return map;
  }
}
