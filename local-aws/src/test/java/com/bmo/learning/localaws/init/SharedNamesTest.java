package com.bmo.learning.localaws.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bmo.learning.localaws.LocalAwsStartException;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SharedNamesTest {

  private static final String FILE = """
      # comment
      BMO_LOCAL_ENV=local
      BMO_DOCUMENTS_BUCKET=docs
      BMO_SECRET_NAME_PATTERN=bmo-learning/{env}/{setting}
      BMO_API_KEYS_SECRET=api-keys
      """;

  @Test
  void resolvesNamesAndSecretNamesFromTheFile() throws IOException {
    SharedNames names = SharedNames.parse(FILE, Map.of());
    assertThat(names.resolve("b: ${BMO_DOCUMENTS_BUCKET}, s: ${secret-name:BMO_API_KEYS_SECRET}"))
        .isEqualTo("b: docs, s: bmo-learning/local/api-keys");
  }

  @Test
  void environmentVariablesWinAsInTheInitScript() throws IOException {
    SharedNames names = SharedNames.parse(FILE, Map.of("BMO_DOCUMENTS_BUCKET", "other",
        "BMO_LEARNING_ENV", "staging"));
    assertThat(names.get("BMO_DOCUMENTS_BUCKET")).isEqualTo("other");
    assertThat(names.secretName("BMO_API_KEYS_SECRET")).isEqualTo("bmo-learning/staging/api-keys");
  }

  @Test
  void anUnknownNameIsAnErrorNotAnEmptyName() throws IOException {
    SharedNames names = SharedNames.parse(FILE, Map.of());
    assertThatThrownBy(() -> names.resolve("${BMO_NO_SUCH_NAME}"))
        .isInstanceOf(LocalAwsStartException.class).hasMessageContaining("BMO_NO_SUCH_NAME");
  }
}
