package com.bmo.learning.aws.s3;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;

/**
 * A listing fetched one ListObjectsV2 page at a time, as the caller iterates: a listing of millions of
 * keys holds one page in memory. Keys travel URL-encoded ({@code encoding-type=url}, decoded by the SDK)
 * so that keys with characters XML cannot carry still list correctly.
 */
final class ObjectPages implements Iterator<ListEntry> {

  private final S3Client s3;
  private final String bucket;
  private final String prefix;
  private final String delimiter;
  private final int pageSize;
  private final Deque<ListEntry> buffer = new ArrayDeque<>();
  private String continuationToken;
  private boolean lastPage;
  private int pages;

  ObjectPages(S3Client s3, String bucket, String prefix, String delimiter, int pageSize) {
    this.s3 = s3;
    this.bucket = bucket;
    this.prefix = prefix == null || prefix.isEmpty() ? null : prefix;
    this.delimiter = delimiter;
    this.pageSize = pageSize;
  }

  Stream<ListEntry> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this,
        Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.DISTINCT), false);
  }

  @Override
  public boolean hasNext() {
    while (buffer.isEmpty() && !lastPage) {
      fetch();
    }
    return !buffer.isEmpty();
  }

  @Override
  public ListEntry next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return buffer.removeFirst();
  }

  private void fetch() {
    ListObjectsV2Response page;
    try {
      page = s3.listObjectsV2(b -> b.bucket(bucket).prefix(prefix).delimiter(delimiter)
          .maxKeys(pageSize).continuationToken(continuationToken).encodingType(EncodingType.URL));
    } catch (RuntimeException e) {
      throw StorageErrors.map("ListObjectsV2", bucket, prefix, e);
    }
    pages++;
    List<ListEntry> entries = new ArrayList<>(page.contents().size() + page.commonPrefixes().size());
    page.contents().forEach(o -> entries.add(new ObjectSummary(o.key(),
        o.size() == null ? 0 : o.size(), S3Storage.unquote(o.eTag()), o.lastModified())));
    page.commonPrefixes().forEach(p -> entries.add(new CommonPrefix(p.prefix())));
    // S3 returns objects and prefixes in two lists; one stream in key order is what callers expect.
    entries.sort(Comparator.comparing(ListEntry::key));
    buffer.addAll(entries);
    continuationToken = page.nextContinuationToken();
    lastPage = !Boolean.TRUE.equals(page.isTruncated()) || continuationToken == null;
  }

  int pagesFetched() {
    return pages;
  }
}
