package com.bmo.learning.localaws.secretsmanager;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wire format: what a client that is not the AWS SDK (curl, a script) sends and gets back. */
class SecretsManagerProtocolTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final MutableClock clock = new MutableClock(Instant.parse("2025-02-03T04:05:06.789Z"));
  private final SecretsManagerProtocol protocol =
      new SecretsManagerProtocol(SecretStore.open(null, "us-east-1", clock));

  private SecretsManagerProtocol.Response call(String operation, String body) {
    return protocol.handle(operation, body.getBytes(StandardCharsets.UTF_8));
  }

  private static JsonNode json(SecretsManagerProtocol.Response response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void assertError(SecretsManagerProtocol.Response response, int status, String type) {
    assertThat(response.status()).isEqualTo(status);
    JsonNode body = json(response);
    assertThat(body.path("__type").asText()).isEqualTo(type);
    assertThat(body.path("message").asText()).isNotBlank();
  }

  @Test
  void createAndGetUseAwsMemberNamesAndEpochSecondTimestamps() {
    var created = call("CreateSecret", "{\"Name\":\"db\",\"SecretString\":\"pw\","
        + "\"ClientRequestToken\":\"11111111-2222-4333-8444-555555555555\"}");
    assertThat(created.status()).isEqualTo(200);
    assertThat(json(created).path("VersionId").asText()).isEqualTo("11111111-2222-4333-8444-555555555555");

    var got = call("GetSecretValue", "{\"SecretId\":\"db\"}");
    JsonNode body = json(got);
    assertThat(body.path("ARN").asText()).startsWith("arn:aws:secretsmanager:us-east-1:000000000000:secret:db-");
    assertThat(body.path("SecretString").asText()).isEqualTo("pw");
    assertThat(body.path("VersionStages").get(0).asText()).isEqualTo("AWSCURRENT");
    // Plain decimal seconds with milliseconds, as AWS sends them.
    assertThat(new String(got.body(), StandardCharsets.UTF_8)).contains("\"CreatedDate\":1738555506.789");
  }

  @Test
  void binaryValuesTravelAsBase64() {
    byte[] bytes = {0, (byte) 0x80, (byte) 0xff, 10};
    String encoded = Base64.getEncoder().encodeToString(bytes);
    call("CreateSecret", "{\"Name\":\"bin\",\"SecretBinary\":\"" + encoded + "\"}");
    JsonNode body = json(call("GetSecretValue", "{\"SecretId\":\"bin\"}"));
    assertThat(body.path("SecretBinary").asText()).isEqualTo(encoded);
    assertThat(body.has("SecretString")).isFalse();

    assertError(call("CreateSecret", "{\"Name\":\"bad\",\"SecretBinary\":\"***\"}"), 400,
        "SerializationException");
  }

  @Test
  void errorsHaveAwsTypeAndStatus() {
    var missing = call("GetSecretValue", "{\"SecretId\":\"nope\"}");
    assertError(missing, 400, "ResourceNotFoundException");
    assertThat(json(missing).path("message").asText())
        .isEqualTo("Secrets Manager can't find the specified secret.");
  }

  @Test
  void unknownOperationIsAClearError() {
    var response = call("RotateSecret", "{\"SecretId\":\"x\"}");
    assertError(response, 400, "UnknownOperationException");
    assertThat(json(response).path("message").asText()).contains("RotateSecret");
  }

  @Test
  void malformedJsonIsASerializationErrorThatDoesNotEchoTheBody() {
    var response = call("CreateSecret", "{\"Name\":\"x\",\"SecretString\":\"hunter2-top-secret\" oops}");
    assertError(response, 400, "SerializationException");
    assertThat(new String(response.body(), StandardCharsets.UTF_8)).doesNotContain("hunter2");

    assertError(call("CreateSecret", "[1,2]"), 400, "SerializationException");
    assertError(call("CreateSecret", "{\"Name\":42}"), 400, "SerializationException");
    assertError(call("ListSecrets", "{\"MaxResults\":\"ten\"}"), 400, "SerializationException");
  }

  @Test
  void missingOrOutOfRangeMembersAreValidationErrors() {
    assertError(call("GetSecretValue", "{}"), 400, "ValidationException");
    assertError(call("GetSecretValue", ""), 400, "ValidationException");
    assertError(call("CreateSecret", "{\"SecretString\":\"v\"}"), 400, "ValidationException");
    assertError(call("ListSecrets", "{\"MaxResults\":0}"), 400, "ValidationException");
    assertError(call("ListSecrets", "{\"MaxResults\":101}"), 400, "ValidationException");
    assertError(call("ListSecrets", "{\"Filters\":[{\"Key\":\"colour\",\"Values\":[\"x\"]}]}"), 400,
        "ValidationException");
    assertError(call("ListSecrets", "{\"Filters\":[{\"Key\":\"name\",\"Values\":[\"a*b\"]}]}"), 400,
        "ValidationException");
    assertError(call("ListSecrets", "{\"SortOrder\":\"sideways\"}"), 400, "ValidationException");
    assertError(call("CreateSecret", "{\"Name\":\"t\",\"ClientRequestToken\":\"short\"}"), 400,
        "ValidationException");
    assertError(call("CreateSecret", "{\"Name\":\"has space\"}"), 400, "ValidationException");
  }

  @Test
  void valueOverTheSizeLimitIsRejected() {
    String big = "x".repeat(65_537);
    assertError(call("CreateSecret", "{\"Name\":\"big\",\"SecretString\":\"" + big + "\"}"), 400,
        "ValidationException");
  }

  @Test
  void semanticConflictsAreInvalidParameterOrRequest() {
    assertError(call("CreateSecret", "{\"Name\":\"both\",\"SecretString\":\"a\",\"SecretBinary\":\"YQ==\"}"),
        400, "InvalidParameterException");
    call("CreateSecret", "{\"Name\":\"s\",\"SecretString\":\"a\"}");
    assertError(call("PutSecretValue", "{\"SecretId\":\"s\"}"), 400, "InvalidRequestException");
    assertError(call("DeleteSecret", "{\"SecretId\":\"s\",\"RecoveryWindowInDays\":7,"
        + "\"ForceDeleteWithoutRecovery\":true}"), 400, "InvalidParameterException");
    assertError(call("DeleteSecret", "{\"SecretId\":\"s\",\"RecoveryWindowInDays\":99999999999}"), 400,
        "InvalidParameterException");
    assertError(call("BatchGetSecretValue", "{\"SecretIdList\":[\"s\"],"
        + "\"Filters\":[{\"Key\":\"name\",\"Values\":[\"s\"]}]}"), 400, "InvalidParameterException");
    assertError(call("BatchGetSecretValue", "{\"SecretIdList\":[\"s\"],\"MaxResults\":5}"), 400,
        "InvalidParameterException");
    assertError(call("BatchGetSecretValue", "{}"), 400, "InvalidParameterException");
    assertError(call("ListSecrets", "{\"NextToken\":\"not-a-token\"}"), 400, "InvalidNextTokenException");
  }

  @Test
  void describeShowsDeletedDateAndOmitsAbsentMembers() {
    call("CreateSecret", "{\"Name\":\"s\",\"SecretString\":\"a\"}");
    JsonNode active = json(call("DescribeSecret", "{\"SecretId\":\"s\"}"));
    assertThat(active.has("Description")).isFalse();
    assertThat(active.has("DeletedDate")).isFalse();
    assertThat(active.has("LastAccessedDate")).isFalse();
    assertThat(active.path("VersionIdsToStages").size()).isEqualTo(1);

    JsonNode deleted = json(call("DeleteSecret", "{\"SecretId\":\"s\",\"RecoveryWindowInDays\":7}"));
    assertThat(deleted.path("DeletionDate").decimalValue()).isEqualByComparingTo("1739160306.789");
    JsonNode pending = json(call("DescribeSecret", "{\"SecretId\":\"s\"}"));
    assertThat(pending.path("DeletedDate").decimalValue()).isEqualByComparingTo("1738555506.789");
  }

  @Test
  void failureToSaveIsAnInternalServiceError(@TempDir Path dir) throws IOException {
    Path sub = dir.resolve("data");
    SecretsManagerProtocol persistent = new SecretsManagerProtocol(
        SecretStore.open(sub.resolve("secrets.json"), "us-east-1", clock));
    Files.createDirectories(dir);
    Files.writeString(sub, "a file where the data directory should be");

    var response = persistent.handle("CreateSecret",
        "{\"Name\":\"s\",\"SecretString\":\"a\"}".getBytes(StandardCharsets.UTF_8));
    assertError(response, 500, "InternalServiceError");
  }
}
