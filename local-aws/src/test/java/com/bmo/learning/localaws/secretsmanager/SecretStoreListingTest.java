package com.bmo.learning.localaws.secretsmanager;

import static com.bmo.learning.localaws.secretsmanager.SecretStoreTest.assertError;
import static com.bmo.learning.localaws.secretsmanager.SecretStoreTest.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretStoreListingTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
  private final SecretStore store = SecretStore.open(null, "us-east-1", clock);

  private void create(String name, String description, SecretTag... tags) {
    store.create(new NewSecret(name, description, null, text("v"), List.of(tags), null));
    clock.advance(Duration.ofSeconds(1));
  }

  private static SecretQuery query(int maxResults, String token, SecretFilter... filters) {
    return SecretQuery.of(List.of(filters), maxResults, token);
  }

  private static SecretFilter filter(FilterKey key, String... values) {
    return new SecretFilter(key, List.of(values));
  }

  private List<String> names(SecretFilter... filters) {
    return store.list(query(100, null, filters)).secrets().stream().map(Secret::name).toList();
  }

  private List<String> allPages(SecretQuery first) {
    List<String> names = new ArrayList<>();
    SecretQuery q = first;
    while (true) {
      SecretPage page = store.list(q);
      assertThat(page.secrets()).hasSizeLessThanOrEqualTo(q.maxResults());
      page.secrets().forEach(s -> names.add(s.name()));
      if (page.nextToken() == null) {
        return names;
      }
      q = new SecretQuery(q.filters(), q.includePlannedDeletion(), q.maxResults(), page.nextToken(),
          q.sortKey(), q.ascending());
    }
  }

  @Test
  void pagesOfTenCoverTwentyFiveSecretsOnceEach() {
    for (int i = 0; i < 25; i++) {
      create(String.format("p/%02d", i), null);
    }
    SecretPage first = store.list(query(10, null));
    SecretPage second = store.list(query(10, first.nextToken()));
    SecretPage third = store.list(query(10, second.nextToken()));

    assertThat(first.secrets()).hasSize(10);
    assertThat(second.secrets()).hasSize(10);
    assertThat(third.secrets()).hasSize(5);
    assertThat(third.nextToken()).isNull();
    assertThat(allPages(query(10, null))).hasSize(25).doesNotHaveDuplicates();
  }

  @Test
  void tokenStaysValidWhenSecretsAreAddedOrDeletedBetweenPages() {
    for (int i = 0; i < 6; i++) {
      create("s" + i, null);
    }
    SecretPage first = store.list(query(3, null));
    assertThat(first.secrets()).extracting(Secret::name).containsExactly("s0", "s1", "s2");

    store.delete("s1", null, true);   // already returned
    store.delete("s3", null, true);   // not yet returned
    create("s6", null);               // created later, sorts last

    SecretPage second = store.list(query(3, first.nextToken()));
    assertThat(second.secrets()).extracting(Secret::name).containsExactly("s4", "s5", "s6");
    assertThat(second.nextToken()).isNull();
  }

  @Test
  void secretsCreatedInTheSameMillisecondAreNeitherSkippedNorRepeated() {
    for (int i = 0; i < 7; i++) {
      store.create(new NewSecret("same" + i, null, null, text("v"), List.of(), null));
    }
    assertThat(allPages(query(2, null))).containsExactly(
        "same0", "same1", "same2", "same3", "same4", "same5", "same6");
  }

  @Test
  void sortsByNameDescending() {
    create("b", null);
    create("c", null);
    create("a", null);
    SecretQuery byName = new SecretQuery(List.of(), false, 2, null, SecretSortKey.NAME, false);
    assertThat(allPages(byName)).containsExactly("c", "b", "a");
  }

  @Test
  void foreignOrMismatchedTokensAreRejected() {
    create("a", null);
    create("b", null);
    String token = store.list(query(1, null)).nextToken();

    assertError(() -> store.list(query(1, "garbage!")), "InvalidNextTokenException");
    assertError(() -> store.list(query(1, "Zm9v")), "InvalidNextTokenException");
    assertError(() -> store.list(new SecretQuery(List.of(), false, 1, token, SecretSortKey.NAME, true)),
        "InvalidNextTokenException");
  }

  @Test
  void plannedDeletionsAreListedOnlyWhenAskedFor() {
    create("kept", null);
    create("going", null);
    store.delete("going", 7L, false);

    assertThat(names()).containsExactly("kept");
    SecretQuery including = new SecretQuery(List.of(), true, 10, null, SecretSortKey.CREATED_DATE, true);
    assertThat(store.list(including).secrets()).extracting(Secret::name).containsExactly("kept", "going");
  }

  @Test
  void nameFilterIsACaseSensitivePrefixMatch() {
    create("prod/db", null);
    create("prod/api", null);
    create("Prod/other", null);
    create("dev/db", null);

    assertThat(names(filter(FilterKey.NAME, "prod/"))).containsExactly("prod/db", "prod/api");
    assertThat(names(filter(FilterKey.NAME, "db"))).isEmpty();
  }

  @Test
  void descriptionFilterIgnoresCaseAndMatchesWordPrefixes() {
    create("a", "Alpha service key");
    create("b", "beta SERVICE key");
    create("c", null);

    assertThat(names(filter(FilterKey.DESCRIPTION, "alpha"))).containsExactly("a");
    assertThat(names(filter(FilterKey.DESCRIPTION, "serv"))).containsExactly("a", "b");
  }

  @Test
  void tagFiltersMatchKeyOrValuePrefixes() {
    create("a", null, new SecretTag("team", "payments"));
    create("b", null, new SecretTag("env", "prod"));
    create("c", null);

    assertThat(names(filter(FilterKey.TAG_KEY, "tea"))).containsExactly("a");
    assertThat(names(filter(FilterKey.TAG_VALUE, "pro"))).containsExactly("b");
    assertThat(names(filter(FilterKey.TAG_VALUE, "Pro"))).isEmpty();
  }

  @Test
  void valuesAreOredFiltersAreAndedAndBangNegates() {
    create("x/a", "first", new SecretTag("env", "prod"));
    create("x/b", "second", new SecretTag("env", "dev"));
    create("y/c", "third", new SecretTag("env", "prod"));

    assertThat(names(filter(FilterKey.NAME, "x/a", "y/"))).containsExactly("x/a", "y/c");
    assertThat(names(filter(FilterKey.NAME, "x/"), filter(FilterKey.TAG_VALUE, "prod")))
        .containsExactly("x/a");
    assertThat(names(filter(FilterKey.NAME, "!x/"))).containsExactly("y/c");
    assertThat(names(filter(FilterKey.NAME, "x/"), filter(FilterKey.DESCRIPTION, "!first")))
        .containsExactly("x/b");
  }

  @Test
  void allFilterNeedsEveryWordSomewhere() {
    create("billing/db-password", "Primary database", new SecretTag("Owner", "Finance"));
    create("search/api-key", "Search service");

    assertThat(names(filter(FilterKey.ALL, "finance"))).containsExactly("billing/db-password");
    assertThat(names(filter(FilterKey.ALL, "DB primary"))).containsExactly("billing/db-password");
    assertThat(names(filter(FilterKey.ALL, "search key"))).containsExactly("search/api-key");
    assertThat(names(filter(FilterKey.ALL, "search finance"))).isEmpty();
  }

  @Test
  void regionAndServiceFiltersMatchNothingWithoutReplicas() {
    create("a", null);
    assertThat(names(filter(FilterKey.PRIMARY_REGION, "us-east-1"))).isEmpty();
    assertThat(names(filter(FilterKey.OWNING_SERVICE, "!rds"))).containsExactly("a");
  }
}
