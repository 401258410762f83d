package com.bmo.learning.service.it;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The {@code prod} profile configured as on AWS, only through environment variables: credentials and region
 * for the SDK's default chain, {@code AWS_ENDPOINT_URL} (here: the endpoint seeded by
 * {@code scripts/localstack-init.sh}), {@code DATABASE_URL} with the user and password read from the
 * {@code database} secret the script stored, the environment and bucket names. No local convenience: no
 * embedded endpoint or database, no static credentials, no {@code .env.localstack}.
 */
@Tag("integration")
@ExtendWith(ProfileStack.Extension.class)
class ProdProfileIT {

  @Test
  void serviceConfiguredLikeProductionIndexesSearchesAndBacksUp(ProfileStack stack) {
    int port = ProfileJourney.freePort();
    Map<String, String> env = new LinkedHashMap<>(stack.awsEnvironment());
    env.putAll(stack.names());
    // Without ?user=: user and password come from the database secret, as in production.
    env.put("DATABASE_URL", TestPostgres.jdbcUrl("profile_prod_" + System.nanoTime()).replaceFirst("\\?.*$", ""));
    env.put("PORT", String.valueOf(port));
    env.put("INDEX_DIRECTORY", ProfileJourney.tempDirectory("prod-profile-index-").toString());
    try (ExternalProcess service = ProfileJourney.startService("service-prod", port,
        List.of("--spring.profiles.active=prod"), env, ProfileJourney.tempDirectory("prod-profile-"))) {
      ProfileJourney.uploadIndexSearchBackup(service, port, stack, "prod");
    }
  }
}
