package dev.awssim.cloudwatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import dev.awssim.engine.metrics.Dimensions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Alarms on a percentile, and EvaluateLowSampleCountPercentile at AWS's sample counts. */
class PercentileAlarmTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(19);
  private final CloudWatch cw = sim.cloudWatch();

  private void alarm(String low) {
    cw.putMetricAlarm(
        PutMetricAlarmRequest.builder("slow", "App", "Latency", Dimensions.none())
            .extendedStatistic("p99")
            .threshold(500)
            .evaluateLowSampleCountPercentile(low)
            .build());
  }

  /** {@code n} samples in the first minute: all 100 except the top 1% at 900. */
  private void samples(int n) {
    sim.advanceTo(sim.clock().start().plusSeconds(1));
    List<Double> values = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      values.add(i >= n - n / 100 - 1 ? 900.0 : 100.0);
    }
    for (int from = 0; from < n; from += 150) {
      cw.putMetricData(
          "App",
          List.of(
              new MetricDatum(
                  "Latency",
                  null,
                  null,
                  values.subList(from, Math.min(n, from + 150)),
                  null,
                  null,
                  null,
                  null,
                  null)));
    }
    sim.advanceTo(sim.clock().start().plusSeconds(60));
  }

  private AlarmState state() {
    return cw.describeAlarms(List.of("slow")).get(0).stateValue();
  }

  @Test
  void lowSampleCount_p99_needs1000Samples() {
    assertTrue(Statistics.lowSampleCount(99, 999));
    assertFalse(Statistics.lowSampleCount(99, 1000));
    assertTrue(Statistics.lowSampleCount(10, 99));
    assertFalse(Statistics.lowSampleCount(10, 100));
  }

  @Test
  void percentileAlarm_ignore_999Samples_keepsState() {
    alarm("ignore");
    samples(999);
    assertEquals(AlarmState.INSUFFICIENT_DATA, state());
  }

  @Test
  void percentileAlarm_ignore_1000Samples_evaluated_alarm() {
    alarm("ignore");
    samples(1000);
    assertEquals(AlarmState.ALARM, state());
  }

  @Test
  void percentileAlarm_evaluate_999Samples_evaluated_alarm() {
    alarm("evaluate");
    samples(999);
    assertEquals(AlarmState.ALARM, state());
  }

  @Test
  void putMetricAlarm_statisticAndExtended_orBadPercentile_rejected() {
    assertEquals(
        "InvalidParameterCombination",
        assertThrows(
                CloudWatchException.class,
                () ->
                    cw.putMetricAlarm(
                        PutMetricAlarmRequest.builder("a", "App", "M", Dimensions.none())
                            .statistic(null)
                            .build()))
            .errorCode());
    assertEquals(
        "InvalidParameterValue",
        assertThrows(
                CloudWatchException.class,
                () ->
                    cw.putMetricAlarm(
                        PutMetricAlarmRequest.builder("a", "App", "M", Dimensions.none())
                            .extendedStatistic("p101")
                            .build()))
            .errorCode());
  }
}
