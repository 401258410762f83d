package com.bmo.learning.service.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The {@code localstack} profile as a developer runs it: an endpoint seeded only by
 * {@code scripts/localstack-init.sh}, the settings in a {@code .env.localstack} in the working directory (the
 * endpoint and the names the script was given), the service's jar with
 * {@code --spring.profiles.active=localstack} and an external PostgreSQL; then the keys the script printed
 * work.
 */
@Tag("integration")
@ExtendWith(ProfileStack.Extension.class)
class LocalStackProfileIT {

  @Test
  void serviceAcceptsTheKeysTheInitScriptPrintedAndIndexesSearchesAndBacksUp(ProfileStack stack) throws Exception {
    Path workDir = ProfileJourney.tempDirectory("localstack-profile-");
    Map<String, String> dotEnv = new java.util.LinkedHashMap<>(stack.awsEnvironment());
    dotEnv.putAll(stack.names());
    Files.writeString(workDir.resolve(".env.localstack"), dotEnv.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n", "", "\n")));

    int port = ProfileJourney.freePort();
    String jdbcUrl = TestPostgres.jdbcUrl("profile_localstack_" + System.nanoTime());
    try (ExternalProcess service = ProfileJourney.startService("service-localstack", port, List.of(
        "--spring.profiles.active=localstack",
        "--server.port=" + port,
        "--spring.datasource.url=" + jdbcUrl,
        "--spring.datasource.username=postgres",
        "--spring.datasource.password=postgres",
        "--learning.index.directory=" + workDir.resolve("index")), Map.of(), workDir)) {
      ProfileJourney.uploadIndexSearchBackup(service, port, stack, "localstack");
    }
  }
}
