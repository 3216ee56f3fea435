package dev.awssim.internal.throttle;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.math.LongMath;
import dev.awssim.internal.time.Durations;
import java.time.Duration;

/**
 * A token bucket on virtual time: {@code capacity} tokens at most (the burst), refilled by {@code
 * refillTokens} every {@code refillPeriod}, continuously. It starts full.
 *
 * <p>How it stays exact: the bucket counts in integer units, where one token is {@code period /
 * gcd(refillTokens, period)} units and every elapsed nanosecond adds {@code refillTokens / gcd}
 * units. No fractions are dropped, so a simulated month admits exactly what the rate allows, with
 * no drift. Like Guava's {@code SmoothRateLimiter} and Bucket4j's {@code BucketState}, every method
 * takes the current time as a parameter; the bucket never reads a clock.
 *
 * <pre>{@code
 * TokenBucket stage = TokenBucket.perSecond(10, 5);  // rate 10/s, burst 5
 * stage.tryConsume(1, 0);                            // admitted: 4 left
 * }</pre>
 *
 * <p>Not thread-safe: the owning model calls it under the simulation's lock.
 */
public final class TokenBucket {
  private final long capacity;
  private final long unitsPerToken;
  private final long unitsPerNano;
  private final long capacityUnits;
  private long units;
  private long lastNanos;

  private TokenBucket(long capacity, long refillTokens, long periodNanos) {
    checkArgument(capacity >= 0, "capacity must not be negative: %s", capacity);
    checkArgument(refillTokens >= 0, "refillTokens must not be negative: %s", refillTokens);
    checkArgument(periodNanos > 0, "refillPeriod must be positive");
    long gcd = refillTokens == 0 ? periodNanos : LongMath.gcd(refillTokens, periodNanos);
    this.capacity = capacity;
    this.unitsPerToken = periodNanos / gcd;
    this.unitsPerNano = refillTokens / gcd;
    try {
      this.capacityUnits = Math.multiplyExact(capacity, unitsPerToken);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          "capacity " + capacity + " is too large for a refill period of " + periodNanos + " ns",
          e);
    }
    this.units = capacityUnits;
  }

  /**
   * A bucket of {@code capacity} tokens refilled with {@code refillTokens} per {@code
   * refillPeriod}.
   *
   * @throws IllegalArgumentException if a count is negative, the period is not positive, or the
   *     capacity is too large to count exactly
   */
  public static TokenBucket of(long capacity, long refillTokens, Duration refillPeriod) {
    return new TokenBucket(
        capacity, refillTokens, Durations.positiveNanos(refillPeriod, "refillPeriod"));
  }

  /**
   * A bucket refilled at {@code ratePerSecond} tokens per second holding at most {@code burst}.
   *
   * @throws IllegalArgumentException if either value is negative
   */
  public static TokenBucket perSecond(long ratePerSecond, long burst) {
    return new TokenBucket(burst, ratePerSecond, 1_000_000_000L);
  }

  /**
   * A bucket refilled at a fractional rate (such as API Gateway's {@code rateLimit} of 0.5), exact
   * to a thousandth of a token per second.
   *
   * @throws IllegalArgumentException if a value is negative or not finite
   */
  public static TokenBucket perSecond(double ratePerSecond, long burst) {
    checkArgument(
        Double.isFinite(ratePerSecond) && ratePerSecond >= 0,
        "ratePerSecond must be a finite non-negative number: %s",
        ratePerSecond);
    long milliTokens = Math.round(ratePerSecond * 1000);
    return new TokenBucket(burst, milliTokens, 1_000_000_000_000L);
  }

  /** The most tokens the bucket holds (the burst). */
  public long capacity() {
    return capacity;
  }

  /**
   * Takes {@code tokens} if the bucket holds them at {@code nowNanos}. Time that goes backwards is
   * treated as no time passing.
   *
   * @throws IllegalArgumentException if {@code tokens} is negative
   */
  public ThrottleDecision tryConsume(long tokens, long nowNanos) {
    ThrottleDecision decision = estimate(tokens, nowNanos);
    if (decision.isAdmitted()) {
      units = unitsAt(nowNanos) - tokens * unitsPerToken;
      lastNanos = Math.max(lastNanos, nowNanos);
    }
    return decision;
  }

  /**
   * Takes {@code tokens} if the bucket holds them at {@code nowNanos}, answering only yes or no (no
   * allocation: the hot path of models that do not need the wait time).
   *
   * @throws IllegalArgumentException if {@code tokens} is negative
   */
  public boolean tryAcquire(long tokens, long nowNanos) {
    checkArgument(tokens >= 0, "tokens must not be negative: %s", tokens);
    if (tokens > capacity) {
      return false;
    }
    long available = unitsAt(nowNanos);
    long needed = tokens * unitsPerToken;
    if (available < needed) {
      return false;
    }
    units = available - needed;
    lastNanos = Math.max(lastNanos, nowNanos);
    return true;
  }

  /**
   * Says whether {@code tokens} would be taken at {@code nowNanos}, without taking them or changing
   * the bucket (so it may look ahead in time).
   *
   * @throws IllegalArgumentException if {@code tokens} is negative
   */
  public ThrottleDecision estimate(long tokens, long nowNanos) {
    checkArgument(tokens >= 0, "tokens must not be negative: %s", tokens);
    long available = unitsAt(nowNanos);
    if (tokens > capacity) {
      return ThrottleDecision.rejected(ThrottleDecision.NEVER, available / unitsPerToken);
    }
    long needed = tokens * unitsPerToken;
    if (available >= needed) {
      return ThrottleDecision.admitted((available - needed) / unitsPerToken);
    }
    if (unitsPerNano == 0) {
      return ThrottleDecision.rejected(ThrottleDecision.NEVER, available / unitsPerToken);
    }
    long wait = (needed - available + unitsPerNano - 1) / unitsPerNano;
    return ThrottleDecision.rejected(wait, available / unitsPerToken);
  }

  /** Whole tokens available at {@code nowNanos}. */
  public long availableTokens(long nowNanos) {
    return unitsAt(nowNanos) / unitsPerToken;
  }

  /** Tokens available at {@code nowNanos}, with the fraction of a partly refilled token. */
  public double availableTokensExact(long nowNanos) {
    return (double) unitsAt(nowNanos) / unitsPerToken;
  }

  private long unitsAt(long nowNanos) {
    if (nowNanos <= lastNanos || unitsPerNano == 0) {
      return units;
    }
    long elapsed = nowNanos - lastNanos;
    long room = capacityUnits - units;
    return elapsed >= room / unitsPerNano + 1 ? capacityUnits : units + elapsed * unitsPerNano;
  }

  @Override
  public String toString() {
    return "TokenBucket[capacity=" + capacity + ", units=" + units + "/" + capacityUnits + "]";
  }
}
