package com.bmo.learning.service.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class DocumentMetadataTest {

  @Test
  void validFieldsAreKeptAndValuesBecomeStrings() {
    DocumentMetadata m = DocumentMetadata.parse(" math-101 ", "learner@school", "{\"unit\":3,\"draft\":false}");
    assertThat(m.course()).isEqualTo("math-101");
    assertThat(m.learnerId()).isEqualTo("learner@school");
    assertThat(m.extra()).containsEntry("unit", "3").containsEntry("draft", "false");
    assertThat(m.asMap()).containsEntry("course", "math-101").containsEntry("learner_id", "learner@school");
  }

  @Test
  void blankFieldsMeanAbsent() {
    DocumentMetadata m = DocumentMetadata.parse("", null, "  ");
    assertThat(m.course()).isNull();
    assertThat(m.extra()).isEmpty();
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class, () -> DocumentMetadata.parse(
        "-bad", "x".repeat(65), "{\"chunk_id\":\"1\",\"Caps\":\"x\",\"list\":[1],\"long\":\"" + "y".repeat(300) + "\"}"));
    assertThat(e.problems()).extracting(InvalidRequestException.FieldProblem::field)
        .containsExactlyInAnyOrder("course", "learner_id", "metadata.chunk_id", "metadata.Caps", "metadata.list",
            "metadata.long");
  }

  @Test
  void metadataMustFitInS3sHeaderBudget() {
    StringBuilder json = new StringBuilder("{");
    for (int i = 0; i < 10; i++) {
      json.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"").append("v".repeat(200)).append('"');
    }
    InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class,
        () -> DocumentMetadata.parse(null, null, json.append('}').toString()));
    assertThat(e.getMessage()).contains("bytes");
  }

  @Test
  void notAnObjectIsRefused() {
    assertThat(catchThrowableOfType(InvalidRequestException.class, () -> DocumentMetadata.parse(null, null, "\"x\""))
        .problems().get(0).field()).isEqualTo("metadata");
  }
}
