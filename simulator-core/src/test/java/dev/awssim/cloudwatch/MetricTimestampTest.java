package dev.awssim.cloudwatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import dev.awssim.engine.metrics.Datapoint;
import dev.awssim.engine.metrics.Dimensions;
import dev.awssim.engine.metrics.MetricKey;
import dev.awssim.engine.metrics.Statistic;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PutMetricData's Timestamp (API_PutMetricData.html): a datum lands in the period of its own
 * timestamp, from two weeks before now to two hours after it; alarms read late data at their next
 * evaluation.
 */
class MetricTimestampTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(21);
  private final CloudWatch cw = sim.cloudWatch();
  private final Instant t0 = sim.clock().start();
  private final MetricKey key = new MetricKey("App", "Jobs", Dimensions.none());

  private static MetricDatum at(Instant timestamp, double value) {
    return new MetricDatum("Jobs", null, value, null, null, null, null, null, timestamp);
  }

  private List<Datapoint> perMinute(Instant from, Instant to) {
    return sim.metrics().getMetricStatistics(key, from, to, Duration.ofMinutes(1));
  }

  private CloudWatchException refused(Instant timestamp) {
    return assertThrows(
        CloudWatchException.class, () -> cw.putMetricData("App", List.of(at(timestamp, 1))));
  }

  @Test
  void putMetricData_pastTimestamp_landsInItsOwnPeriod() {
    sim.advanceBy(Duration.ofHours(1));
    Instant tenMinutesAgo = sim.clock().now().minus(Duration.ofMinutes(10));

    cw.putMetricData("App", List.of(at(tenMinutesAgo, 7), MetricDatum.of("Jobs", null, 1)));

    List<Datapoint> points = perMinute(t0, sim.clock().now().plusSeconds(60));
    assertEquals(2, points.size());
    assertEquals(tenMinutesAgo, points.get(0).timestamp());
    assertEquals(7.0, points.get(0).sum());
    assertEquals(sim.clock().now(), points.get(1).timestamp());
    assertEquals(1.0, points.get(1).sum());
  }

  @Test
  void putMetricData_pastTimestampBetweenRecordedPeriods_mergesWithTheirNeighbours() {
    cw.putMetricData("App", List.of(MetricDatum.of("Jobs", null, 1)));
    sim.advanceBy(Duration.ofMinutes(2));
    cw.putMetricData("App", List.of(MetricDatum.of("Jobs", null, 1)));
    sim.advanceBy(Duration.ofMinutes(1));

    cw.putMetricData("App", List.of(at(t0.plusSeconds(30), 2), at(t0.plusSeconds(60), 5)));

    List<Datapoint> points = perMinute(t0, sim.clock().now());
    assertEquals(3, points.size());
    assertEquals(3.0, points.get(0).sum());
    assertEquals(2, points.get(0).sampleCount());
    assertEquals(5.0, points.get(1).sum());
    assertEquals(t0.plusSeconds(60), points.get(1).timestamp());
    assertEquals(1.0, points.get(2).sum());
  }

  @Test
  void putMetricData_futureTimestamp_appearsInItsPeriod_notNow() {
    Instant inAnHour = t0.plus(Duration.ofHours(1));

    cw.putMetricData("App", List.of(at(inAnHour, 4)));
    sim.advanceBy(Duration.ofHours(1).plusMinutes(1));
    cw.putMetricData("App", List.of(at(inAnHour.plusSeconds(1), 1)));

    List<Datapoint> points = perMinute(t0, sim.clock().now());
    assertEquals(1, points.size());
    assertEquals(inAnHour, points.get(0).timestamp());
    assertEquals(5.0, points.get(0).sum());
  }

  @Test
  void putMetricData_justUnderTwoWeeksOld_accepted_exactlyTwoWeeks_invalidParameterValue() {
    sim.advanceBy(Duration.ofDays(15));
    Instant twoWeeksAgo = sim.clock().now().minus(Duration.ofDays(14));

    CloudWatchException e = refused(twoWeeksAgo);
    cw.putMetricData("App", List.of(at(twoWeeksAgo.plusMillis(1), 3)));

    assertEquals("InvalidParameterValue", e.errorCode());
    assertEquals(400, e.statusCode());
    assertEquals(
        "The parameter MetricData.member.1.Timestamp must specify a time within the past two"
            + " weeks.",
        e.errorMessage());
    assertEquals(3.0, sim.metrics().sum(key, twoWeeksAgo, sim.clock().now()));
  }

  @Test
  void putMetricData_exactlyTwoHoursAhead_accepted_oneMillisecondMore_invalidParameterValue() {
    Instant twoHoursAhead = t0.plus(Duration.ofHours(2));

    CloudWatchException e = refused(twoHoursAhead.plusMillis(1));
    cw.putMetricData("App", List.of(at(twoHoursAhead, 3)));

    assertEquals("InvalidParameterValue", e.errorCode());
    assertEquals(3.0, sim.metrics().sum(key, t0, twoHoursAhead.plusSeconds(1)));
  }

  @Test
  void putMetricData_oneTimestampOutOfRange_wholeRequestRefused_nothingRecorded() {
    CloudWatchException e =
        assertThrows(
            CloudWatchException.class,
            () -> cw.putMetricData("App", List.of(at(t0, 1), at(t0.plus(Duration.ofHours(3)), 1))));

    assertTrue(e.errorMessage().contains("MetricData.member.2.Timestamp"), e.errorMessage());
    assertTrue(sim.metrics().listMetrics("App").isEmpty());
  }

  @Test
  void putMetricData_highResolutionDatumOlderThanThreeHours_keptOnlyPerMinute() {
    sim.advanceBy(Duration.ofHours(4));
    Instant fourHoursAgo = t0.plusSeconds(10);

    cw.putMetricData(
        "App",
        List.of(new MetricDatum("Jobs", null, 2.0, null, null, null, 1, null, fourHoursAgo)));

    // One-second data is kept three hours: a 1 s period no longer holds it, a 60 s period does.
    assertTrue(
        sim.metrics()
            .getMetricStatistics(key, t0, t0.plusSeconds(60), Duration.ofSeconds(1))
            .isEmpty());
    assertEquals(2.0, perMinute(t0, t0.plusSeconds(60)).get(0).sum());
  }

  @Test
  void putMetricData_percentilesOfPastValues_inTheirPeriod() {
    sim.advanceBy(Duration.ofMinutes(10));
    Instant start = t0.plusSeconds(120);
    cw.putMetricData(
        "App",
        List.of(
            new MetricDatum(
                "Jobs", null, null, List.of(1.0, 2.0, 3.0, 4.0), null, null, null, null, start)));

    List<StatisticsDatapoint> p =
        cw.getMetricStatistics(
            new GetMetricStatisticsRequest(
                "App",
                "Jobs",
                List.of(),
                t0,
                sim.clock().now(),
                60,
                List.of(),
                List.of("p50"),
                null));

    assertEquals(1, p.size());
    assertEquals(start, p.get(0).timestamp());
    assertEquals(2.0, p.get(0).extendedStatistics().get("p50"));
  }

  @Test
  void alarm_lateDatum_countsInItsOwnPeriodAtTheNextEvaluation_notRetroactively() {
    cw.putMetricAlarm(
        PutMetricAlarmRequest.builder("jobs", "App", "Jobs", Dimensions.none())
            .statistic(Statistic.SUM)
            .period(60)
            .evaluationPeriods(2)
            .threshold(5)
            .build());
    sim.advanceTo(t0.plusSeconds(190));
    assertEquals(
        AlarmState.INSUFFICIENT_DATA, cw.describeAlarms(List.of("jobs")).get(0).stateValue());

    // At 190 s: one value measured at 150 s (the minute evaluated at 180 s) and one for now.
    cw.putMetricData("App", List.of(at(t0.plusSeconds(150), 9), MetricDatum.of("Jobs", null, 9)));
    sim.advanceTo(t0.plusSeconds(239));
    assertEquals(
        AlarmState.INSUFFICIENT_DATA, cw.describeAlarms(List.of("jobs")).get(0).stateValue());
    sim.advanceTo(t0.plusSeconds(240));

    // [120, 180) and [180, 240) both breach: 2 of 2.
    MetricAlarm a = cw.describeAlarms(List.of("jobs")).get(0);
    assertEquals(AlarmState.ALARM, a.stateValue());
    assertEquals(t0.plusSeconds(240), a.stateUpdatedTimestamp());
  }

  @Test
  void alarm_lateDatum_countsOnlyWhileItsPeriodIsInTheEvaluationRange() {
    cw.putMetricAlarm(
        PutMetricAlarmRequest.builder("jobs", "App", "Jobs", Dimensions.none())
            .statistic(Statistic.SUM)
            .period(60)
            .evaluationPeriods(1)
            .threshold(5)
            .treatMissingData(TreatMissingData.NOT_BREACHING)
            .build());
    sim.advanceTo(t0.plusSeconds(600));

    // N = 1: the evaluation range is 3 minutes; at 660 s it covers [480, 660).
    cw.putMetricData("App", List.of(at(t0.plusSeconds(470), 9)));
    sim.advanceTo(t0.plusSeconds(660));
    assertEquals(AlarmState.OK, cw.describeAlarms(List.of("jobs")).get(0).stateValue());
    cw.putMetricData("App", List.of(at(t0.plusSeconds(610), 9)));
    sim.advanceTo(t0.plusSeconds(720));
    assertEquals(AlarmState.ALARM, cw.describeAlarms(List.of("jobs")).get(0).stateValue());
  }
}
