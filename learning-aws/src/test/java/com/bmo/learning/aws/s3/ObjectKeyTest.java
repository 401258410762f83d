package com.bmo.learning.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ObjectKeyTest {

  @ParameterizedTest
  @ValueSource(ints = {1, 100, 1024})
  void acceptsOneTo1024AsciiBytes(int length) {
    String key = "k".repeat(length);
    assertThat(ObjectKey.of(key).value()).isEqualTo(key);
  }

  @Test
  void limitIsOnUtf8BytesNotCharacters() {
    assertThat(ObjectKey.of("é".repeat(512)).value()).hasSize(512); // 1,024 bytes
    assertThat(ObjectKey.of("😀".repeat(256)).value()).isNotEmpty(); // 4 bytes each: 1,024
    InvalidKeyException e = catchThrowableOfType(() -> ObjectKey.validate("lessons", "é".repeat(513)),
        InvalidKeyException.class);
    assertThat(e.getMessage()).contains("1026").contains("1024");
    assertThat(e.bucket()).isEqualTo("lessons");
  }

  @Test
  void rejects1025Bytes() {
    InvalidKeyException e = catchThrowableOfType(() -> ObjectKey.of("k".repeat(1025)),
        InvalidKeyException.class);
    assertThat(e.key()).contains("k".repeat(1025));
    // The message stays readable: a long key is abbreviated.
    assertThat(e.getMessage().length()).isLessThan(500);
  }

  @Test
  void rejectsEmptyAndNull() {
    assertThat(catchThrowableOfType(() -> ObjectKey.of(""), InvalidKeyException.class))
        .hasMessageContaining("must not be empty");
    assertThat(catchThrowableOfType(() -> ObjectKey.of(null), InvalidKeyException.class))
        .hasMessageContaining("must not be empty");
  }

  @Test
  void rejectsUnpairedSurrogate() {
    assertThat(catchThrowableOfType(() -> ObjectKey.of("lesson-\uD800.txt"), InvalidKeyException.class))
        .hasMessageContaining("unpaired surrogate");
  }

  @Test
  void acceptsAnyValidUnicodeAndSlashes() {
    assertThat(ObjectKey.of("lessons/2024/日本語 notes (v2).md").value()).contains("日本語");
    assertThat(ObjectKey.of("/leading/and//double/").value()).startsWith("/");
  }
}
