package dev.awssim.internal.time;

/**
 * The engine's units of time as {@code long} nanoseconds, and exact conversions into them: the one
 * place for the "1_000_000_000L" and "86_400" literals that models otherwise repeat.
 *
 * <pre>{@code
 * long visibilityTimeout = TimeUnits.seconds(30);
 * long retention = TimeUnits.days(4);
 * }</pre>
 *
 * <p>Conversions throw {@link ArithmeticException} rather than wrap: a value that does not fit in a
 * {@code long} of nanoseconds (about 292 years) is a bug in the caller. For saturating conversions
 * of user-supplied durations use {@link Durations}.
 */
public final class TimeUnits {
  /** Nanoseconds in one microsecond. */
  public static final long NANOS_PER_MICROSECOND = 1_000L;

  /** Nanoseconds in one millisecond. */
  public static final long NANOS_PER_MILLISECOND = 1_000_000L;

  /** Nanoseconds in one second. */
  public static final long NANOS_PER_SECOND = 1_000_000_000L;

  /** Nanoseconds in one minute. */
  public static final long NANOS_PER_MINUTE = 60 * NANOS_PER_SECOND;

  /** Nanoseconds in one hour. */
  public static final long NANOS_PER_HOUR = 60 * NANOS_PER_MINUTE;

  /** Nanoseconds in one day of 24 hours (UTC has no daylight saving; leap seconds are ignored). */
  public static final long NANOS_PER_DAY = 24 * NANOS_PER_HOUR;

  /** Seconds in one minute. */
  public static final long SECONDS_PER_MINUTE = 60;

  /** Seconds in one hour. */
  public static final long SECONDS_PER_HOUR = 3_600;

  /** Seconds in one day. */
  public static final long SECONDS_PER_DAY = 86_400;

  /** Milliseconds in one second. */
  public static final long MILLIS_PER_SECOND = 1_000;

  private TimeUnits() {}

  /**
   * {@code millis} milliseconds in nanoseconds.
   *
   * @throws ArithmeticException if the result overflows a {@code long}
   */
  public static long millis(long millis) {
    return Math.multiplyExact(millis, NANOS_PER_MILLISECOND);
  }

  /**
   * {@code seconds} seconds in nanoseconds.
   *
   * @throws ArithmeticException if the result overflows a {@code long}
   */
  public static long seconds(long seconds) {
    return Math.multiplyExact(seconds, NANOS_PER_SECOND);
  }

  /**
   * {@code minutes} minutes in nanoseconds.
   *
   * @throws ArithmeticException if the result overflows a {@code long}
   */
  public static long minutes(long minutes) {
    return Math.multiplyExact(minutes, NANOS_PER_MINUTE);
  }

  /**
   * {@code hours} hours in nanoseconds.
   *
   * @throws ArithmeticException if the result overflows a {@code long}
   */
  public static long hours(long hours) {
    return Math.multiplyExact(hours, NANOS_PER_HOUR);
  }

  /**
   * {@code days} days of 24 hours in nanoseconds.
   *
   * @throws ArithmeticException if the result overflows a {@code long}
   */
  public static long days(long days) {
    return Math.multiplyExact(days, NANOS_PER_DAY);
  }

  /** Whole seconds in {@code nanos}, rounded down (towards negative infinity). */
  public static long toSecondsFloor(long nanos) {
    return Math.floorDiv(nanos, NANOS_PER_SECOND);
  }

  /** Whole milliseconds in {@code nanos}, rounded down (towards negative infinity). */
  public static long toMillisFloor(long nanos) {
    return Math.floorDiv(nanos, NANOS_PER_MILLISECOND);
  }
}
