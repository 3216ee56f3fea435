package dev.awssim.apigateway;

import dev.awssim.internal.throttle.TokenBucket;

/** A token bucket with its level and settings. */
final class LevelBucket {
  final ThrottleLevel level;
  final ThrottleSettings settings;
  final TokenBucket bucket;

  LevelBucket(ThrottleLevel level, ThrottleSettings settings) {
    this.level = level;
    this.settings = settings;
    this.bucket = settings.newBucket();
  }

  /** This bucket if it already has {@code settings} at {@code level}, else a new full one. */
  static LevelBucket reuseOrCreate(LevelBucket existing, ThrottleLevel level, ThrottleSettings s) {
    return existing != null && existing.level == level && existing.settings.equals(s)
        ? existing
        : new LevelBucket(level, s);
  }

  BucketState state(long nowNanos) {
    return new BucketState(
        level, settings.rateLimit(), settings.burstLimit(), bucket.availableTokensExact(nowNanos));
  }
}
