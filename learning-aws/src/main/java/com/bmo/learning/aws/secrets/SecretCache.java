package com.bmo.learning.aws.secrets;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A cache of secret values in front of a {@link SecretsClient}, built on Caffeine.
 *
 * <ul>
 *   <li><b>TTL</b> (default 300 s): a value is never served older than this while Secrets Manager
 *       answers; a read after it waits for a fresh load.</li>
 *   <li><b>Refresh ahead</b> (default at 80 % of the TTL): the first read after that point returns the
 *       cached value at once and reloads it in the background, so steady readers never wait.</li>
 *   <li><b>Single flight</b>: concurrent reads of one missing or expired secret make one call.</li>
 *   <li><b>Invalidation on write</b>: any write through the client (update, delete, restore, ...) drops
 *       the entries of that secret, all staging labels, by name or ARN.</li>
 *   <li><b>Stale on error</b>: when a load fails with {@link SecretsUnavailableException} or another
 *       error that does not say the secret is gone, the last good value is served for a grace period
 *       (default 10 min) after its TTL, logged (name only) and counted; Secrets Manager is retried at
 *       most every {@code staleRetryInterval} (default 5 s). After the grace period the error surfaces.
 *       A secret that is not found or scheduled for deletion is never served stale.</li>
 *   <li><b>Metrics</b>: {@link #stats()}; bind them to Micrometer with {@link SecretCacheMetrics}.</li>
 * </ul>
 *
 * <p>Thread-safe. Closing the cache detaches it from the client; it does not close the client.
 */
public final class SecretCache implements SecretSource, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SecretCache.class);

  public static final Duration DEFAULT_TTL = Duration.ofSeconds(300);
  public static final Duration DEFAULT_GRACE = Duration.ofMinutes(10);
  public static final Duration DEFAULT_STALE_RETRY = Duration.ofSeconds(5);
  public static final long DEFAULT_MAXIMUM_SIZE = 1_000;

  /** Which version of which secret. */
  private record Key(String secretId, String versionStage) {
    @Override
    public String toString() {
      return versionStage == null ? secretId : secretId + "@" + versionStage;
    }
  }

  /**
   * A cached value and how it came to be there. Every entry ends at {@code usableUntilNanos}, which the
   * read path checks: for a fresh entry that is one TTL after its fetch <em>started</em>. Caffeine's own
   * expire-after-write counts from when a load or refresh <em>finished</em>, so a slow refresh that read
   * the value just before a rotation would otherwise extend the old value's life by the refresh's latency.
   */
  private record Entry(SecretValue value, long loadedAtNanos, long usableUntilNanos, State state) {
  }

  private enum State {
    /** Just loaded: lives for the TTL. */
    FRESH,
    /** Put back unchanged after a failed refresh-ahead: usable until its original TTL ends. */
    KEPT,
    /** Served past its TTL because a load failed: usable until the next retry or the end of grace. */
    STALE
  }

  private static final String[] COMMON_STAGES = {null, StagingLabels.AWSCURRENT, StagingLabels.AWSPREVIOUS,
      StagingLabels.AWSPENDING};

  private final SecretsClient client;
  private final long ttlNanos;
  private final long graceNanos;
  private final long staleRetryNanos;
  private final Ticker ticker;
  private final LoadingCache<Key, Entry> cache;
  /** The last value loaded per key, kept through TTL + grace: what a failed load falls back on. */
  private final Cache<Key, Entry> lastGood;
  private final SecretWriteListener writeListener = this::invalidateAll;
  private final LongAdder loads = new LongAdder();
  private final LongAdder loadFailures = new LongAdder();
  private final LongAdder staleServes = new LongAdder();

  private SecretCache(Builder b) {
    this.client = b.client;
    this.ttlNanos = b.ttl.toNanos();
    this.graceNanos = b.grace.toNanos();
    this.staleRetryNanos = b.staleRetryInterval.toNanos();
    this.ticker = b.ticker;
    Caffeine<Object, Object> caffeine = Caffeine.newBuilder()
        .maximumSize(b.maximumSize)
        .ticker(b.ticker)
        .executor(b.executor)
        .recordStats();
    if (b.refreshAhead != null) {
      caffeine.refreshAfterWrite(b.refreshAhead);
    }
    // Fixed expiry rather than a per-entry Expiry: Caffeine then writes nothing on a read, which keeps
    // concurrent hits on one secret cheap.
    this.cache = caffeine.expireAfterWrite(b.ttl).build(new Loader());
    this.lastGood = Caffeine.newBuilder()
        .maximumSize(b.maximumSize)
        .ticker(b.ticker)
        .executor(b.executor)
        .expireAfterWrite(b.ttl.plus(b.grace))
        .build();
    client.addWriteListener(writeListener);
  }

  public static Builder builder(SecretsClient client) {
    return new Builder(client);
  }

  /** A cache with the defaults: TTL 300 s, refresh at 240 s, grace 10 min, 1000 entries. */
  public static SecretCache create(SecretsClient client) {
    return builder(client).build();
  }

  @Override
  public SecretValue getSecret(String secretId) {
    return getSecret(secretId, null);
  }

  @Override
  public SecretValue getSecret(String secretId, String versionStage) {
    if (secretId == null || secretId.isBlank()) {
      throw new InvalidSecretRequestException(secretId, "A secret name or ARN is required");
    }
    Key key = new Key(secretId, versionStage);
    Entry entry = cache.get(key);
    if (entry.state() != State.FRESH || ticker.read() - entry.usableUntilNanos() >= 0) {
      entry = unusual(key, entry);
    }
    return entry.value();
  }

  /**
   * An entry past its end, or a kept or stale one: serve it while usable, else reload (one reader removes
   * it, all wait on one load).
   */
  private Entry unusual(Key key, Entry entry) {
    if (ticker.read() - entry.usableUntilNanos() >= 0) {
      cache.asMap().remove(key, entry);
      entry = cache.get(key);
    }
    if (entry.state() == State.STALE) {
      staleServes.increment();
    }
    return entry;
  }

  /** Drops every cached version of the secret, however it was named when read. */
  public void invalidate(String secretId) {
    invalidateAll(Set.of(secretId));
  }

  public void invalidateAll() {
    cache.invalidateAll();
    lastGood.invalidateAll();
  }

  private void invalidateAll(Set<String> identifiers) {
    // Named keys first: invalidating a key waits for a load of it in flight, so a value read just before
    // the write cannot land in the cache after it. Iteration does not see loads in flight.
    for (String id : identifiers) {
      for (String stage : COMMON_STAGES) {
        cache.invalidate(new Key(id, stage));
      }
    }
    // Other labels: a handful of keys per secret at most; scanning beats keeping an index in sync.
    cache.asMap().keySet().removeIf(k -> identifiers.contains(k.secretId()));
    lastGood.asMap().keySet().removeIf(k -> identifiers.contains(k.secretId()));
  }

  public SecretCacheStats stats() {
    CacheStats s = cache.stats();
    return new SecretCacheStats(s.hitCount(), s.missCount(), loads.sum(), loadFailures.sum(),
        staleServes.sum(), s.evictionCount(), cache.estimatedSize());
  }

  /** Detaches from the client and drops everything cached. */
  @Override
  public void close() {
    client.removeWriteListener(writeListener);
    invalidateAll();
  }

  private final class Loader implements CacheLoader<Key, Entry> {
    @Override
    public Entry load(Key key) {
      try {
        return fetch(key);
      } catch (SecretNotFoundException | SecretPendingDeletionException gone) {
        lastGood.invalidate(key);
        throw gone;
      } catch (SecretsException e) {
        Entry last = lastGood.getIfPresent(key);
        long now = ticker.read();
        if (last != null && now - last.loadedAtNanos() < ttlNanos + graceNanos) {
          LOG.warn("Secrets Manager failed for secret {} ({}); serving the value loaded {} s ago"
              + " until the grace period ends", key, e.getClass().getSimpleName(),
              (now - last.loadedAtNanos()) / 1_000_000_000L);
          long graceEnd = last.loadedAtNanos() + ttlNanos + graceNanos;
          return new Entry(last.value(), last.loadedAtNanos(), Math.min(now + staleRetryNanos, graceEnd),
              State.STALE);
        }
        throw e;
      }
    }

    /**
     * Background refresh ahead of expiry. A failure puts the current entry back with its expiry
     * unchanged (rather than throwing, which Caffeine would log with the whole stack trace on every
     * attempt); the read that finds it expired then retries, and falls back on grace if need be.
     */
    @Override
    public Entry reload(Key key, Entry old) {
      try {
        return fetch(key);
      } catch (SecretNotFoundException | SecretPendingDeletionException gone) {
        lastGood.invalidate(key);
        LOG.info("Secret {} is gone ({}); dropping it from the cache", key, gone.getClass().getSimpleName());
        return null; // removes the entry
      } catch (SecretsException e) {
        LOG.warn("Refreshing secret {} failed ({}); keeping the cached value until it expires", key,
            e.getClass().getSimpleName());
        return new Entry(old.value(), old.loadedAtNanos(), old.usableUntilNanos(),
            old.state() == State.FRESH ? State.KEPT : old.state());
      }
    }

    private Entry fetch(Key key) {
      // The value is at least as old as the request for it: its TTL counts from here.
      long started = ticker.read();
      SecretValue value;
      try {
        value = client.getSecret(key.secretId(), key.versionStage());
      } catch (RuntimeException e) {
        loadFailures.increment();
        throw e;
      }
      loads.increment();
      Entry entry = new Entry(value, started, started + ttlNanos, State.FRESH);
      lastGood.put(key, entry);
      return entry;
    }
  }

  /** Configures a {@link SecretCache}. */
  public static final class Builder {
    private final SecretsClient client;
    private Duration ttl = DEFAULT_TTL;
    private Duration refreshAhead;
    private boolean refreshAheadSet;
    private Duration grace = DEFAULT_GRACE;
    private Duration staleRetryInterval = DEFAULT_STALE_RETRY;
    private long maximumSize = DEFAULT_MAXIMUM_SIZE;
    private Ticker ticker = Ticker.systemTicker();
    private Executor executor = ForkJoinPool.commonPool();

    private Builder(SecretsClient client) {
      this.client = Objects.requireNonNull(client, "client");
    }

    /** How long a value is served before it must be reloaded; default 300 s. */
    public Builder ttl(Duration ttl) {
      this.ttl = positive(ttl, "ttl");
      return this;
    }

    /**
     * Age after which the next read triggers a background reload; shorter than the TTL. Default 80 % of
     * the TTL; {@code null} turns refresh-ahead off (values are then reloaded only when they expire).
     */
    public Builder refreshAhead(Duration refreshAhead) {
      this.refreshAhead = refreshAhead == null ? null : positive(refreshAhead, "refreshAhead");
      this.refreshAheadSet = true;
      return this;
    }

    /** How long past its TTL the last good value may be served while Secrets Manager fails; default 10 min. */
    public Builder gracePeriod(Duration grace) {
      Objects.requireNonNull(grace, "grace");
      if (grace.isNegative()) {
        throw new IllegalArgumentException("gracePeriod must not be negative: " + grace);
      }
      this.grace = grace;
      return this;
    }

    /** While serving stale, how often a read may try Secrets Manager again; default 5 s. */
    public Builder staleRetryInterval(Duration interval) {
      this.staleRetryInterval = positive(interval, "staleRetryInterval");
      return this;
    }

    /** At most this many secret versions are held; default 1000. */
    public Builder maximumSize(long maximumSize) {
      if (maximumSize < 1) {
        throw new IllegalArgumentException("maximumSize must be at least 1: " + maximumSize);
      }
      this.maximumSize = maximumSize;
      return this;
    }

    /** The clock for TTL, refresh and grace; tests pass one they control. */
    public Builder ticker(Ticker ticker) {
      this.ticker = Objects.requireNonNull(ticker, "ticker");
      return this;
    }

    /** Runs background refreshes and maintenance; default the common fork-join pool. */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    public SecretCache build() {
      if (!refreshAheadSet) {
        refreshAhead = Duration.ofNanos(ttl.toNanos() / 5 * 4);
      }
      if (refreshAhead != null && refreshAhead.compareTo(ttl) >= 0) {
        throw new IllegalArgumentException("refreshAhead (" + refreshAhead + ") must be shorter than the"
            + " ttl (" + ttl + ")");
      }
      return new SecretCache(this);
    }

    private static Duration positive(Duration d, String what) {
      Objects.requireNonNull(d, what);
      if (d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException(what + " must be positive: " + d);
      }
      return d;
    }
  }
}
