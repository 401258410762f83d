package com.bmo.learning.localaws.secretsmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SecretStoreTest {

  private static final Instant START = Instant.parse("2025-03-10T15:30:45.123Z");
  private static final String TOKEN_A = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa";
  private static final String TOKEN_B = "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb";

  private final MutableClock clock = new MutableClock(START);
  private final SecretStore store = SecretStore.open(null, "eu-west-1", clock);

  static SecretValue text(String s) {
    return new SecretValue.StringValue(s);
  }

  static NewSecret secret(String name, String value) {
    return new NewSecret(name, null, null, value == null ? null : text(value), List.of(), null);
  }

  static void assertError(ThrowingCallable call, String code) {
    assertThatThrownBy(call).isInstanceOfSatisfying(SecretsManagerException.class,
        e -> assertThat(e.code()).isEqualTo(code));
  }

  private String stringValue(String secretId) {
    return ((SecretValue.StringValue) store.getValue(secretId, null, null).version().value()).text();
  }

  @Nested
  class Creating {
    @Test
    void createdSecretHasArnWithRandomSuffixAndCurrentVersion() {
      VersionedSecret created = store.create(secret("app/db", "pw1"));

      assertThat(created.secret().arn())
          .matches("arn:aws:secretsmanager:eu-west-1:000000000000:secret:app/db-[A-Za-z0-9]{6}");
      assertThat(created.version().stages()).containsExactly("AWSCURRENT");
      assertThat(created.secret().createdDate()).isEqualTo(START);
      assertThat(stringValue("app/db")).isEqualTo("pw1");
    }

    @Test
    void clientRequestTokenBecomesTheVersionId() {
      VersionedSecret created = store.create(new NewSecret("s", null, null, text("v"), List.of(), TOKEN_A));
      assertThat(created.version().versionId()).isEqualTo(TOKEN_A);
    }

    @Test
    void existingNameIsRejectedUnlessTheSameRequestIsRetried() {
      store.create(new NewSecret("s", null, null, text("v"), List.of(), TOKEN_A));

      VersionedSecret retried = store.create(new NewSecret("s", null, null, text("v"), List.of(), TOKEN_A));
      assertThat(retried.version().versionId()).isEqualTo(TOKEN_A);
      assertError(() -> store.create(new NewSecret("s", null, null, text("v"), List.of(), TOKEN_B)),
          "ResourceExistsException");
      assertError(() -> store.create(new NewSecret("s", null, null, text("other"), List.of(), TOKEN_A)),
          "ResourceExistsException");
    }

    @Test
    void secretWithoutValueHasNoVersions() {
      VersionedSecret created = store.create(secret("empty", null));
      assertThat(created.version()).isNull();
      assertError(() -> store.getValue("empty", null, null), "ResourceNotFoundException");
    }

    @Test
    void namesAreValidated() {
      assertError(() -> store.create(secret("has space", "v")), "ValidationException");
      assertError(() -> store.create(secret("colon:x", "v")), "ValidationException");
      assertError(() -> store.create(secret("", "v")), "ValidationException");
      assertError(() -> store.create(secret("x".repeat(513), "v")), "ValidationException");
      store.create(secret("A-z0_9/+=.@-" + "x".repeat(500), "v"));
    }

    @Test
    void valuesUpTo65536BytesAreAccepted() {
      store.create(secret("max", "x".repeat(65_536)));
      assertError(() -> store.create(secret("too-big", "x".repeat(65_537))), "ValidationException");
      // Counted in UTF-8 bytes: 32,769 two-byte characters are 65,538 bytes.
      assertError(() -> store.create(secret("too-big", "é".repeat(32_769))), "ValidationException");
      assertError(() -> store.putValue("max", null,
          new SecretValue.BinaryValue(new byte[65_537]), null), "ValidationException");
    }

    @Test
    void duplicateTagKeysKeepTheLastValue() {
      Secret s = store.create(new NewSecret("t", null, null, null,
          List.of(new SecretTag("env", "dev"), new SecretTag("env", "prod")), null)).secret();
      assertThat(s.tags()).containsExactly(new SecretTag("env", "prod"));
    }
  }

  @Nested
  class Reading {
    @Test
    void secretIsFoundByNameFullArnAndPartialArn() {
      String arn = store.create(secret("svc/key", "v")).secret().arn();
      String partial = arn.substring(0, arn.length() - 7);

      assertThat(store.getValue(arn, null, null).secret().name()).isEqualTo("svc/key");
      assertThat(store.getValue(partial, null, null).secret().name()).isEqualTo("svc/key");
      assertError(() -> store.getValue(partial + "-zzzzzz", null, null), "ResourceNotFoundException");
      assertError(() -> store.getValue(arn.replace("eu-west-1", "us-east-1"), null, null),
          "ResourceNotFoundException");
    }

    @Test
    void fullArnWinsOverAPartialArnOfAnotherSecret() {
      // "a-bcdefg" as a partial ARN would also name a secret called "a-bcdefg"; the exact ARN of
      // a secret called "a" must still win.
      Secret a = store.create(secret("a", "A")).secret();
      String lookalikeName = a.arn().substring(a.arn().lastIndexOf(':') + 1);
      store.create(secret(lookalikeName, "B"));

      assertThat(stringValue(a.arn())).isEqualTo("A");
    }

    @Test
    void versionIdAndStageMustAgree() {
      store.create(new NewSecret("s", null, null, text("v1"), List.of(), TOKEN_A));
      store.putValue("s", TOKEN_B, text("v2"), null);

      assertThat(store.getValue("s", TOKEN_A, "AWSPREVIOUS").version().versionId()).isEqualTo(TOKEN_A);
      assertError(() -> store.getValue("s", TOKEN_A, "AWSCURRENT"), "InvalidRequestException");
      assertError(() -> store.getValue("s", "cccccccc-cccc-4ccc-8ccc-cccccccccccc", null),
          "ResourceNotFoundException");
      assertError(() -> store.getValue("s", null, "NOPE"), "ResourceNotFoundException");
    }

    @Test
    void lastAccessedDateKeepsTheDayOnly() {
      store.create(secret("s", "v"));
      assertThat(store.describe("s").lastAccessedDate()).isNull();

      store.getValue("s", null, null);
      assertThat(store.describe("s").lastAccessedDate()).isEqualTo(Instant.parse("2025-03-10T00:00:00Z"));

      clock.advance(Duration.ofDays(1));
      store.getValue("s", null, null);
      assertThat(store.describe("s").lastAccessedDate()).isEqualTo(Instant.parse("2025-03-11T00:00:00Z"));
    }
  }

  @Nested
  class Versions {
    @Test
    void putMovesCurrentToPreviousAndDropsTheOldPrevious() {
      String v1 = store.create(secret("s", "one")).version().versionId();
      String v2 = store.putValue("s", null, text("two"), null).version().versionId();
      String v3 = store.putValue("s", null, text("three"), null).version().versionId();

      Secret s = store.describe("s");
      assertThat(s.labelledVersions())
          .containsOnlyKeys(v2, v3)
          .containsEntry(v3, List.of("AWSCURRENT"))
          .containsEntry(v2, List.of("AWSPREVIOUS"));
      assertThat(s.version(v1).orElseThrow().deprecated()).isTrue();
      assertThat(stringValue("s")).isEqualTo("three");
      assertThat(((SecretValue.StringValue) store.getValue("s", v1, null).version().value()).text())
          .isEqualTo("one");
    }

    @Test
    void customLabelMovesWithoutTouchingCurrent() {
      String v1 = store.create(secret("s", "one")).version().versionId();
      String v2 = store.putValue("s", null, text("two"), List.of("STAGING")).version().versionId();
      String v3 = store.putValue("s", null, text("three"), List.of("STAGING")).version().versionId();

      Secret s = store.describe("s");
      assertThat(s.labelledVersions())
          .containsEntry(v1, List.of("AWSCURRENT"))
          .containsEntry(v3, List.of("STAGING"))
          .doesNotContainKey(v2);
      assertThat(stringValue("s")).isEqualTo("one");
    }

    @Test
    void sameTokenAndValueIsIdempotentButADifferentValueIsRejected() {
      store.create(secret("s", "one"));
      VersionedSecret first = store.putValue("s", TOKEN_A, text("two"), null);
      VersionedSecret again = store.putValue("s", TOKEN_A, text("two"), null);

      assertThat(again.version().versionId()).isEqualTo(first.version().versionId());
      assertThat(store.describe("s").versions()).hasSize(2);
      assertError(() -> store.putValue("s", TOKEN_A, text("three"), null), "ResourceExistsException");
    }

    @Test
    void updateChangesMetadataWithoutNewVersionUnlessAValueIsGiven() {
      store.create(secret("s", "one"));
      clock.advance(Duration.ofMinutes(1));
      VersionedSecret described = store.update("s", "new description", "alias/custom", null, null);

      assertThat(described.version()).isNull();
      assertThat(described.secret().description()).isEqualTo("new description");
      assertThat(described.secret().kmsKeyId()).isEqualTo("alias/custom");
      assertThat(described.secret().lastChangedDate()).isEqualTo(START.plus(Duration.ofMinutes(1)));
      assertThat(described.secret().versions()).hasSize(1);

      VersionedSecret valued = store.update("s", null, null, text("two"), TOKEN_B);
      assertThat(valued.version().versionId()).isEqualTo(TOKEN_B);
      assertThat(stringValue("s")).isEqualTo("two");
      assertThat(store.describe("s").description()).isEqualTo("new description");
    }

    @Test
    void onlyTheNewestHundredDeprecatedVersionsAreKept() {
      store.create(secret("s", "v0"));
      for (int i = 1; i <= 105; i++) {
        store.putValue("s", null, text("v" + i), null);
      }
      Secret s = store.describe("s");
      assertThat(s.versions().stream().filter(SecretVersion::deprecated)).hasSize(100);
      assertThat(s.versions()).hasSize(102);
    }

    @Test
    void concurrentPutsLeaveExactlyOneCurrentAndOnePrevious() throws Exception {
      store.create(secret("s", "start"));
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
          int n = i;
          results.add(pool.submit(() -> store.putValue("s", null, text("v" + n), null).version().versionId()));
        }
        Set<String> ids = new HashSet<>();
        for (Future<String> f : results) {
          ids.add(f.get());
        }
        assertThat(ids).hasSize(200);
      } finally {
        pool.shutdownNow();
      }
      Secret s = store.describe("s");
      assertThat(s.versions().stream().filter(v -> v.hasStage("AWSCURRENT"))).hasSize(1);
      assertThat(s.versions().stream().filter(v -> v.hasStage("AWSPREVIOUS"))).hasSize(1);
      // The newest version is current and the one before it previous.
      List<SecretVersion> versions = s.versions();
      assertThat(versions.get(versions.size() - 1).stages()).containsExactly("AWSCURRENT");
      assertThat(versions.get(versions.size() - 2).stages()).containsExactly("AWSPREVIOUS");
    }
  }

  @Nested
  class Deleting {
    @Test
    void recoveryWindowDefaultsToThirtyDaysAndTheSecretIsPurgedWhenItEnds() {
      store.create(secret("s", "v"));
      DeletedSecret deleted = store.delete("s", null, false);
      assertThat(deleted.deletionDate()).isEqualTo(START.plus(Duration.ofDays(30)));

      assertError(() -> store.getValue("s", null, null), "InvalidRequestException");
      assertThat(store.describe("s").deletion().deletedDate()).isEqualTo(START);

      clock.advance(Duration.ofDays(30).minusMillis(1));
      assertThat(store.describe("s").pendingDeletion()).isTrue();
      clock.advance(Duration.ofMillis(1));
      assertError(() -> store.describe("s"), "ResourceNotFoundException");
      assertThat(store.size()).isZero();
      store.create(secret("s", "new"));
    }

    @Test
    void restoreCancelsTheDeletion() {
      store.create(secret("s", "v"));
      store.delete("s", 7L, false);
      assertError(() -> store.create(secret("s", "v")), "InvalidRequestException");
      assertError(() -> store.putValue("s", null, text("x"), null), "InvalidRequestException");
      assertError(() -> store.update("s", "d", null, null, null), "InvalidRequestException");
      assertError(() -> store.delete("s", 7L, false), "InvalidRequestException");

      store.restore("s");
      clock.advance(Duration.ofDays(8));
      assertThat(stringValue("s")).isEqualTo("v");
    }

    @Test
    void recoveryWindowMustBeSevenToThirtyDaysAndNotCombinedWithForce() {
      store.create(secret("s", "v"));
      assertError(() -> store.delete("s", 6L, false), "InvalidParameterException");
      assertError(() -> store.delete("s", 31L, false), "InvalidParameterException");
      assertError(() -> store.delete("s", 7L, true), "InvalidParameterException");
      assertThat(store.delete("s", 7L, false).deletionDate()).isEqualTo(START.plus(Duration.ofDays(7)));
    }

    @Test
    void forcedDeleteRemovesAtOnceAlsoWhenPendingAndTheNameGetsANewArn() {
      String oldArn = store.create(secret("s", "v")).secret().arn();
      store.delete("s", 7L, false);
      assertThat(store.delete("s", null, true).deletionDate()).isEqualTo(START);
      assertError(() -> store.describe("s"), "ResourceNotFoundException");

      String newArn = store.create(secret("s", "v2")).secret().arn();
      assertThat(newArn).isNotEqualTo(oldArn);
      assertError(() -> store.describe(oldArn), "ResourceNotFoundException");
    }

    @Test
    void deletingAMissingSecretIsNotFound() {
      assertError(() -> store.delete("missing", null, false), "ResourceNotFoundException");
      assertError(() -> store.delete("missing", null, true), "ResourceNotFoundException");
      assertError(() -> store.restore("missing"), "ResourceNotFoundException");
    }
  }

  @Nested
  class Tags {
    @Test
    void tagOverwritesByKeyAndUntagRemoves() {
      store.create(new NewSecret("s", null, null, null,
          List.of(new SecretTag("env", "dev"), new SecretTag("team", "a")), null));
      store.tag("s", List.of(new SecretTag("env", "prod"), new SecretTag("cost", "1")));
      assertThat(store.describe("s").tags()).containsExactly(
          new SecretTag("env", "prod"), new SecretTag("team", "a"), new SecretTag("cost", "1"));

      store.untag("s", List.of("team", "absent"));
      assertThat(store.describe("s").tags()).containsExactly(
          new SecretTag("env", "prod"), new SecretTag("cost", "1"));
    }
  }
}
