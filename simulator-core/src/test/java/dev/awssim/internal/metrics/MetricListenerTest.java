package dev.awssim.internal.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.engine.metrics.Dimensions;
import dev.awssim.engine.metrics.MetricKey;
import dev.awssim.engine.metrics.MetricsRetention;
import dev.awssim.engine.time.Cancellable;
import dev.awssim.engine.time.VirtualClock;
import dev.awssim.internal.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricListenerTest {
  private final Object lock = new Object();
  private final Scheduler scheduler = new Scheduler(VirtualClock.DEFAULT_START, lock);
  private final VirtualClock clock = scheduler.clock();
  private final MetricKey sent =
      new MetricKey("AWS/SQS", "NumberOfMessagesSent", Dimensions.of("QueueName", "orders"));

  @Test
  void subscribe_recordedValues_toldInOrderWithTheirVirtualInstant() {
    MetricRecorder metrics = new MetricRecorder(clock, lock);
    List<String> told = new ArrayList<>();
    metrics.subscribe((key, at, value) -> told.add(key.metricName() + " " + at + " " + value));

    metrics.series(sent).record(1);
    scheduler.advanceBy(Duration.ofMillis(1_500));
    metrics.record("AWS/SQS", "NumberOfMessagesSent", Dimensions.of("QueueName", "orders"), 3);

    assertEquals(
        List.of(
            "NumberOfMessagesSent " + clock.start() + " 1.0",
            "NumberOfMessagesSent " + clock.start().plusMillis(1_500) + " 3.0"),
        told);
  }

  @Test
  void subscribe_afterCancel_toldNothingMore() {
    MetricRecorder metrics = new MetricRecorder(clock, lock);
    List<Double> told = new ArrayList<>();
    Cancellable subscription = metrics.subscribe((key, at, value) -> told.add(value));
    metrics.series(sent).record(1);

    subscription.cancel();
    metrics.series(sent).record(2);

    assertEquals(List.of(1.0), told);
    assertTrue(subscription.isCancelled());
  }

  @Test
  void subscribe_recordingSwitchedOff_toldNothing() {
    MetricRecorder metrics = new MetricRecorder(clock, lock, false, MetricsRetention.cloudWatch());
    List<Double> told = new ArrayList<>();
    metrics.subscribe((key, at, value) -> told.add(value));

    metrics.series(sent).record(1);

    assertEquals(List.of(), told);
  }
}
