package com.bmo.learning.service.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoggedTextTest {

  @Test
  void lineBreaksAndControlCharactersAreEscapedSoNoInputEndsALine() {
    assertThat(LoggedText.of("a\u0000\nERROR forged\r\tb\u2028c\u007f"))
        .isEqualTo("a\\u0000\\nERROR forged\\r\\tb\\u2028c\\u007f")
        .doesNotContain("\n").doesNotContain("\r");
  }

  @Test
  void plainValuesAreUnchangedAndLongOnesCut() {
    assertThat(LoggedText.of("s3://bucket/lessons/fractions.md")).isEqualTo("s3://bucket/lessons/fractions.md");
    assertThat(LoggedText.of(null)).isEqualTo("null");
    assertThat(LoggedText.of("x".repeat(2000))).startsWith("x".repeat(LoggedText.MAX_LENGTH)).endsWith("(2000 chars)");
  }
}
