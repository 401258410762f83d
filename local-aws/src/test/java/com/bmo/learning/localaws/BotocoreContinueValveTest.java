package com.bmo.learning.localaws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class BotocoreContinueValveTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "aws-cli/2.9.19 Python/3.11.2 Linux/6.1 source/x86_64.debian.12 prompt/off command/s3api.put-object",
      "aws-cli/1.45.11 md/Botocore#1.43.11 ua/2.1 os/linux#6.1 md/arch#x86_64 lang/python#3.11.7",
      "Boto3/1.34.0 md/Botocore#1.34.0 ua/2.0 os/linux#6.1 lang/python#3.11.7",
      "Botocore/1.29.0 Python/3.10.12 Linux/5.15"})
  void recognisesBotocoreClients(String userAgent) {
    assertThat(BotocoreContinueValve.isBotocore(userAgent)).isTrue();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {
      "aws-sdk-java/2.57.8 md/io#sync md/http#UrlConnection ua/2.1 os/Linux#6.1 lang/java#17.0.15",
      "curl/7.88.1",
      "aws-sdk-go-v2/1.30.0 os/linux lang/go#1.22"})
  void leavesOtherClientsAlone(String userAgent) {
    assertThat(BotocoreContinueValve.isBotocore(userAgent)).isFalse();
  }
}
