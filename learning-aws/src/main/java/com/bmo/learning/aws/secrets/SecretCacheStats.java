package com.bmo.learning.aws.secrets;

/**
 * Counters of a {@link SecretCache} since it was built.
 *
 * @param hits reads answered from the cache
 * @param misses reads that had to wait for a load (absent or expired entry)
 * @param loads calls to Secrets Manager that succeeded (loads and background refreshes)
 * @param loadFailures calls to Secrets Manager that failed (loads and background refreshes)
 * @param staleServes reads answered with a value past its TTL because Secrets Manager failed (also
 *     counted as a hit or a miss)
 * @param evictions entries removed for size or age
 * @param size entries held now
 */
public record SecretCacheStats(long hits, long misses, long loads, long loadFailures, long staleServes,
    long evictions, long size) {

  public long requests() {
    return hits + misses;
  }

  /** Share of reads answered from the cache, 1.0 when there was no read yet. */
  public double hitRate() {
    long requests = requests();
    return requests == 0 ? 1.0 : (double) hits / requests;
  }
}
