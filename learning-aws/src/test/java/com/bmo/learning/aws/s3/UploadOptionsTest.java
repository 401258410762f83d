package com.bmo.learning.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.junit.jupiter.api.Test;

class UploadOptionsTest {

  @Test
  void metadataNamesAreLowerCasedAsS3StoresThem() {
    assertThat(UploadOptions.builder().metadata(Map.of("Learner_ID", "7")).build().metadata())
        .containsEntry("learner_id", "7");
  }

  @Test
  void invalidMetadataIsRefusedBeforeSending() {
    assertThat(catchThrowableOfType(() -> UploadOptions.builder().metadata("bad name", "x").build(),
        IllegalArgumentException.class)).hasMessageContaining("bad name");
    assertThat(catchThrowableOfType(() -> UploadOptions.builder().metadata("notes", "x".repeat(2100))
        .build(), IllegalArgumentException.class)).hasMessageContaining("2048");
    assertThat(catchThrowableOfType(() -> UploadOptions.builder().metadata("name", "Zoë").build(),
        IllegalArgumentException.class)).hasMessageContaining("US-ASCII");
    assertThat(catchThrowableOfType(() -> UploadOptions.builder().metadata("a", "1").metadata("A", "2")
        .build(), IllegalArgumentException.class)).hasMessageContaining("given twice");
  }

  @Test
  void expectedChecksumMustBeFourBytesOfBase64() {
    assertThat(catchThrowableOfType(() -> UploadOptions.builder().expectedCrc32c("abc").build(),
        IllegalArgumentException.class)).hasMessageContaining("expectedCrc32c");
    assertThat(UploadOptions.builder().expectedCrc32c("yZRlqg==").build().expectedCrc32c())
        .isEqualTo("yZRlqg==");
  }
}
