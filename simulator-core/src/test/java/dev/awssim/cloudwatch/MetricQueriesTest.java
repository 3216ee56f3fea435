package dev.awssim.cloudwatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import dev.awssim.engine.metrics.Dimensions;
import dev.awssim.engine.metrics.MetricKey;
import dev.awssim.engine.metrics.Statistic;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PutMetricData, GetMetricStatistics and ListMetrics at AWS's limits. */
class MetricQueriesTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(13);
  private final CloudWatch cw = sim.cloudWatch();
  private final Instant t0 = sim.clock().start();

  private static String code(Runnable r) {
    return assertThrows(CloudWatchException.class, r::run).errorCode();
  }

  private GetMetricStatisticsRequest stats(
      String name, Instant start, Instant end, int period, List<String> extended) {
    return new GetMetricStatisticsRequest(
        "App",
        name,
        List.of(),
        start,
        end,
        period,
        extended.isEmpty() ? List.of(Statistic.SUM, Statistic.SAMPLE_COUNT) : List.of(),
        extended,
        null);
  }

  @Test
  void putMetricData_storageResolution1Or60_accepted_otherRejected() {
    MetricDatum hi = new MetricDatum("M", null, 1.0, null, null, null, 1, null, null);
    MetricDatum std = new MetricDatum("M", null, 1.0, null, null, null, 60, null, null);
    MetricDatum bad = new MetricDatum("M", null, 1.0, null, null, null, 30, null, null);
    cw.putMetricData("App", List.of(hi, std));
    assertEquals("InvalidParameterValue", code(() -> cw.putMetricData("App", List.of(bad))));
    assertEquals(2.0, sim.metrics().total(new MetricKey("App", "M", Dimensions.none())));
  }

  @Test
  void putMetricData_exactly1MB_accepted_oneByteMore_requestEntityTooLarge() {
    List<MetricDatum> big = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      big.add(MetricDatum.of("m" + "x".repeat(950), List.of(), 1.0));
    }
    long short_ = CloudWatchLimits.MAX_PUT_REQUEST_BYTES - MetricQueries.requestBytes("App", big);
    big.set(0, MetricDatum.of("m" + "x".repeat(950 + (int) short_), List.of(), 1.0));
    assertEquals(CloudWatchLimits.MAX_PUT_REQUEST_BYTES, MetricQueries.requestBytes("App", big));
    List<MetricDatum> over = new ArrayList<>(big);
    over.set(1, MetricDatum.of("m" + "x".repeat(951), List.of(), 1.0));

    CloudWatchException e =
        assertThrows(CloudWatchException.class, () -> cw.putMetricData("App", over));
    cw.putMetricData("App", big);

    assertEquals("RequestEntityTooLarge", e.errorCode());
    assertEquals(413, e.statusCode());
  }

  @Test
  void putMetricData_duplicateDimension_rejected_nothingRecorded() {
    MetricDatum ok = MetricDatum.of("A", List.of(new Dimension("d", "1")), 1.0);
    MetricDatum dup =
        MetricDatum.of("B", List.of(new Dimension("d", "1"), new Dimension("d", "2")), 1.0);
    assertEquals("InvalidParameterValue", code(() -> cw.putMetricData("App", List.of(ok, dup))));
    assertTrue(sim.metrics().listMetrics("App").isEmpty());
  }

  @Test
  void getMetricStatistics_1440Datapoints_accepted_1441_rejected() {
    cw.getMetricStatistics(stats("M", t0, t0.plusSeconds(1440 * 60L), 60, List.of()));
    assertEquals(
        "InvalidParameterCombination",
        code(
            () ->
                cw.getMetricStatistics(stats("M", t0, t0.plusSeconds(1441 * 60L), 60, List.of()))));
  }

  @Test
  void getMetricStatistics_periods_1_5_10_20_30_60_120_accepted_45_90_rejected() {
    for (int p : new int[] {1, 5, 10, 20, 30, 60, 120}) {
      cw.getMetricStatistics(stats("M", t0, t0.plusSeconds(600), p, List.of()));
    }
    for (int p : new int[] {45, 90, 0}) {
      assertEquals(
          "InvalidParameterValue",
          code(() -> cw.getMetricStatistics(stats("M", t0, t0.plusSeconds(600), p, List.of()))));
    }
  }

  @Test
  void getMetricStatistics_bothOrNeitherStatistics_invalidCombination_endNotAfterStart_invalid() {
    assertEquals(
        "InvalidParameterCombination",
        code(
            () ->
                cw.getMetricStatistics(
                    new GetMetricStatisticsRequest(
                        "App",
                        "M",
                        null,
                        t0,
                        t0.plusSeconds(60),
                        60,
                        List.of(Statistic.SUM),
                        List.of("p99"),
                        null))));
    assertEquals(
        "InvalidParameterValue",
        code(() -> cw.getMetricStatistics(stats("M", t0, t0, 60, List.of()))));
    assertEquals(
        "InvalidParameterValue",
        code(
            () -> cw.getMetricStatistics(stats("M", t0, t0.plusSeconds(60), 60, List.of("tm99")))));
  }

  @Test
  void getMetricStatistics_percentiles_nearestRankOverRawValues() {
    List<Double> values = new ArrayList<>();
    for (int i = 1; i <= 100; i++) {
      values.add((double) i);
    }
    Collections.reverse(values);
    cw.putMetricData(
        "App",
        List.of(new MetricDatum("Latency", null, null, values, null, null, null, null, null)));

    StatisticsDatapoint p =
        cw.getMetricStatistics(
                stats(
                    "Latency", t0, t0.plusSeconds(60), 60, List.of("p50", "p99", "p99.5", "p100")))
            .get(0);

    assertEquals(
        Map.of("p50", 50.0, "p99", 99.0, "p99.5", 100.0, "p100", 100.0), p.extendedStatistics());
  }

  @Test
  void getMetricStatistics_percentile_statisticSetWithMinBelowMax_none_negativeValue_none() {
    cw.putMetricData(
        "App",
        List.of(
            new MetricDatum(
                "Set",
                null,
                null,
                null,
                null,
                new StatisticSet(4.0, 20.0, 2.0, 8.0),
                null,
                null,
                null),
            new MetricDatum(
                "Same",
                null,
                null,
                null,
                null,
                new StatisticSet(3.0, 12.0, 4.0, 4.0),
                null,
                null,
                null),
            new MetricDatum("Neg", null, null, List.of(-1.0, 5.0), null, null, null, null, null)));

    assertTrue(
        cw.getMetricStatistics(stats("Set", t0, t0.plusSeconds(60), 60, List.of("p50")))
            .get(0)
            .extendedStatistics()
            .isEmpty());
    assertEquals(
        4.0,
        cw.getMetricStatistics(stats("Same", t0, t0.plusSeconds(60), 60, List.of("p50")))
            .get(0)
            .extendedStatistics()
            .get("p50"));
    assertTrue(
        cw.getMetricStatistics(stats("Neg", t0, t0.plusSeconds(60), 60, List.of("p50")))
            .get(0)
            .extendedStatistics()
            .isEmpty());
  }

  @Test
  void getMetricStatistics_serviceMetric_queryable() {
    String url = sim.sqs().createQueue("orders");
    sim.sqs().sendMessage(url, "a");
    sim.sqs().sendMessage(url, "b");

    List<StatisticsDatapoint> points =
        cw.getMetricStatistics(
            new GetMetricStatisticsRequest(
                "AWS/SQS",
                "NumberOfMessagesSent",
                List.of(new Dimension("QueueName", "orders")),
                t0,
                t0.plusSeconds(60),
                60,
                List.of(Statistic.SUM),
                null,
                null));

    assertEquals(2.0, points.get(0).statistics().get(Statistic.SUM));
  }

  @Test
  void listMetrics_filtersByNamespaceNameAndDimension_paged500() {
    List<MetricDatum> data = new ArrayList<>();
    for (int i = 0; i < 501; i++) {
      data.add(MetricDatum.of("M", List.of(new Dimension("Shard", "s" + i)), 1.0));
    }
    cw.putMetricData("App", data);
    cw.putMetricData("Other", List.of(MetricDatum.of("M", List.of(), 1.0)));

    ListMetricsResult first = cw.listMetrics(new ListMetricsRequest("App", "M", null, false, null));
    ListMetricsResult second =
        cw.listMetrics(new ListMetricsRequest("App", "M", null, false, first.nextToken()));
    assertEquals(500, first.metrics().size());
    assertEquals(1, second.metrics().size());
    assertNull(second.nextToken());
    assertEquals(
        List.of(new MetricKey("App", "M", Dimensions.of("Shard", "s7"))),
        cw.listMetrics(
                new ListMetricsRequest(
                    null, null, List.of(new DimensionFilter("Shard", "s7")), false, null))
            .metrics());
    assertEquals(
        500,
        cw.listMetrics(
                new ListMetricsRequest(
                    null, null, List.of(new DimensionFilter("Shard", null)), false, null))
            .metrics()
            .size());
    assertEquals(
        0,
        cw.listMetrics(
                new ListMetricsRequest(
                    "Other", null, List.of(new DimensionFilter("Shard", null)), false, null))
            .metrics()
            .size());
  }

  @Test
  void listMetrics_recentlyActive_dataWithinThreeHours() {
    cw.putMetricData("App", List.of(MetricDatum.of("Old", List.of(), 1.0)));
    sim.advanceBy(Duration.ofHours(3).minusSeconds(1));
    cw.putMetricData("App", List.of(MetricDatum.of("New", List.of(), 1.0)));
    assertEquals(2, recentlyActive());
    sim.advanceBy(Duration.ofSeconds(61));
    assertEquals(1, recentlyActive());
  }

  private int recentlyActive() {
    return cw.listMetrics(new ListMetricsRequest("App", null, null, true, null)).metrics().size();
  }

  @Test
  void describeAlarms_sortedByName_prefixStateAndPaging() {
    for (String n : List.of("b", "a", "c2", "c1")) {
      cw.putMetricAlarm(PutMetricAlarmRequest.builder(n, "App", "M", Dimensions.none()).build());
    }
    DescribeAlarmsResult page =
        cw.describeAlarms(new DescribeAlarmsRequest(null, null, null, null, 3, null));
    assertEquals(
        List.of("a", "b", "c1"),
        page.metricAlarms().stream().map(a -> a.definition().alarmName()).toList());
    assertEquals(
        1,
        cw.describeAlarms(new DescribeAlarmsRequest(null, null, null, null, 3, page.nextToken()))
            .metricAlarms()
            .size());
    assertEquals(
        2,
        cw.describeAlarms(
                new DescribeAlarmsRequest(
                    null, "c", AlarmState.INSUFFICIENT_DATA, null, null, null))
            .metricAlarms()
            .size());
    assertEquals(
        "InvalidParameterCombination",
        code(
            () ->
                cw.describeAlarms(
                    new DescribeAlarmsRequest(List.of("a"), "c", null, null, null, null))));
    assertEquals(
        1,
        cw.describeAlarmsForMetric(new MetricKey("App", "M", Dimensions.none()), null, null, 60)
                .size()
            / 4);
  }
}
