package com.bmo.learning.localaws.secretsmanager;

import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Renders secrets the way Secrets Manager's JSON 1.1 responses show them. Timestamps are epoch seconds
 * with milliseconds as a plain decimal number, which every SDK reads.
 */
final class SecretJson {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private SecretJson() {
  }

  static ObjectNode object() {
    return NODES.objectNode();
  }

  static DecimalNode timestamp(Instant instant) {
    return new DecimalNode(BigDecimal.valueOf(instant.toEpochMilli(), 3));
  }

  /** ARN and Name, the start of most responses. */
  static ObjectNode identity(Secret secret) {
    ObjectNode node = object();
    node.put("ARN", secret.arn());
    node.put("Name", secret.name());
    return node;
  }

  /** A GetSecretValue response, also an entry of BatchGetSecretValue's SecretValues. */
  static ObjectNode secretValue(Secret secret, SecretVersion version) {
    ObjectNode node = identity(secret);
    node.put("VersionId", version.versionId());
    if (version.value() instanceof SecretValue.StringValue s) {
      node.put("SecretString", s.text());
    } else if (version.value() instanceof SecretValue.BinaryValue b) {
      node.put("SecretBinary", Base64.getEncoder().encodeToString(b.bytes()));
    }
    stages(node, "VersionStages", version.stages());
    node.set("CreatedDate", timestamp(version.createdDate()));
    return node;
  }

  static ObjectNode describe(Secret secret) {
    return metadata(secret, "VersionIdsToStages");
  }

  static ObjectNode listEntry(Secret secret) {
    return metadata(secret, "SecretVersionsToStages");
  }

  private static ObjectNode metadata(Secret secret, String versionsMember) {
    ObjectNode node = identity(secret);
    putIfPresent(node, "Description", secret.description());
    putIfPresent(node, "KmsKeyId", secret.kmsKeyId());
    if (!secret.tags().isEmpty()) {
      var tags = node.putArray("Tags");
      secret.tags().forEach(t -> tags.addObject().put("Key", t.key()).put("Value", t.value()));
    }
    var labelled = secret.labelledVersions();
    if (!labelled.isEmpty()) {
      ObjectNode versions = node.putObject(versionsMember);
      labelled.forEach((id, stages) -> stages(versions, id, stages));
    }
    node.set("CreatedDate", timestamp(secret.createdDate()));
    node.set("LastChangedDate", timestamp(secret.lastChangedDate()));
    if (secret.lastAccessedDate() != null) {
      node.set("LastAccessedDate", timestamp(secret.lastAccessedDate()));
    }
    if (secret.deletion() != null) {
      node.set("DeletedDate", timestamp(secret.deletion().deletedDate()));
    }
    return node;
  }

  private static void stages(ObjectNode node, String member, List<String> stages) {
    var array = node.putArray(member);
    stages.forEach(array::add);
  }

  private static void putIfPresent(ObjectNode node, String member, String value) {
    if (value != null) {
      node.put(member, value);
    }
  }
}
