package dev.awssim.internal.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.awssim.engine.metrics.Datapoint;
import dev.awssim.engine.metrics.Dimensions;
import dev.awssim.engine.metrics.MetricKey;
import dev.awssim.engine.metrics.Statistic;
import dev.awssim.engine.time.VirtualClock;
import dev.awssim.internal.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTest {
  private final Object lock = new Object();
  private final Scheduler scheduler = new Scheduler(VirtualClock.DEFAULT_START, lock);
  private final VirtualClock clock = scheduler.clock();
  private final MetricRecorder metrics = new MetricRecorder(clock, lock);
  private final MetricKey sent =
      new MetricKey("AWS/SQS", "NumberOfMessagesSent", Dimensions.of("QueueName", "orders"));

  @Test
  void statisticsPerSecondAndPerMinute() {
    MetricSeries series = metrics.series(sent);
    series.record(1);
    series.record(3);
    scheduler.advanceBy(Duration.ofSeconds(1));
    series.record(5);
    scheduler.advanceBy(Duration.ofSeconds(60));
    series.record(2);

    Instant start = clock.start();
    List<Datapoint> perSecond =
        metrics.getMetricStatistics(sent, start, clock.now().plusSeconds(1), Duration.ofSeconds(1));
    assertEquals(3, perSecond.size());
    Datapoint first = perSecond.get(0);
    assertEquals(start, first.timestamp());
    assertEquals(4, first.sum());
    assertEquals(2, first.average());
    assertEquals(1, first.minimum());
    assertEquals(3, first.maximum());
    assertEquals(2, first.sampleCount());

    List<Datapoint> perMinute =
        metrics.getMetricStatistics(sent, start, clock.now().plusSeconds(1), Duration.ofMinutes(1));
    assertEquals(2, perMinute.size());
    assertEquals(9, perMinute.get(0).sum());
    assertEquals(3, perMinute.get(0).sampleCount());
    assertEquals(5, perMinute.get(0).get(Statistic.MAXIMUM));
    assertEquals(2, perMinute.get(1).sum());
    assertEquals(11, metrics.total(sent));
  }

  @Test
  void queryByTimeRange_isHalfOpen() {
    metrics.series(sent).record(1);
    scheduler.advanceBy(Duration.ofSeconds(10));
    metrics.series(sent).record(1);

    Instant start = clock.start();
    assertEquals(1, metrics.sum(sent, start, start.plusSeconds(10)));
    assertEquals(2, metrics.sum(sent, start, start.plusSeconds(11)));
  }

  @Test
  void recordingHoldingTheLockCountsLikeRecording() {
    MetricSeries series = metrics.series(sent);
    series.record(2);
    synchronized (lock) {
      series.recordHoldingLock(3);
    }
    Instant start = clock.start();
    assertEquals(5, metrics.sum(sent, start, start.plusSeconds(1)));
  }

  @Test
  void aClockStartingMidSecondFillsEpochSecondsNotSecondsSinceStart() {
    Object lock = new Object();
    Scheduler scheduler = new Scheduler(Instant.parse("2025-01-01T00:00:00.600Z"), lock);
    VirtualClock clock = scheduler.clock();
    MetricRecorder metrics = new MetricRecorder(clock, lock);
    MetricSeries series = metrics.series(sent);
    series.record(1); // 00:00:00.600
    scheduler.advanceBy(Duration.ofMillis(399));
    series.record(2); // 00:00:00.999, same epoch second
    scheduler.advanceBy(Duration.ofMillis(1));
    series.record(4); // 00:00:01.000, the next one
    scheduler.advanceBy(Duration.ofMillis(999));
    series.record(8); // 00:00:01.999

    Instant second = Instant.parse("2025-01-01T00:00:00Z");
    assertEquals(3, metrics.sum(sent, second, second.plusSeconds(1)));
    assertEquals(12, metrics.sum(sent, second.plusSeconds(1), second.plusSeconds(2)));
  }

  @Test
  void dimensionsAreASet() {
    assertEquals(Dimensions.of("A", "1", "B", "2"), Dimensions.of("B", "2", "A", "1"));
  }

  @Test
  void badQuery_isRejectedNamingTheArgument() {
    Instant start = clock.start();
    assertThrows(
        IllegalArgumentException.class,
        () -> metrics.getMetricStatistics(sent, start, start, Duration.ofMillis(500)));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            metrics.getMetricStatistics(sent, start.plusSeconds(1), start, Duration.ofSeconds(1)));
    assertThrows(NullPointerException.class, () -> new MetricKey(null, "x", Dimensions.none()));
  }

  @Test
  void listMetrics_inFirstRecordedOrder() {
    metrics.record("AWS/Kinesis", "IncomingRecords", Dimensions.of("StreamName", "s"), 1);
    metrics.series(sent).record(1);
    assertEquals(2, metrics.listMetrics().size());
    assertEquals(List.of(sent), metrics.listMetrics("AWS/SQS"));
  }
}
