package dev.awssim.dynamodb.capacity;

import java.util.List;

/**
 * Provisioned decreases ({@code ServiceQuotas.html}): up to 4 in the first hour of a UTC day, then
 * 1 per hour if none in the previous hour, at most 27 a day.
 */
final class DecreaseRule {
  private static final long HOUR = 3_600_000_000_000L;
  private static final long DAY = 24 * HOUR;

  private DecreaseRule() {}

  static boolean allows(List<Long> decreases, long nowNanos, long startEpochMillis) {
    long offset = Math.floorMod(startEpochMillis, 86_400_000L) * 1_000_000L;
    long dayStart = Math.floorDiv(nowNanos + offset, DAY) * DAY - offset;
    long today = decreases.stream().filter(t -> t >= dayStart).count();
    if (nowNanos < dayStart + HOUR) {
      return today < 4;
    }
    return decreases.stream().noneMatch(t -> t > nowNanos - HOUR);
  }
}
