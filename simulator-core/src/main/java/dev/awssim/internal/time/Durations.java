package dev.awssim.internal.time;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Duration;

/**
 * Conversions between {@link Duration} and the engine's {@code long} nanoseconds, with the
 * validation every public entry point needs.
 *
 * <p>Conversions saturate rather than overflow (as Caffeine's {@code expireAfterWrite(Duration)}
 * does): a duration too long for a {@code long} of nanoseconds (about 292 years) becomes {@link
 * Long#MAX_VALUE}.
 */
public final class Durations {
  private Durations() {}

  /** Converts {@code duration} to nanoseconds, saturating at {@link Long#MAX_VALUE}. */
  public static long toNanosSaturated(Duration duration) {
    checkNotNull(duration, "duration");
    try {
      return duration.toNanos();
    } catch (ArithmeticException overflow) {
      return duration.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  /**
   * Returns the nanoseconds of a duration that must not be null or negative.
   *
   * @throws NullPointerException naming {@code name} when the duration is null
   * @throws IllegalArgumentException naming {@code name} when the duration is negative
   */
  public static long nonNegativeNanos(Duration duration, String name) {
    checkNotNull(duration, "%s must not be null", name);
    checkArgument(!duration.isNegative(), "%s must not be negative: %s", name, duration);
    return toNanosSaturated(duration);
  }

  /**
   * Returns the nanoseconds of a duration that must be strictly positive.
   *
   * @throws NullPointerException naming {@code name} when the duration is null
   * @throws IllegalArgumentException naming {@code name} when the duration is zero or negative
   */
  public static long positiveNanos(Duration duration, String name) {
    checkNotNull(duration, "%s must not be null", name);
    checkArgument(
        !duration.isNegative() && !duration.isZero(), "%s must be positive: %s", name, duration);
    return toNanosSaturated(duration);
  }

  /** Adds two non-negative nanosecond values, saturating at {@link Long#MAX_VALUE}. */
  public static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
  }
}
