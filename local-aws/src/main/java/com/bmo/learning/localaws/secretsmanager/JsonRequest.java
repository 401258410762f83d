package com.bmo.learning.localaws.secretsmanager;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A JSON 1.1 request body with typed, validated access to its members. A member of the wrong JSON type
 * is a {@code SerializationException}; a missing required member or one that breaks a length or range
 * constraint is a {@code ValidationException} — as AWS answers. Error messages name the member, never
 * its value (it may be a secret).
 */
final class JsonRequest {

  private final ObjectNode body;
  private final String path;

  private JsonRequest(ObjectNode body, String path) {
    this.body = body;
    this.path = path;
  }

  static JsonRequest parse(ObjectMapper json, byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      return new JsonRequest(json.createObjectNode(), "");
    }
    JsonNode node;
    try {
      node = json.readTree(bytes);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      // Only the position: Jackson's own message can quote the body, which may hold a secret.
      throw SecretsManagerException.serialization("The request body is not valid JSON"
          + (at == null ? "." : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")."));
    } catch (IOException e) {
      throw SecretsManagerException.serialization("The request body could not be read.");
    }
    if (node == null || node.isMissingNode()) {
      return new JsonRequest(json.createObjectNode(), "");
    }
    if (!(node instanceof ObjectNode object)) {
      throw SecretsManagerException.serialization("The request body must be a JSON object.");
    }
    return new JsonRequest(object, "");
  }

  /** A string member, or {@code null} when absent. */
  String string(String member) {
    JsonNode node = member(member);
    if (node == null) {
      return null;
    }
    if (!node.isTextual()) {
      throw wrongType(member, "a string");
    }
    return node.textValue();
  }

  String requiredString(String member) {
    String value = string(member);
    if (value == null) {
      throw SecretsManagerException.validation("Value null at '" + memberPath(member)
          + "' failed to satisfy constraint: Member must not be null");
    }
    return value;
  }

  /** A string member whose length must be within {@code min..max} when present. */
  String string(String member, int min, int max) {
    String value = string(member);
    checkLength(member, value, min, max);
    return value;
  }

  String requiredString(String member, int min, int max) {
    String value = requiredString(member);
    checkLength(member, value, min, max);
    return value;
  }

  Integer integer(String member, int min, int max) {
    JsonNode node = member(member);
    if (node == null) {
      return null;
    }
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      throw wrongType(member, "an integer");
    }
    int value = node.intValue();
    if (value < min || value > max) {
      throw SecretsManagerException.validation("Value '" + value + "' at '" + memberPath(member)
          + "' failed to satisfy constraint: Member must have value between " + min + " and " + max);
    }
    return value;
  }

  /** A long member that AWS range-checks itself (with its own error), or {@code null}. */
  Long longValue(String member) {
    JsonNode node = member(member);
    if (node == null) {
      return null;
    }
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      throw wrongType(member, "an integer");
    }
    return node.longValue();
  }

  boolean bool(String member) {
    JsonNode node = member(member);
    if (node == null) {
      return false;
    }
    if (!node.isBoolean()) {
      throw wrongType(member, "a boolean");
    }
    return node.booleanValue();
  }

  /** A base64 blob member, decoded, or {@code null}. */
  byte[] blob(String member) {
    String encoded = string(member);
    if (encoded == null) {
      return null;
    }
    try {
      return Base64.getDecoder().decode(encoded);
    } catch (IllegalArgumentException e) {
      throw SecretsManagerException.serialization("Member " + memberPath(member)
          + " is not valid base64.");
    }
  }

  /** A list of strings with {@code minItems..maxItems} entries, each {@code min..max} long; or null. */
  List<String> strings(String member, int minItems, int maxItems, int min, int max) {
    List<JsonNode> items = array(member, minItems, maxItems);
    if (items == null) {
      return null;
    }
    List<String> result = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      String itemPath = member + "." + (i + 1) + ".member";
      if (!item.isTextual()) {
        throw wrongType(itemPath, "a string");
      }
      checkLength(itemPath, item.textValue(), min, max);
      result.add(item.textValue());
    }
    return result;
  }

  /** A list of structures, or {@code null}. */
  List<JsonRequest> objects(String member, int minItems, int maxItems) {
    List<JsonNode> items = array(member, minItems, maxItems);
    if (items == null) {
      return null;
    }
    List<JsonRequest> result = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      String itemPath = memberPath(member) + "." + (i + 1) + ".member";
      if (!(items.get(i) instanceof ObjectNode object)) {
        throw SecretsManagerException.serialization("Member " + itemPath + " must be a structure.");
      }
      result.add(new JsonRequest(object, itemPath + "."));
    }
    return result;
  }

  private List<JsonNode> array(String member, int minItems, int maxItems) {
    JsonNode node = member(member);
    if (node == null) {
      return null;
    }
    if (!node.isArray()) {
      throw wrongType(member, "a list");
    }
    if (node.size() < minItems || node.size() > maxItems) {
      throw SecretsManagerException.validation("Value at '" + memberPath(member) + "' failed to"
          + " satisfy constraint: Member must have between " + minItems + " and " + maxItems
          + " items");
    }
    List<JsonNode> items = new ArrayList<>(node.size());
    node.forEach(items::add);
    return items;
  }

  private JsonNode member(String member) {
    JsonNode node = body.get(member);
    return node == null || node.isNull() ? null : node;
  }

  private void checkLength(String member, String value, int min, int max) {
    if (value != null && (value.length() < min || value.length() > max)) {
      throw SecretsManagerException.validation("Value at '" + memberPath(member) + "' failed to"
          + " satisfy constraint: Member must have length between " + min + " and " + max);
    }
  }

  private SecretsManagerException wrongType(String member, String expected) {
    return SecretsManagerException.serialization("Member " + memberPath(member) + " must be "
        + expected + ".");
  }

  /** AWS's name for a member in messages: {@code SecretId} becomes {@code secretId}. */
  private String memberPath(String member) {
    return path + Character.toLowerCase(member.charAt(0)) + member.substring(1);
  }
}
