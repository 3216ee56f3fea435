package dev.awssim.engine.time;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.base.Ticker;
import dev.awssim.internal.time.Durations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The virtual clock of one simulation: a {@code long} of nanoseconds since a fixed start instant.
 *
 * <p>Only the simulation's scheduler moves it, and only forwards. Everything else reads it,
 * directly or through the {@link #asTicker() Guava Ticker} and {@link #asJavaClock() java.time
 * Clock} views that let user code share virtual time. It never reads the wall clock.
 *
 * <pre>{@code
 * VirtualClock clock = simulator.clock();
 * Instant now = clock.now();             // start instant + elapsed virtual time
 * Clock forUserCode = clock.asJavaClock();
 * }</pre>
 *
 * <p>Reads are safe from any thread (the value is volatile); the clock is moved only under the
 * simulation's lock.
 */
public final class VirtualClock implements TimeSource {
  /** The default start instant, 2025-01-01T00:00:00Z: fixed, so that traces are reproducible. */
  public static final Instant DEFAULT_START = Instant.parse("2025-01-01T00:00:00Z");

  private final Instant start;
  private final TimeSource elapsed;

  /**
   * A read-only clock at {@code start} plus what {@code elapsed} reads. The simulation builds its
   * own from the scheduler that moves it; a clock built here cannot move a simulation's time.
   *
   * @throws NullPointerException if an argument is null
   */
  public VirtualClock(Instant start, TimeSource elapsed) {
    this.start = checkNotNull(start, "start");
    this.elapsed = checkNotNull(elapsed, "elapsed");
  }

  /** The instant at which the simulation started. */
  public Instant start() {
    return start;
  }

  @Override
  public long read() {
    return elapsed.read();
  }

  /** The nanoseconds elapsed since {@link #start()}; the same as {@link #read()}. */
  public long nanos() {
    return elapsed.read();
  }

  /**
   * The last instant this clock can show: {@link Long#MAX_VALUE} nanoseconds (about 292 years)
   * after {@link #start()}. The scheduler refuses to advance past it.
   */
  public Instant end() {
    return start.plusNanos(Long.MAX_VALUE);
  }

  /** The current virtual instant. */
  public Instant now() {
    return toInstant(elapsed.read());
  }

  /** The virtual time elapsed since the start. */
  public Duration elapsed() {
    return Duration.ofNanos(elapsed.read());
  }

  /** Converts elapsed nanoseconds to an instant on this clock. */
  public Instant toInstant(long elapsedNanos) {
    return start.plusNanos(elapsedNanos);
  }

  /**
   * Converts an instant to elapsed nanoseconds on this clock.
   *
   * @throws IllegalArgumentException if {@code instant} is before the start
   */
  public long toNanos(Instant instant) {
    checkNotNull(instant, "instant");
    checkArgument(
        !instant.isBefore(start), "instant %s is before the simulation start %s", instant, start);
    return Durations.toNanosSaturated(Duration.between(start, instant));
  }

  /** Epoch milliseconds of the current virtual instant, as AWS timestamps are expressed. */
  public long epochMillis() {
    return now().toEpochMilli();
  }

  /** A Guava {@link Ticker} that reads this clock's elapsed nanoseconds. */
  public Ticker asTicker() {
    return new Ticker() {
      @Override
      public long read() {
        return elapsed.read();
      }
    };
  }

  /** A {@link Clock} in UTC whose instant is this clock's virtual now. */
  public Clock asJavaClock() {
    return asJavaClock(ZoneOffset.UTC);
  }

  /** A {@link Clock} in {@code zone} whose instant is this clock's virtual now. */
  public Clock asJavaClock(ZoneId zone) {
    return new VirtualJavaClock(this, checkNotNull(zone, "zone"));
  }

  @Override
  public String toString() {
    return "VirtualClock[" + now() + "]";
  }

  private static final class VirtualJavaClock extends Clock {
    private final VirtualClock clock;
    private final ZoneId zone;

    VirtualJavaClock(VirtualClock clock, ZoneId zone) {
      this.clock = clock;
      this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
      return new VirtualJavaClock(clock, checkNotNull(newZone, "zone"));
    }

    @Override
    public Instant instant() {
      return clock.now();
    }
  }
}
