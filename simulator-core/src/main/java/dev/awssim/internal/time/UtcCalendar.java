package dev.awssim.internal.time;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;

/**
 * Maps a clock's elapsed nanoseconds to the UTC calendar and back: the epoch second or UTC day an
 * instant falls in, and the elapsed nanoseconds at which a second or day starts.
 *
 * <p>AWS counts many things per calendar unit of UTC rather than per span since an event: API
 * Gateway usage-plan quotas reset at midnight UTC, DynamoDB allows provisioned-capacity decreases
 * per UTC day, CloudWatch aligns periods to the epoch. A simulation may start at any instant (not
 * only at midnight), so these boundaries are offsets from the start; this class does that
 * arithmetic once, without allocating, for models' hot paths.
 *
 * <pre>{@code
 * UtcCalendar utc = new UtcCalendar(clock.start());
 * long today = utc.epochDay(clock.nanos());
 * long midnight = utc.startOfEpochDay(today + 1); // elapsed nanos of the next midnight UTC
 * }</pre>
 *
 * <p>Days are 86,400 seconds (UTC as {@link Instant} counts it, without leap seconds). Immutable.
 */
public final class UtcCalendar {
  private final long startEpochSecond;
  private final long startEpochDay;

  /** Nanoseconds from the start of the start's UTC day to the start. */
  private final long startNanosOfDay;

  /** Nanoseconds from the start of the start's epoch second to the start. */
  private final long startNanosOfSecond;

  /**
   * A calendar for a clock that started at {@code start}.
   *
   * @throws NullPointerException if {@code start} is null
   */
  public UtcCalendar(Instant start) {
    checkNotNull(start, "start");
    this.startEpochSecond = start.getEpochSecond();
    this.startEpochDay = Math.floorDiv(startEpochSecond, TimeUnits.SECONDS_PER_DAY);
    this.startNanosOfSecond = start.getNano();
    this.startNanosOfDay =
        Math.floorMod(startEpochSecond, TimeUnits.SECONDS_PER_DAY) * TimeUnits.NANOS_PER_SECOND
            + startNanosOfSecond;
  }

  /** The epoch second (seconds since 1970-01-01T00:00:00Z) holding elapsed time {@code nanos}. */
  public long epochSecond(long nanos) {
    return startEpochSecond + Math.floorDiv(startNanosOfSecond + nanos, TimeUnits.NANOS_PER_SECOND);
  }

  /** The elapsed nanoseconds at which epoch second {@code epochSecond} starts. */
  public long startOfEpochSecond(long epochSecond) {
    return (epochSecond - startEpochSecond) * TimeUnits.NANOS_PER_SECOND - startNanosOfSecond;
  }

  /** The UTC day (days since 1970-01-01) holding elapsed time {@code nanos}. */
  public long epochDay(long nanos) {
    return startEpochDay + Math.floorDiv(startNanosOfDay + nanos, TimeUnits.NANOS_PER_DAY);
  }

  /** The elapsed nanoseconds at which UTC day {@code epochDay} starts (its midnight). */
  public long startOfEpochDay(long epochDay) {
    return (epochDay - startEpochDay) * TimeUnits.NANOS_PER_DAY - startNanosOfDay;
  }

  /** The elapsed nanoseconds of the midnight UTC at or before elapsed time {@code nanos}. */
  public long startOfDay(long nanos) {
    return startOfEpochDay(epochDay(nanos));
  }
}
