package dev.awssim.apigateway;

import dev.awssim.engine.time.VirtualClock;

/** Converts between virtual nanoseconds and UTC days since the epoch. */
final class UtcDays {
  private static final long NANOS_PER_DAY = 86_400_000_000_000L;

  private final long startEpochNanosOfDay;
  private final long startEpochDay;

  UtcDays(VirtualClock clock) {
    java.time.Instant start = clock.start();
    long seconds = start.getEpochSecond();
    this.startEpochDay = Math.floorDiv(seconds, 86_400);
    this.startEpochNanosOfDay = Math.floorMod(seconds, 86_400) * 1_000_000_000L + start.getNano();
  }

  /** The UTC day holding virtual time {@code nanos}. */
  long epochDay(long nanos) {
    return startEpochDay + Math.floorDiv(startEpochNanosOfDay + nanos, NANOS_PER_DAY);
  }

  /** The virtual time at which UTC day {@code epochDay} starts. */
  long startNanos(long epochDay) {
    return (epochDay - startEpochDay) * NANOS_PER_DAY - startEpochNanosOfDay;
  }
}
