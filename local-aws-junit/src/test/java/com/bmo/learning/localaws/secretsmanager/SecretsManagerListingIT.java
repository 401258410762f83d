package com.bmo.learning.localaws.secretsmanager;

import static com.bmo.learning.localaws.secretsmanager.SecretsManagerEndpointIT.tag;
import static org.assertj.core.api.Assertions.assertThat;

import com.bmo.learning.localaws.junit.LocalAwsTest;
import com.bmo.learning.localaws.junit.SecretPrefix;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.BatchGetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.Filter;
import software.amazon.awssdk.services.secretsmanager.model.FilterNameStringType;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsResponse;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;
import software.amazon.awssdk.services.secretsmanager.model.SecretValueEntry;

/**
 * ListSecrets filters and pagination, and BatchGetSecretValue. Every query includes a name filter on the
 * test's own prefix, so secrets of other tests (or other users of a shared endpoint) never interfere.
 */
@LocalAwsTest
class SecretsManagerListingIT {

  private static Filter filter(FilterNameStringType key, String... values) {
    return Filter.builder().key(key).values(values).build();
  }

  private static Filter namePrefix(SecretPrefix prefix) {
    return filter(FilterNameStringType.NAME, prefix.value());
  }

  private static List<String> names(SecretsManagerClient sm, Filter... filters) {
    List<String> names = new ArrayList<>();
    sm.listSecretsPaginator(b -> b.filters(filters)).stream()
        .flatMap(page -> page.secretList().stream())
        .forEach(s -> names.add(s.name()));
    return names;
  }

  @Test
  void twentyFiveSecretsComeInPagesOfTenWithoutGapsOrRepeats(SecretsManagerClient sm,
      SecretPrefix prefix) {
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      String name = prefix.name(String.format("page/%02d", i));
      sm.createSecret(b -> b.name(name).secretString("v"));
      created.add(name);
    }

    List<Integer> pageSizes = new ArrayList<>();
    List<String> listed = new ArrayList<>();
    String token = null;
    do {
      String next = token;
      ListSecretsResponse page = sm.listSecrets(b -> b.maxResults(10).nextToken(next)
          .filters(namePrefix(prefix)));
      pageSizes.add(page.secretList().size());
      page.secretList().forEach(s -> listed.add(s.name()));
      token = page.nextToken();
    } while (token != null && pageSizes.size() < 10);

