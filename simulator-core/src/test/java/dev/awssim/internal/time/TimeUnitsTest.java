package dev.awssim.internal.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimeUnitsTest {
  @Test
  void conversions_agreeWithJavaTime() {
    assertEquals(Duration.ofMillis(1_500).toNanos(), TimeUnits.millis(1_500));
    assertEquals(Duration.ofSeconds(30).toNanos(), TimeUnits.seconds(30));
    assertEquals(Duration.ofMinutes(5).toNanos(), TimeUnits.minutes(5));
    assertEquals(Duration.ofHours(24).toNanos(), TimeUnits.hours(24));
    assertEquals(Duration.ofDays(14).toNanos(), TimeUnits.days(14));
    assertEquals(Duration.ofDays(1).toSeconds(), TimeUnits.SECONDS_PER_DAY);
    assertEquals(Duration.ofHours(1).toSeconds(), TimeUnits.SECONDS_PER_HOUR);
    assertEquals(Duration.ofMinutes(1).toNanos(), TimeUnits.NANOS_PER_MINUTE);
    assertEquals(Duration.ofNanos(1_000).toNanos(), TimeUnits.NANOS_PER_MICROSECOND);
  }

  @Test
  void conversions_overflow_throwInsteadOfWrapping() {
    assertThrows(ArithmeticException.class, () -> TimeUnits.days(106_752));
    assertEquals(Duration.ofDays(106_751).toNanos(), TimeUnits.days(106_751));
  }

  @Test
  void floors_roundTowardsNegativeInfinity() {
    assertEquals(0, TimeUnits.toSecondsFloor(999_999_999));
    assertEquals(1, TimeUnits.toSecondsFloor(1_000_000_000));
    assertEquals(-1, TimeUnits.toSecondsFloor(-1));
    assertEquals(-1, TimeUnits.toMillisFloor(-1));
    assertEquals(2, TimeUnits.toMillisFloor(2_999_999));
  }
}
