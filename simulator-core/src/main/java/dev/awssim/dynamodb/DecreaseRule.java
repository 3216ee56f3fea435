package dev.awssim.dynamodb;

import dev.awssim.internal.time.TimeUnits;
import dev.awssim.internal.time.UtcCalendar;
import java.util.List;

/**
 * Provisioned decreases ({@code ServiceQuotas.html}): up to 4 in the first hour of a UTC day, then
 * 1 per hour if none in the previous hour, at most 27 a day.
 */
final class DecreaseRule {
  private DecreaseRule() {}

  static boolean allows(List<Long> decreases, long nowNanos, UtcCalendar utc) {
    long dayStart = utc.startOfDay(nowNanos);
    long today = decreases.stream().filter(t -> t >= dayStart).count();
    if (nowNanos < dayStart + TimeUnits.NANOS_PER_HOUR) {
      return today < 4;
    }
    return decreases.stream().noneMatch(t -> t > nowNanos - TimeUnits.NANOS_PER_HOUR);
  }
}
