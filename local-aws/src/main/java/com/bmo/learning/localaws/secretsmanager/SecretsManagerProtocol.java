package com.bmo.learning.localaws.secretsmanager;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Secrets Manager's JSON 1.1 protocol over a {@link SecretStore}: parses the request body of one
 * operation, calls the store and renders the response or the error ({@code {"__type": ..., "message":
 * ...}} with AWS's HTTP status). Supported operations: CreateSecret, GetSecretValue, PutSecretValue,
 * UpdateSecret, DescribeSecret, ListSecrets, DeleteSecret, RestoreSecret, TagResource, UntagResource,
 * BatchGetSecretValue. Thread-safe.
 */
public final class SecretsManagerProtocol {

  public static final String CONTENT_TYPE = "application/x-amz-json-1.1";

  private static final Logger LOG = LoggerFactory.getLogger(SecretsManagerProtocol.class);
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

  private static final int MAX_SECRET_ID = 2048;
  private static final int MAX_DESCRIPTION = 2048;
  private static final int MAX_KMS_KEY_ID = 2048;
  private static final int MAX_NEXT_TOKEN = 4096;
  private static final int MAX_LIST_RESULTS = 100;
  private static final int MAX_BATCH_RESULTS = 20;

  private final SecretStore store;
  private final Map<String, Function<JsonRequest, ObjectNode>> operations;

  public SecretsManagerProtocol(SecretStore store) {
    this.store = Objects.requireNonNull(store, "store");
    this.operations = Map.ofEntries(
        Map.entry("CreateSecret", this::createSecret),
        Map.entry("GetSecretValue", this::getSecretValue),
        Map.entry("PutSecretValue", this::putSecretValue),
        Map.entry("UpdateSecret", this::updateSecret),
        Map.entry("DescribeSecret", this::describeSecret),
        Map.entry("ListSecrets", this::listSecrets),
        Map.entry("DeleteSecret", this::deleteSecret),
        Map.entry("RestoreSecret", this::restoreSecret),
        Map.entry("TagResource", this::tagResource),
        Map.entry("UntagResource", this::untagResource),
        Map.entry("BatchGetSecretValue", this::batchGetSecretValue));
  }

  /**
   * @param operation the part of {@code X-Amz-Target} after {@code secretsmanager.}, e.g.
   *     {@code GetSecretValue}
   * @param body the request body (JSON)
   */
  public Response handle(String operation, byte[] body) {
    try {
      Function<JsonRequest, ObjectNode> handler = operations.get(operation);
      if (handler == null) {
        throw SecretsManagerException.unknownOperation(operation);
      }
      ObjectNode result = handler.apply(JsonRequest.parse(JSON, body));
      return new Response(200, JSON.writeValueAsBytes(result));
    } catch (SecretsManagerException e) {
      LOG.debug("secretsmanager.{} -> {} {} (secret {})", operation, e.httpStatus(), e.code(),
          e.secretId());
      return error(e);
    } catch (JsonProcessingException | RuntimeException e) {
      LOG.error("secretsmanager.{} failed", operation, e);
      return error(SecretsManagerException.internal("An error occurred on the server side."));
    }
  }

  private static Response error(SecretsManagerException e) {
    ObjectNode body = SecretJson.object();
    body.put("__type", e.code());
    body.put("message", e.getMessage());
    try {
      return new Response(e.httpStatus(), JSON.writeValueAsBytes(body));
    } catch (JsonProcessingException impossible) {
      return new Response(500, "{\"__type\":\"InternalServiceError\"}".getBytes(StandardCharsets.UTF_8));
    }
  }

  private ObjectNode createSecret(JsonRequest request) {
    String name = request.requiredString("Name");
    String token = clientRequestToken(request);
    SecretValue value = value(request);
    List<JsonRequest> replicas = request.objects("AddReplicaRegions", 1, 10);
    if (replicas != null && !replicas.isEmpty()) {
      throw SecretsManagerException.invalidRequest(name,
          "Replicating secrets to other regions is not supported by this endpoint.");
    }
    VersionedSecret created = store.create(new NewSecret(name,
        request.string("Description", 0, MAX_DESCRIPTION),
        request.string("KmsKeyId", 0, MAX_KMS_KEY_ID),
        value, tags(request), token));
    ObjectNode response = SecretJson.identity(created.secret());
    if (created.version() != null) {
      response.put("VersionId", created.version().versionId());
    }
    return response;
  }

  private ObjectNode getSecretValue(JsonRequest request) {
    VersionedSecret found = store.getValue(secretId(request),
        request.string("VersionId", 32, 64), request.string("VersionStage", 1, 256));
    return SecretJson.secretValue(found.secret(), found.version());
  }

  private ObjectNode putSecretValue(JsonRequest request) {
    String secretId = secretId(request);
    String token = clientRequestToken(request);
    SecretValue value = value(request);
    if (value == null) {
      throw SecretsManagerException.invalidRequest(secretId,
          "You must provide either SecretString or SecretBinary.");
    }
    List<String> stages = request.strings("VersionStages", 1, 20, 1, 256);
    VersionedSecret put = store.putValue(secretId, token, value, stages);
    ObjectNode response = SecretJson.identity(put.secret());
    response.put("VersionId", put.version().versionId());
    ArrayNode labels = response.putArray("VersionStages");
    // The labels the version has now (a retried request may find them moved on since).
    put.secret().version(put.version().versionId()).orElse(put.version()).stages().forEach(labels::add);
    return response;
  }

  private ObjectNode updateSecret(JsonRequest request) {
    String secretId = secretId(request);
    String token = clientRequestToken(request);
    VersionedSecret updated = store.update(secretId,
        request.string("Description", 0, MAX_DESCRIPTION),
        request.string("KmsKeyId", 0, MAX_KMS_KEY_ID),
        value(request), token);
    ObjectNode response = SecretJson.identity(updated.secret());
    if (updated.version() != null) {
      response.put("VersionId", updated.version().versionId());
    }
    return response;
  }

  private ObjectNode describeSecret(JsonRequest request) {
    return SecretJson.describe(store.describe(secretId(request)));
  }

  private ObjectNode listSecrets(JsonRequest request) {
    String sortBy = request.string("SortBy");
    SecretSortKey sortKey = sortBy == null ? SecretSortKey.CREATED_DATE
        : SecretSortKey.fromWireName(sortBy).orElseThrow(() -> notInEnum("sortBy", sortBy,
            SecretSortKey.wireNames()));
    String sortOrder = request.string("SortOrder");
    if (sortOrder != null && !sortOrder.equals("asc") && !sortOrder.equals("desc")) {
      throw notInEnum("sortOrder", sortOrder, List.of("asc", "desc"));
    }
    Integer maxResults = request.integer("MaxResults", 1, MAX_LIST_RESULTS);
    List<SecretFilter> filters = filters(request);
    SecretPage page = store.list(new SecretQuery(filters == null ? List.of() : filters,
        request.bool("IncludePlannedDeletion"),
        maxResults == null ? MAX_LIST_RESULTS : maxResults,
        request.string("NextToken", 1, MAX_NEXT_TOKEN),
        sortKey, !"desc".equals(sortOrder)));
    ObjectNode response = SecretJson.object();
    ArrayNode list = response.putArray("SecretList");
    page.secrets().forEach(s -> list.add(SecretJson.listEntry(s)));
    if (page.nextToken() != null) {
      response.put("NextToken", page.nextToken());
    }
    return response;
  }

  private ObjectNode deleteSecret(JsonRequest request) {
    String secretId = secretId(request);
    DeletedSecret deleted = store.delete(secretId, request.longValue("RecoveryWindowInDays"),
        request.bool("ForceDeleteWithoutRecovery"));
    ObjectNode response = SecretJson.object();
    response.put("ARN", deleted.arn());
    response.put("Name", deleted.name());
    response.set("DeletionDate", SecretJson.timestamp(deleted.deletionDate()));
    return response;
  }

  private ObjectNode restoreSecret(JsonRequest request) {
    return SecretJson.identity(store.restore(secretId(request)));
  }

  private ObjectNode tagResource(JsonRequest request) {
    String secretId = secretId(request);
    List<SecretTag> tags = tags(request);
    if (tags == null) {
      throw SecretsManagerException.validation(
          "Value null at 'tags' failed to satisfy constraint: Member must not be null");
    }
    store.tag(secretId, tags);
    return SecretJson.object();
  }

  private ObjectNode untagResource(JsonRequest request) {
    String secretId = secretId(request);
    List<String> keys = request.strings("TagKeys", 0, 50, 1, 128);
    if (keys == null) {
      throw SecretsManagerException.validation(
          "Value null at 'tagKeys' failed to satisfy constraint: Member must not be null");
    }
    store.untag(secretId, keys);
    return SecretJson.object();
  }

  private ObjectNode batchGetSecretValue(JsonRequest request) {
    List<String> ids = request.strings("SecretIdList", 1, MAX_BATCH_RESULTS, 1, MAX_SECRET_ID);
    List<SecretFilter> filters = filters(request);
    Integer maxResults = request.integer("MaxResults", 1, MAX_BATCH_RESULTS);
    String nextToken = request.string("NextToken", 1, MAX_NEXT_TOKEN);
    if (ids != null && filters != null) {
      throw SecretsManagerException.invalidParameter(
          "Either 'SecretIdList' or 'Filters' must be provided, but not both.");
    }
    if (ids == null && filters == null) {
      throw SecretsManagerException.invalidParameter(
          "Either 'SecretIdList' or 'Filters' must be provided.");
    }
    if (maxResults != null && filters == null) {
      throw SecretsManagerException.invalidParameter(
          "'Filters' not specified. 'Filters' must also be specified when 'MaxResults' is provided.");
    }
    ObjectNode response = SecretJson.object();
    ArrayNode values = response.putArray("SecretValues");
    ArrayNode errors = response.putArray("Errors");
    List<String> targets = new ArrayList<>();
    if (ids != null) {
      targets.addAll(ids);
    } else {
      SecretPage page = store.list(SecretQuery.of(filters,
          maxResults == null ? MAX_BATCH_RESULTS : maxResults, nextToken));
      page.secrets().forEach(s -> targets.add(s.arn()));
      if (page.nextToken() != null) {
        response.put("NextToken", page.nextToken());
      }
    }
    for (String id : targets) {
      try {
        VersionedSecret found = store.getValue(id, null, null);
        values.add(SecretJson.secretValue(found.secret(), found.version()));
      } catch (SecretsManagerException e) {
        errors.addObject().put("SecretId", id).put("ErrorCode", e.code()).put("Message", e.getMessage());
      }
    }
    return response;
  }

  private static String secretId(JsonRequest request) {
    return request.requiredString("SecretId", 1, MAX_SECRET_ID);
  }

  private static String clientRequestToken(JsonRequest request) {
    return request.string("ClientRequestToken", 32, 64);
  }

  /** SecretString or SecretBinary (not both), or {@code null} when neither is given. */
  private static SecretValue value(JsonRequest request) {
    String text = request.string("SecretString");
    byte[] binary = request.blob("SecretBinary");
    if (text != null && binary != null) {
      throw SecretsManagerException.invalidParameter(
          "You can't specify both a binary secret value and a string secret value in the same secret.");
    }
    if (binary != null) {
      if (binary.length == 0) {
        throw SecretsManagerException.validation("Value at 'secretBinary' failed to satisfy"
            + " constraint: Member must have length greater than or equal to 1");
      }
      return new SecretValue.BinaryValue(binary);
    }
    return text == null ? null : new SecretValue.StringValue(text);
  }

  private static List<SecretTag> tags(JsonRequest request) {
    List<JsonRequest> items = request.objects("Tags", 0, 50);
    if (items == null) {
      return null;
    }
    return items.stream()
        .map(t -> new SecretTag(t.requiredString("Key", 1, 128), t.string("Value", 0, 256)))
        .toList();
  }

  /** The Filters member, or {@code null} when absent. */
  private static List<SecretFilter> filters(JsonRequest request) {
    List<JsonRequest> items = request.objects("Filters", 0, 10);
    if (items == null) {
      return null;
    }
    List<SecretFilter> filters = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      JsonRequest item = items.get(i);
      String keyName = item.requiredString("Key");
      String member = "filters." + (i + 1) + ".member";
      FilterKey key = FilterKey.fromWireName(keyName).orElseThrow(() ->
          notInEnum(member + ".key", keyName, FilterKey.wireNames()));
      List<String> values = item.strings("Values", 1, 10, 0, 512);
      if (values == null) {
        throw SecretsManagerException.invalidParameter("Filter " + keyName + " needs Values.");
      }
      for (String value : values) {
        if (!value.matches("!?[a-zA-Z0-9 :_@/+=.\\-!]*")) {
          throw SecretsManagerException.validation("Value at '" + member + ".values' failed to satisfy constraint: Member must satisfy regular expression"
              + " pattern: ^\\!?[a-zA-Z0-9 :_@\\/\\+\\=\\.\\-\\!]*$");
        }
      }
      filters.add(new SecretFilter(key, values));
    }
    return filters;
  }

  private static SecretsManagerException notInEnum(String member, String value, List<String> allowed) {
    return SecretsManagerException.validation("Value '" + value + "' at '" + member + "' failed to"
        + " satisfy constraint: Member must satisfy enum value set: " + allowed);
  }

  /** An HTTP answer: status and JSON body. */
  public record Response(int status, byte[] body) {
  }
}
