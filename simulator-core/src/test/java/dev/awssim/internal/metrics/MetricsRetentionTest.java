package dev.awssim.internal.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.engine.metrics.Datapoint;
import dev.awssim.engine.metrics.Dimensions;
import dev.awssim.engine.metrics.MetricKey;
import dev.awssim.engine.metrics.MetricsRetention;
import dev.awssim.engine.time.VirtualClock;
import dev.awssim.internal.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CloudWatch's retention (1-second data 3 h, 1-minute 15 days, 5-minute 63 days, 1-hour 455 days),
 * at the boundary instants: a data point stamped t is readable strictly before t + retention.
 */
class MetricsRetentionTest {
  private static final Duration SECOND = Duration.ofSeconds(1);
  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
  private static final Duration HOUR = Duration.ofHours(1);

  private final Object lock = new Object();
  private final Scheduler scheduler = new Scheduler(VirtualClock.DEFAULT_START, lock);
  private final VirtualClock clock = scheduler.clock();
  private final MetricRecorder metrics = new MetricRecorder(clock, lock);
  private final MetricKey sent =
      new MetricKey("AWS/SQS", "NumberOfMessagesSent", Dimensions.of("QueueName", "orders"));
  private final Instant t0 = clock.start();

  private List<Datapoint> query(Duration period) {
    return metrics.getMetricStatistics(sent, t0, clock.now().plusSeconds(1), period);
  }

  private void advanceTo(Duration sinceStart) {
    scheduler.advanceTo(t0.plus(sinceStart));
  }

  @Test
  void defaults_areCloudWatchsDocumentedRetention() {
    MetricsRetention cw = MetricsRetention.cloudWatch();
    assertEquals(Duration.ofHours(3), cw.oneSecond());
    assertEquals(Duration.ofDays(15), cw.oneMinute());
    assertEquals(Duration.ofDays(63), cw.fiveMinutes());
    assertEquals(Duration.ofDays(455), cw.oneHour());
    assertEquals(cw, metrics.retention());
  }

  @Test
  void oneSecondDatapoint_readableJustBefore3Hours_goneAt3Hours() {
    metrics.series(sent).record(7);

    advanceTo(Duration.ofHours(3).minusNanos(1));
    assertEquals(List.of(new Datapoint(t0, 7, 7, 7, 1)), query(SECOND));

    advanceTo(Duration.ofHours(3));
    assertEquals(List.of(), query(SECOND));
    assertEquals(List.of(new Datapoint(t0, 7, 7, 7, 1)), query(MINUTE));
  }

  @Test
  void oneSecondDatapoint_expiresWithoutFurtherRecording_andWithIt() {
    MetricSeries series = metrics.series(sent);
    series.record(1);
    advanceTo(Duration.ofHours(3));
    series.record(2);

    List<Datapoint> perSecond = query(SECOND);

    assertEquals(1, perSecond.size());
    assertEquals(t0.plus(Duration.ofHours(3)), perSecond.get(0).timestamp());
    assertEquals(1, series.storedPeriods(1));
  }

  @Test
  void oneMinuteAggregates_readableAtDay14_rolledUpFromSeconds() {
    MetricSeries series = metrics.series(sent);
    series.record(1); // 00:00:00
    advanceTo(Duration.ofSeconds(30));
    series.record(5); // 00:00:30, same minute
    advanceTo(Duration.ofSeconds(60));
    series.record(2); // 00:01:00, the next minute

    advanceTo(Duration.ofDays(14));

    assertEquals(List.of(), query(SECOND));
    assertEquals(
        List.of(new Datapoint(t0, 6, 1, 5, 2), new Datapoint(t0.plusSeconds(60), 2, 2, 2, 1)),
        query(MINUTE));
    assertEquals(List.of(new Datapoint(t0, 8, 1, 5, 3)), query(HOUR));
    assertEquals(8, metrics.total(sent));
  }

  @Test
  void oneMinuteData_goneAt15Days_fiveMinuteDataStillThere() {
    metrics.series(sent).record(3);

    advanceTo(Duration.ofDays(15).minusNanos(1));
    assertEquals(1, query(MINUTE).size());

    advanceTo(Duration.ofDays(15));
    assertEquals(List.of(), query(MINUTE));
    assertEquals(List.of(new Datapoint(t0, 3, 3, 3, 1)), query(FIVE_MINUTES));
  }

