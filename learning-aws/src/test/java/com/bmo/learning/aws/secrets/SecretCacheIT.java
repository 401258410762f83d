package com.bmo.learning.aws.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bmo.learning.localaws.junit.LocalAwsTarget;
import com.bmo.learning.localaws.junit.LocalAwsTest;
import com.bmo.learning.localaws.junit.SecretPrefix;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** {@link SecretCache} over the real SDK and endpoint, counting the calls that reach it. */
@LocalAwsTest
class SecretCacheIT {

  @Test
  void repeatedReadsCallSecretsManagerOnce(LocalAwsTarget target, SecretPrefix prefix) {
    ItClients.CallCounter calls = new ItClients.CallCounter();
    try (SecretsClient client = SecretsClient.owning(ItClients.sdk(target, calls));
        SecretCache cache = SecretCache.create(client)) {
      String name = prefix.name("database");
      client.createString(name, "{\"username\":\"app\",\"password\":\"pw\"}");
      for (int i = 0; i < 50; i++) {
        assertThat(cache.getField(name, "password")).isEqualTo("pw");
      }
      assertThat(calls.count("GetSecretValue")).isEqualTo(1);
      assertThat(cache.stats().hits()).isEqualTo(49);
    }
  }

  @Test
  void rotationThroughTheClientIsPickedUpAtOnce(LocalAwsTarget target, SecretPrefix prefix) {
    try (SecretsClient client = ItClients.client(target); SecretCache cache = SecretCache.create(client)) {
      String name = prefix.name("api_key");
      client.createString(name, "key-v1");
      assertThat(cache.getString(name)).isEqualTo("key-v1");
      assertThat(cache.getSecret(name, StagingLabels.AWSCURRENT).asString()).isEqualTo("key-v1");

      client.rotate(name, "key-v2");
      assertThat(cache.getString(name)).isEqualTo("key-v2");
      assertThat(cache.getSecret(name, StagingLabels.AWSCURRENT).asString()).isEqualTo("key-v2");
      assertThat(cache.getSecret(name, StagingLabels.AWSPREVIOUS).asString()).isEqualTo("key-v1");
    }
  }

  @Test
  void rotationByAnotherProcessIsPickedUpAfterInvalidation(LocalAwsTarget target, SecretPrefix prefix,
      SecretsManagerClient otherProcess) {
    try (SecretsClient client = ItClients.client(target); SecretCache cache = SecretCache.create(client)) {
      String name = prefix.name("api_key");
      SecretVersion v1 = client.createString(name, "key-v1");
      assertThat(cache.getString(v1.arn())).isEqualTo("key-v1");
      assertThat(cache.getString(name)).isEqualTo("key-v1");

      otherProcess.putSecretValue(b -> b.secretId(name).secretString("key-v2"));
      assertThat(cache.getString(name)).isEqualTo("key-v1"); // the cache cannot know yet

      cache.invalidate(name);
      assertThat(cache.getString(name)).isEqualTo("key-v2");
      cache.invalidate(v1.arn());
      assertThat(cache.getString(v1.arn())).isEqualTo("key-v2");
    }
  }

  @Test
  void concurrentFirstReadsMakeOneCall(LocalAwsTarget target, SecretPrefix prefix) throws Exception {
    ItClients.CallCounter calls = new ItClients.CallCounter();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try (SecretsClient client = SecretsClient.owning(ItClients.sdk(target, calls));
        SecretCache cache = SecretCache.create(client)) {
      String name = prefix.name("hot");
      client.createString(name, "hot-value");
      CountDownLatch start = new CountDownLatch(1);
      List<Future<String>> reads = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        Callable<String> read = () -> {
          start.await();
          return cache.getString(name);
        };
        reads.add(pool.submit(read));
      }
      start.countDown();
      for (Future<String> f : reads) {
        assertThat(f.get()).isEqualTo("hot-value");
      }
      assertThat(calls.count("GetSecretValue")).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void deletionThroughTheClientStopsTheCacheServingIt(LocalAwsTarget target, SecretPrefix prefix) {
    try (SecretsClient client = ItClients.client(target); SecretCache cache = SecretCache.create(client)) {
      String name = prefix.name("short-lived");
      client.createString(name, "v1");
      cache.getString(name);
      client.delete(name, DeleteOptions.recoveryWindow(7));
      assertThatThrownBy(() -> cache.getString(name)).isInstanceOf(SecretPendingDeletionException.class);
      client.restore(name);
      assertThat(cache.getString(name)).isEqualTo("v1");
    }
  }
}
