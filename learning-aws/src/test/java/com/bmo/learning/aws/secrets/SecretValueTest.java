package com.bmo.learning.aws.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretValueTest {

  private static SecretValue text(String value) {
    return SecretValue.ofText("prod/db", "arn:aws:secretsmanager:us-east-1:1:secret:prod/db-AbCdEf", "v1",
        List.of(StagingLabels.AWSCURRENT), Instant.EPOCH, value);
  }

  @Test
  void readsFieldsOfAJsonObject() {
    SecretValue v = text("{\"user\":\"app\",\"password\":\"s3cr3t\",\"port\":5432,\"tls\":true,"
        + "\"opts\":{\"a\":1}}");
    assertThat(v.field("user")).isEqualTo("app");
    assertThat(v.field("port")).isEqualTo("5432");
    assertThat(v.field("tls")).isEqualTo("true");
    assertThat(v.field("opts")).isEqualTo("{\"a\":1}");
  }

  @Test
  void missingOrNullFieldNamesSecretAndField() {
    SecretValue v = text("{\"user\":\"app\",\"password\":null}");
    for (String field : List.of("host", "password")) {
      assertThatThrownBy(() -> v.field(field))
          .isInstanceOfSatisfying(SecretFormatException.class, e -> {
            assertThat(e.reason()).isEqualTo(SecretFormatException.Reason.FIELD_MISSING);
            assertThat(e.secretId()).contains("prod/db");
            assertThat(e.field()).contains(field);
            assertThat(e.getMessage()).contains("prod/db", field);
          });
    }
  }

  @Test
  void notJsonNamesSecretAndFieldWithoutQuotingTheValue() {
    for (String value : List.of("plain-api-key-123", "[\"an\",\"array\"]", "\"a json string\"", "{broken")) {
      assertThatThrownBy(() -> text(value).field("password"))
          .isInstanceOfSatisfying(SecretFormatException.class, e -> {
            assertThat(e.reason()).isEqualTo(SecretFormatException.Reason.NOT_JSON_OBJECT);
            assertThat(e.getMessage()).contains("prod/db", "password").doesNotContain(value);
            assertThat(e.getCause()).isNull();
          });
    }
  }

  @Test
  void textAndBinaryAreNotConfused() {
    SecretValue bin = SecretValue.ofBinary("prod/cert", null, "v1", List.of(), null, new byte[] {1, 2});
    assertThat(bin.asBinary()).containsExactly(1, 2);
    assertThatThrownBy(bin::asString).isInstanceOfSatisfying(SecretFormatException.class,
        e -> assertThat(e.reason()).isEqualTo(SecretFormatException.Reason.NOT_TEXT));
    assertThatThrownBy(() -> bin.field("x")).isInstanceOf(SecretFormatException.class);
    assertThatThrownBy(() -> text("t").asBinary()).isInstanceOfSatisfying(SecretFormatException.class,
        e -> assertThat(e.reason()).isEqualTo(SecretFormatException.Reason.NOT_BINARY));
  }

  @Test
  void binaryValueCannotBeChangedFromOutside() {
    byte[] bytes = "abc".getBytes(StandardCharsets.UTF_8);
    SecretValue bin = SecretValue.ofBinary("prod/cert", null, "v1", List.of(), null, bytes);
    bytes[0] = 'x';
    bin.asBinary()[1] = 'y';
    assertThat(new String(bin.asBinary(), StandardCharsets.UTF_8)).isEqualTo("abc");
  }

  @Test
  void toStringShowsIdentityButNeverTheValue() {
    SecretValue v = text("{\"password\":\"hunter2\"}");
    assertThat(v.toString()).contains("prod/db", "v1", "AWSCURRENT", SecretString.REDACTED)
        .doesNotContain("hunter2");
    assertThat(String.valueOf(v.asSecretString())).isEqualTo(SecretString.REDACTED);
    assertThat(v.asSecretString().reveal()).isEqualTo("{\"password\":\"hunter2\"}");
  }

  @Test
  void secretStringRedactsEverywhereItIsPrinted() {
    SecretString s = SecretString.of("sk-live-42");
    ResolvedSetting setting = new ResolvedSetting("openai_api_key", s, SettingSource.ENVIRONMENT,
        "OPENAI_API_KEY");
    assertThat(s.toString()).isEqualTo("******");
    assertThat(setting.toString()).contains("openai_api_key", "ENVIRONMENT").doesNotContain("sk-live-42");
    assertThat(String.format("key=%s", s)).doesNotContain("sk-live-42");
    assertThat(s).isEqualTo(SecretString.of("sk-live-42")).isNotEqualTo(SecretString.of("sk-live-43"));
  }

  @Test
  void newSecretToStringNeverShowsTheValue() {
    NewSecret n = NewSecret.builder("prod/api").text("sk-live-42").tag("team", "ai").build();
    assertThat(n.toString()).contains("prod/api", "team").doesNotContain("sk-live-42");
  }
}
