package dev.awssim.internal.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class UtcCalendarTest {
  /** 2025-03-10T23:59:58.250Z: a start that is neither on a second nor on a day boundary. */
  private static final Instant START = Instant.parse("2025-03-10T23:59:58.250Z");

  private final UtcCalendar utc = new UtcCalendar(START);

  @Test
  void epochDay_changesExactlyAtMidnightUtc() {
    long midnight = TimeUnits.millis(1_750);
    long march10 = LocalDate.of(2025, 3, 10).toEpochDay();

    assertEquals(march10, utc.epochDay(0));
    assertEquals(march10, utc.epochDay(midnight - 1));
    assertEquals(march10 + 1, utc.epochDay(midnight));
    assertEquals(midnight, utc.startOfEpochDay(march10 + 1));
    assertEquals(midnight, utc.startOfDay(midnight + TimeUnits.hours(23)));
    assertEquals(midnight - TimeUnits.NANOS_PER_DAY, utc.startOfDay(0));
  }

  @Test
  void epochSecond_changesExactlyAtTheWholeSecond() {
    long next = TimeUnits.millis(750);

    assertEquals(START.getEpochSecond(), utc.epochSecond(next - 1));
    assertEquals(START.getEpochSecond() + 1, utc.epochSecond(next));
    assertEquals(next, utc.startOfEpochSecond(START.getEpochSecond() + 1));
    assertEquals(-TimeUnits.millis(250), utc.startOfEpochSecond(START.getEpochSecond()));
  }

  @Test
  void epochDay_matchesJavaTimeAcrossAYear() {
    for (long day = 0; day < 400; day++) {
      long nanos = TimeUnits.days(day) + TimeUnits.hours(7);
      Instant instant = START.plusNanos(nanos);
      assertEquals(
          instant.atZone(ZoneOffset.UTC).toLocalDate().toEpochDay(),
          utc.epochDay(nanos),
          instant.toString());
    }
  }

  @Test
  void epochDay_atElapsedZero_isTheStartsDay() {
    assertEquals(
        LocalDate.of(2025, 1, 1).toEpochDay(),
        new UtcCalendar(Instant.parse("2025-01-01T00:00:00Z")).epochDay(0));
  }
}