  @Test
  void fiveMinuteData_goneAt63Days_hourDataGoneAt455Days() {
    metrics.series(sent).record(3);

    advanceTo(Duration.ofDays(63).minusNanos(1));
    assertEquals(1, query(FIVE_MINUTES).size());
    advanceTo(Duration.ofDays(63));
    assertEquals(List.of(), query(FIVE_MINUTES));
    assertEquals(1, query(HOUR).size());

    advanceTo(Duration.ofDays(455).minusNanos(1));
    assertEquals(1, query(HOUR).size());
    advanceTo(Duration.ofDays(455));
    assertEquals(List.of(), query(HOUR));
    assertEquals(0, metrics.total(sent));
  }

  @Test
  void aPeriodSpanningResolutions_mergesRecentSecondsWithOlderMinutes() {
    MetricSeries series = metrics.series(sent);
    scheduler.every(SECOND, () -> series.record(1));

    advanceTo(Duration.ofHours(4).minusNanos(1)); // 14,399 values: seconds 1 .. 14,399

    List<Datapoint> hours = query(HOUR);
    assertEquals(4, hours.size());
    assertEquals(3_599, hours.get(0).sum());
    assertEquals(3_600, hours.get(1).sum());
    assertEquals(3_600, hours.get(3).sum());
    assertEquals(14_399, metrics.total(sent));
    List<Datapoint> minutes = query(MINUTE);
    assertEquals(240, minutes.size());
    assertTrue(minutes.stream().skip(1).allMatch(d -> d.sum() == 60), minutes.toString());
  }

  @Test
  void aSeriesRecordingEverySecond_storesNoMoreThanItsRetentionHolds() {
    MetricSeries series = metrics.series(sent);
    scheduler.every(SECOND, () -> series.record(1));

    advanceTo(Duration.ofDays(16));

    assertEquals(3 * 3_600, series.storedPeriods(1));
    assertEquals(15 * 1_440, series.storedPeriods(60));
    assertEquals(16 * 288 + 1, series.storedPeriods(300)); // + the period holding the value at 16 d
    assertEquals(16 * 24 + 1, series.storedPeriods(3_600));
  }

  @Test
  void aSeriesRecordingEverySecond_atDay7_holdsRoomForItsPeriodsPlusAtMostTwoChunks() {
    MetricSeries series = metrics.series(sent);
    scheduler.every(SECOND, () -> series.record(1));

    advanceTo(Duration.ofDays(7));

    // 7 days of 1-minute periods (10,080), not a ring doubled to 16,384 (40 bytes a period).
    for (long resolution : new long[] {1, 60, 300, 3_600}) {
      int stored = series.storedPeriods(resolution);
      int capacity = series.storedCapacity(resolution);
      assertTrue(
          capacity <= stored + 2 * Rollup.CHUNK,
          resolution + " s: room for " + capacity + " periods, " + stored + " stored");
    }
    assertEquals(7 * 1_440 + 1, series.storedPeriods(60)); // + the period holding the value at 7 d
  }

  @Test
  void cappedRetention_dropsEverythingOlderThanTheCap() {
    MetricRecorder capped =
        new MetricRecorder(
            clock, lock, true, MetricsRetention.cloudWatch().capped(Duration.ofDays(1)));
    capped.series(sent).record(1);

    scheduler.advanceTo(t0.plus(Duration.ofDays(1)).minusNanos(1));
    assertEquals(1, capped.total(sent));
    scheduler.advanceTo(t0.plus(Duration.ofDays(1)));
    assertEquals(0, capped.total(sent));
    assertEquals(Duration.ofHours(3), capped.retention().oneSecond());
  }

  @Test
  void metricsSwitchedOff_recordNothing() {
    MetricRecorder off = new MetricRecorder(clock, lock, false, MetricsRetention.cloudWatch());
    off.series(sent).record(1);
    off.record("AWS/SQS", "NumberOfMessagesSent", Dimensions.of("QueueName", "orders"), 1);

    assertFalse(off.isEnabled());
    assertEquals(0, off.total(sent));
    assertEquals(List.of(), off.getMetricStatistics(sent, t0, t0.plusSeconds(1), SECOND));
  }

  @Test
  void badRetention_isRejectedNamingTheResolution() {
    IllegalArgumentException negative =
        assertThrows(
            IllegalArgumentException.class,
            () -> new MetricsRetention(Duration.ofSeconds(-1), MINUTE, MINUTE, MINUTE));
    assertTrue(negative.getMessage().contains("oneSecond"));
    assertThrows(
        IllegalArgumentException.class,
        () -> MetricsRetention.cloudWatch().capped(Duration.ofMillis(1_500)));
  }
}
