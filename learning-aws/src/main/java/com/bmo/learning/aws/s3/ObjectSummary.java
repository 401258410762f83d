package com.bmo.learning.aws.s3;

import java.time.Instant;

/** An object in a listing. {@code eTag} has its quotes removed. */
public record ObjectSummary(String key, long size, String eTag, Instant lastModified)
    implements ListEntry {
}