    assertThat(pageSizes).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(10));
    assertThat(pageSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(25);
    assertThat(pageSizes.size()).isGreaterThanOrEqualTo(3);
    assertThat(listed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
  }

  @Test
  void listEntriesCarryMetadataButNoValue(SecretsManagerClient sm, SecretPrefix prefix) {
    String name = prefix.name("entry");
    String versionId = sm.createSecret(b -> b.name(name).secretString("v").description("the entry")
        .tags(tag("k", "v"))).versionId();

    SecretListEntry entry = sm.listSecrets(b -> b.filters(namePrefix(prefix))).secretList().get(0);

    assertThat(entry.name()).isEqualTo(name);
    assertThat(entry.description()).isEqualTo("the entry");
    assertThat(entry.tags()).containsExactly(tag("k", "v"));
    assertThat(entry.secretVersionsToStages()).containsEntry(versionId, List.of("AWSCURRENT"));
    assertThat(entry.createdDate()).isNotNull();
  }

  @Test
  void filtersMatchDescriptionAndTagsAndCombine(SecretsManagerClient sm, SecretPrefix prefix) {
    String alpha = prefix.name("alpha");
    String beta = prefix.name("beta");
    String gamma = prefix.name("gamma");
    sm.createSecret(b -> b.name(alpha).secretString("v").description("Alpha service key")
        .tags(tag("team", "payments")));
    sm.createSecret(b -> b.name(beta).secretString("v").description("Beta service key")
        .tags(tag("team", "search")));
    sm.createSecret(b -> b.name(gamma).secretString("v").tags(tag("owner", "payments")));

    // Description matching ignores case.
    assertThat(names(sm, namePrefix(prefix), filter(FilterNameStringType.DESCRIPTION, "alpha")))
        .containsExactly(alpha);
    assertThat(names(sm, namePrefix(prefix), filter(FilterNameStringType.TAG_KEY, "team")))
        .containsExactlyInAnyOrder(alpha, beta);
    assertThat(names(sm, namePrefix(prefix), filter(FilterNameStringType.TAG_VALUE, "payments")))
        .containsExactlyInAnyOrder(alpha, gamma);
    // Several filters: all must match.
    assertThat(names(sm, namePrefix(prefix), filter(FilterNameStringType.TAG_KEY, "team"),
        filter(FilterNameStringType.TAG_VALUE, "payments"))).containsExactly(alpha);
  }

  @Test
  void severalValuesOfAFilterAreAlternativesAndBangNegates(SecretsManagerClient sm, SecretPrefix prefix) {
    String a = prefix.name("app-a");
    String b2 = prefix.name("app-b");
    String c = prefix.name("svc-c");
    for (String name : List.of(a, b2, c)) {
      sm.createSecret(b -> b.name(name).secretString("v").description("desc " + name));
    }

    assertThat(names(sm, filter(FilterNameStringType.NAME, prefix.name("app-a"), prefix.name("svc-"))))
        .containsExactlyInAnyOrder(a, c);
    assertThat(names(sm, namePrefix(prefix), filter(FilterNameStringType.NAME, "!" + prefix.name("app-"))))
        .containsExactly(c);
  }

  @Test
  void secretsPendingDeletionAreListedOnlyOnRequest(SecretsManagerClient sm, SecretPrefix prefix) {
    String kept = prefix.name("kept");
    String pending = prefix.name("pending");
    sm.createSecret(b -> b.name(kept).secretString("v"));
    sm.createSecret(b -> b.name(pending).secretString("v"));
    sm.deleteSecret(b -> b.secretId(pending).recoveryWindowInDays(7L));

    assertThat(names(sm, namePrefix(prefix))).containsExactly(kept);
    List<SecretListEntry> all = new ArrayList<>();
    sm.listSecretsPaginator(b -> b.includePlannedDeletion(true).filters(namePrefix(prefix))).stream()
        .flatMap(page -> page.secretList().stream())
        .forEach(all::add);
    assertThat(all).extracting(SecretListEntry::name).containsExactlyInAnyOrder(kept, pending);
    assertThat(all).filteredOn(s -> s.name().equals(pending))
        .singleElement().satisfies(s -> assertThat(s.deletedDate()).isNotNull());
  }

  @Test
  void batchGetReturnsValuesAndReportsMissingIds(SecretsManagerClient sm, SecretPrefix prefix) {
    String one = prefix.name("one");
    String two = prefix.name("two");
    String twoArn = sm.createSecret(b -> b.name(two).secretString("second")).arn();
    sm.createSecret(b -> b.name(one).secretString("first"));
    String missing = prefix.name("missing");

    BatchGetSecretValueResponse response = sm.batchGetSecretValue(b -> b.secretIdList(one, twoArn, missing));

    assertThat(response.secretValues()).extracting(SecretValueEntry::name, SecretValueEntry::secretString)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(one, "first"),
            org.assertj.core.groups.Tuple.tuple(two, "second"));
    assertThat(response.secretValues()).allSatisfy(v ->
        assertThat(v.versionStages()).containsExactly("AWSCURRENT"));
    assertThat(response.errors()).singleElement().satisfies(error -> {
      assertThat(error.secretId()).isEqualTo(missing);
      assertThat(error.errorCode()).isEqualTo("ResourceNotFoundException");
    });
  }

  @Test
  void batchGetWithFiltersPagesThroughEveryMatch(SecretsManagerClient sm, SecretPrefix prefix) {
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String name = prefix.name("batch-" + i);
      String value = "value-" + i;
      sm.createSecret(b -> b.name(name).secretString(value));
      created.add(name);
    }

    List<SecretValueEntry> values = new ArrayList<>();
    String token = null;
    int calls = 0;
    do {
      String next = token;
      BatchGetSecretValueResponse page = sm.batchGetSecretValue(b -> b.filters(namePrefix(prefix))
          .maxResults(2).nextToken(next));
      assertThat(page.secretValues()).hasSizeLessThanOrEqualTo(2);
      values.addAll(page.secretValues());
      token = page.nextToken();
      calls++;
    } while (token != null && calls < 10);

    assertThat(values).extracting(SecretValueEntry::name).containsExactlyInAnyOrderElementsOf(created);
    assertThat(values).allSatisfy(v ->
        assertThat(v.secretString()).isEqualTo("value-" + v.name().substring(v.name().length() - 1)));
  }
}
