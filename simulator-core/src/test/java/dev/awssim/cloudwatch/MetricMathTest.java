package dev.awssim.cloudwatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import dev.awssim.engine.metrics.Dimensions;
import dev.awssim.engine.metrics.MetricKey;
import dev.awssim.internal.SimulatorAccess;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GetMetricData: metric statistics, metric math, ReturnData, labels, paging. */
class MetricMathTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(17);
  private final CloudWatch cw = sim.cloudWatch();
  private final Instant t0 = sim.clock().start();
  private final MetricKey errors = new MetricKey("App", "Errors", Dimensions.none());
  private final MetricKey calls = new MetricKey("App", "Calls", Dimensions.none());

  /** Minute i (0..3): errors = i (none in minute 2), calls = 10. */
  private void data() {
    for (int i = 0; i < 4; i++) {
      sim.advanceTo(t0.plusSeconds(60L * i));
      if (i != 2) {
        SimulatorAccess.context(sim).metrics().record("App", "Errors", Dimensions.none(), i);
      }
      SimulatorAccess.context(sim).metrics().record("App", "Calls", Dimensions.none(), 10);
    }
    sim.advanceTo(t0.plusSeconds(240));
  }

  private MetricDataQuery m(String id, MetricKey key) {
    return MetricDataQuery.metric(id, new MetricStat(key, 60, "Sum", null)).withReturnData(false);
  }

  private MetricDataResult only(String expression) {
    List<MetricDataQuery> q = new ArrayList<>();
    q.add(m("e", errors));
    q.add(m("c", calls));
    q.add(MetricDataQuery.expression("x", expression));
    GetMetricDataResult r =
        cw.getMetricData(
            new GetMetricDataRequest(
                q, t0, t0.plusSeconds(240), ScanBy.TIMESTAMP_ASCENDING, null, null));
    assertEquals(1, r.results().size());
    return r.results().get(0);
  }

  @Test
  void getMetricData_arithmetic_atTimestampsBothSeriesHave() {
    data();
    MetricDataResult r = only("100 * e / c");
    assertEquals(List.of(0.0, 10.0, 30.0), r.values());
    assertEquals(List.of(t0, t0.plusSeconds(60), t0.plusSeconds(180)), r.timestamps());
    assertEquals("x", r.label());
  }

  @Test
  void getMetricData_fill_rate_diff_if_sumOfArray() {
    data();
    assertEquals(List.of(0.0, 1.0, 0.0, 3.0), only("FILL(e, 0)").values());
    assertEquals(List.of(0.0, 1.0, 1.0, 3.0), only("FILL(e, REPEAT)").values());
    assertEquals(List.of(1.0, 2.0), only("DIFF(e)").values());
    assertEquals(List.of(1.0 / 60, 2.0 / 120), only("RATE(e)").values());
    assertEquals(List.of(10.0, 11.0, 10.0, 13.0), only("SUM([e, c])").values());
    assertEquals(List.of(4.0, 4.0, 4.0, 4.0), only("SUM(e)").values());
    assertEquals(List.of(0.0, 100.0, 100.0), only("IF(e > 0, 100, 0)").values());
    assertEquals(
        List.of(-1.0, -3.0), only("IF(e >= 1 AND e != 2, -e + 2 * e ^ 1 - 2 * e)").values());
  }

  @Test
  void getMetricData_unknownFunctionOrId_invalidParameterValue() {
    data();
    CloudWatchException e = assertThrows(CloudWatchException.class, () -> only("FOO(e)"));
    assertEquals("InvalidParameterValue", e.errorCode());
    assertTrue(e.errorMessage().contains("Unknown function FOO"), e.errorMessage());
    assertEquals(
        "InvalidParameterValue",
        assertThrows(CloudWatchException.class, () -> only("e + nope")).errorCode());
    assertEquals(
        "InvalidParameterValue",
        assertThrows(CloudWatchException.class, () -> only("(e + c")).errorCode());
  }

  @Test
  void getMetricData_badIdOrBothStatAndExpression_rejected() {
    assertEquals(
        "InvalidParameterValue",
        assertThrows(
                CloudWatchException.class,
                () ->
                    cw.getMetricData(
                        GetMetricDataRequest.of(
                            List.of(MetricDataQuery.expression("Upper", "1")),
                            t0,
                            t0.plusSeconds(60))))
            .errorCode());
    assertEquals(
        "InvalidParameterCombination",
        assertThrows(
                CloudWatchException.class,
                () ->
                    cw.getMetricData(
                        GetMetricDataRequest.of(
                            List.of(
                                new MetricDataQuery(
                                    "a",
                                    new MetricStat(errors, 60, "Sum", null),
                                    "1",
                                    null,
                                    null,
                                    null)),
                            t0,
                            t0.plusSeconds(60))))
            .errorCode());
  }

  @Test
  void getMetricData_newestFirstByDefault_labelDefaultsToMetricName_pagedByMaxDatapoints() {
    data();
    List<MetricDataQuery> q =
        List.of(MetricDataQuery.metric("c", new MetricStat(calls, 60, "Sum", null)));
    GetMetricDataResult all = cw.getMetricData(GetMetricDataRequest.of(q, t0, t0.plusSeconds(240)));
    assertEquals(t0.plusSeconds(180), all.results().get(0).timestamps().get(0));
    assertEquals("Calls", all.results().get(0).label());

    GetMetricDataResult first =
        cw.getMetricData(new GetMetricDataRequest(q, t0, t0.plusSeconds(240), null, 3, null));
    GetMetricDataResult second =
        cw.getMetricData(
            new GetMetricDataRequest(q, t0, t0.plusSeconds(240), null, 3, first.nextToken()));
    assertEquals("PartialData", first.results().get(0).statusCode());
    assertEquals(3, first.results().get(0).values().size());
    assertEquals(List.of(t0), second.results().get(0).timestamps());
    assertEquals(null, second.nextToken());
    assertEquals(Duration.ZERO, Duration.between(t0, second.results().get(0).timestamps().get(0)));
  }
}
