package org.broadsheet.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * Searches per client address: a bucket of {@code search.rate_per_minute} searches per address,
 * refilled evenly over the minute, so a reader can search in a burst and a script cannot search
 * without pause. Addresses not seen for a few minutes are forgotten; at most 100,000 are kept.
 */
final class SearchRate {
  private static final class Bucket {
    double tokens;
    long refilledAt;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.refilledAt = now;
    }
  }

  private final Cache<String, Bucket> buckets =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(5)).build();

  /** Takes one search for this address: empty when allowed, else the seconds until it would be. */
  OptionalLong take(String address, int perMinute, long nowNanos) {
    double perNano = perMinute / 60e9;
    Bucket bucket = buckets.get(address, key -> new Bucket(perMinute, nowNanos));
    synchronized (bucket) {
      bucket.tokens = Math.min(perMinute, bucket.tokens + (nowNanos - bucket.refilledAt) * perNano);
      bucket.refilledAt = nowNanos;
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return OptionalLong.empty();
      }
      return OptionalLong.of((long) Math.ceil((1 - bucket.tokens) / perNano / 1e9));
    }
  }
}
