package com.bmo.learning.aws.s3;

import static com.bmo.learning.aws.s3.Fixtures.putKeys;
import static com.bmo.learning.aws.s3.Fixtures.storage;
import static org.assertj.core.api.Assertions.assertThat;

import com.bmo.learning.localaws.junit.LocalAwsTarget;
import com.bmo.learning.localaws.junit.LocalAwsTest;
import com.bmo.learning.localaws.junit.TestBucket;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

@LocalAwsTest
class S3StorageListIT {

  /** 1,500 keys: 3 folders of 500, so listings cross S3's 1,000-key page. */
  private static List<String> fifteenHundredKeys() {
    List<String> keys = new ArrayList<>();
    for (String folder : List.of("a", "b", "c")) {
      IntStream.range(0, 500).forEach(i -> keys.add(String.format("docs/%s/%04d.txt", folder, i)));
    }
    return keys;
  }

  @Test
  void flatListingPagesTransparentlyPast1000Keys(LocalAwsTarget target, TestBucket bucket, S3Client s3)
      throws Exception {
    List<String> keys = fifteenHundredKeys();
    putKeys(s3, bucket.name(), keys);
    try (S3Storage storage = storage(target)) {
      List<ObjectSummary> all = storage.list(bucket.name(), "docs/").toList();
      assertThat(all).extracting(ObjectSummary::key).containsExactlyElementsOf(keys.stream().sorted().toList());
      ObjectSummary first = all.get(0);
      assertThat(first.size()).isEqualTo(first.key().length()); // each object holds its own key
      assertThat(first.eTag()).isNotBlank().doesNotContain("\"");
      assertThat(first.lastModified()).isAfter(Instant.now().minus(1, ChronoUnit.HOURS));
      assertThat(storage.list(bucket.name(), "docs/b/").count()).isEqualTo(500);
      assertThat(storage.list(bucket.name(), null).count()).isEqualTo(1500);
    }
  }

  @Test
  void delimiterListingGroupsFoldersAcrossPages(LocalAwsTarget target, TestBucket bucket, S3Client s3)
      throws Exception {
    List<String> keys = new ArrayList<>(fifteenHundredKeys());
    keys.add("docs/readme.md");
    putKeys(s3, bucket.name(), keys);
    try (S3Storage storage = storage(target)) {
      List<ListEntry> top = storage.list(bucket.name(), "docs/", "/").toList();
      assertThat(top).containsExactly(new CommonPrefix("docs/a/"), new CommonPrefix("docs/b/"),
          new CommonPrefix("docs/c/"), top.get(3));
      assertThat(top.get(3)).isInstanceOf(ObjectSummary.class);
      assertThat(top.get(3).key()).isEqualTo("docs/readme.md");

      // 500 objects and no folders under one folder; 1,500 over all folders with a page size crossing.
      List<ListEntry> inA = storage.list(bucket.name(), "docs/a/", "/").toList();
      assertThat(inA).hasSize(500).allMatch(ObjectSummary.class::isInstance);
      List<String> perFolder = top.stream().filter(CommonPrefix.class::isInstance)
          .flatMap(p -> storage.list(bucket.name(), p.key(), "/"))
          .map(ListEntry::key).collect(Collectors.toList());
      assertThat(perFolder).hasSize(1500);
    }
  }

  @Test
  void listingIsLazy(LocalAwsTarget target, TestBucket bucket, S3Client s3) throws Exception {
    putKeys(s3, bucket.name(), IntStream.range(0, 25).mapToObj(i -> "k" + i).toList());
    ObjectPages pages = new ObjectPages(s3, bucket.name(), null, null, 10);
    Iterator<ListEntry> it = pages;
    assertThat(pages.pagesFetched()).isZero();
    for (int i = 0; i < 10; i++) {
      it.next();
    }
    assertThat(pages.pagesFetched()).isEqualTo(1);
    it.next();
    assertThat(pages.pagesFetched()).isEqualTo(2);
    int rest = 0;
    while (it.hasNext()) {
      it.next();
      rest++;
    }
    assertThat(rest).isEqualTo(14);
    assertThat(pages.pagesFetched()).isEqualTo(3);
  }

  @Test
  void keysWithSpacesUnicodeAndSymbolsListExactly(LocalAwsTarget target, TestBucket bucket) {
    List<String> keys = List.of("odd/a b.txt", "odd/c+d.txt", "odd/e%20f.txt", "odd/日本語.md",
        "odd/x&y<z>.txt", "odd/tab\there.txt");
    try (S3Storage storage = storage(target)) {
      keys.forEach(k -> storage.upload(bucket.name(), k, k.getBytes(), UploadOptions.none()));
      assertThat(storage.list(bucket.name(), "odd/").map(ObjectSummary::key).toList())
          .containsExactlyInAnyOrderElementsOf(keys);
      keys.forEach(k -> assertThat(storage.readAllBytes(bucket.name(), k)).isEqualTo(k.getBytes()));
    }
  }

  @Test
  void emptyPrefixListsNothing(LocalAwsTarget target, TestBucket bucket) {
    try (S3Storage storage = storage(target)) {
      assertThat(storage.list(bucket.name(), "nothing-here/")).isEmpty();
      assertThat(storage.list(bucket.name(), "nothing-here/", "/")).isEmpty();
    }
  }
}
