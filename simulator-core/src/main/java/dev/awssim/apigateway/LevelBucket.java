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

  /**
   * The bucket for {@code s} at {@code level} from {@code nowNanos}: {@code existing} itself if its
   * settings are the same, a new full bucket if there was none, and otherwise a bucket with the new
   * rate and burst that keeps the whole tokens {@code existing} holds now, up to the new burst.
   *
   * <p>AWS applies a changed rate or burst without saying what happens to the tokens in the bucket
   * (api-gateway-request-throttling.html). The simulator's reading: the change takes effect at the
   * instant it is made and grants no new burst, so lowering the rate throttles at once and raising
   * the burst lets the bucket fill up to it at the new rate (a fraction of a token being refilled
   * is dropped).
   */
  static LevelBucket carryOver(
      LevelBucket existing, ThrottleLevel level, ThrottleSettings s, long nowNanos) {
    if (existing == null) {
      return new LevelBucket(level, s);
    }
    if (existing.level == level && existing.settings.equals(s)) {
      return existing;
    }
    LevelBucket changed = new LevelBucket(level, s);
    long keep = Math.min(existing.bucket.availableTokens(nowNanos), s.burstLimit());
    changed.bucket.tryAcquire(s.burstLimit() - keep, nowNanos);
    return changed;
  }

  BucketState state(long nowNanos) {
    return new BucketState(
        level, settings.rateLimit(), settings.burstLimit(), bucket.availableTokensExact(nowNanos));
  }
}
