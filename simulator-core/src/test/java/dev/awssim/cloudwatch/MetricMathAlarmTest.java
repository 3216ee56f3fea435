package dev.awssim.cloudwatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import dev.awssim.engine.metrics.Dimensions;
import dev.awssim.engine.metrics.MetricKey;
import dev.awssim.engine.metrics.Statistic;
import dev.awssim.internal.SimulatorAccess;
import dev.awssim.sqs.Message;
import dev.awssim.sqs.ReceiveMessageRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Alarms on a metric math expression (PutMetricAlarm with {@code Metrics},
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html):
 * validated as AWS validates them, evaluated on the expression's result with the same M-of-N and
 * missing-data rules as an alarm on one metric.
 */
class MetricMathAlarmTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(31);
  private final CloudWatch cw = sim.cloudWatch();
  private final Instant t0 = sim.clock().start();
  private final MetricKey errors = new MetricKey("App", "Errors", Dimensions.none());
  private final MetricKey calls = new MetricKey("App", "Calls", Dimensions.none());

  private static MetricDataQuery stat(String id, MetricKey key, int period) {
    return MetricDataQuery.metric(id, new MetricStat(key, period, "Sum", null))
        .withReturnData(false);
  }

  private List<MetricDataQuery> errorRate() {
    return List.of(
        stat("m1", errors, 60),
        stat("m2", calls, 60),
        MetricDataQuery.expression("e1", "100 * m1 / m2").withReturnData(true));
  }

  private AlarmState state(String name) {
    return cw.describeAlarms(List.of(name)).get(0).stateValue();
  }

  private void record(MetricKey key, double v) {
    SimulatorAccess.context(sim)
        .metrics()
        .record(key.namespace(), key.metricName(), key.dimensions(), v);
  }

  private CloudWatchException refused(PutMetricAlarmRequest r) {
    CloudWatchException e = assertThrows(CloudWatchException.class, () -> cw.putMetricAlarm(r));
    assertTrue(cw.describeAlarms(List.of()).isEmpty(), "a refused alarm is not created");
    return e;
  }

  @Test
  void mathAlarm_errorRateOverThreshold_alarmsAtEndOfTheBreachingMinute() {
    cw.putMetricAlarm(
        PutMetricAlarmRequest.builder("error-rate", errorRate())
            .threshold(10)
            .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
            .build());
    // Minute [0, 60): 5 errors in 100 calls (5%); minute [60, 120): 20 in 100 (20%).
    record(calls, 100);
    record(errors, 5);
    sim.advanceTo(t0.plusSeconds(60));
    assertEquals(AlarmState.OK, state("error-rate"));
    record(calls, 100);
    record(errors, 20);
    sim.advanceTo(t0.plusSeconds(119));
    assertEquals(AlarmState.OK, state("error-rate"));
    sim.advanceTo(t0.plusSeconds(120));

    MetricAlarm a = cw.describeAlarms(List.of("error-rate")).get(0);
    assertEquals(AlarmState.ALARM, a.stateValue());
    assertEquals(t0.plusSeconds(120), a.stateUpdatedTimestamp());
  }

  @Test
  void mathAlarm_twoOfThree_alarmsExactlyAtEndOfTheSecondBreachingPeriod() {
    cw.putMetricAlarm(
        PutMetricAlarmRequest.builder("error-rate", errorRate())
            .evaluationPeriods(3)
            .datapointsToAlarm(2)
            .threshold(10)
            .build());
    for (int minute = 0; minute < 3; minute++) {
      sim.advanceTo(t0.plusSeconds(60L * minute));
      record(calls, 10);
      record(errors, minute == 1 ? 0 : 5);
    }
    sim.advanceTo(t0.plusSeconds(179));
    assertEquals(AlarmState.OK, state("error-rate"));
    sim.advanceTo(t0.plusSeconds(180));
    assertEquals(AlarmState.ALARM, state("error-rate"));
  }

  @Test
  void mathAlarm_fillZero_dynamoDbThrottles_backToOkAfterTheyStop_plainAlarmStaysInAlarm() {
    MetricKey throttled =
        new MetricKey("AWS/DynamoDB", "WriteThrottleEvents", Dimensions.of("TableName", "t"));
    cw.putMetricAlarm(
        PutMetricAlarmRequest.builder(
                "filled",
                List.of(
                    stat("m1", throttled, 60),
                    MetricDataQuery.expression("e1", "FILL(m1, 0)").withReturnData(true)))
            .threshold(1)
            .build());
    cw.putMetricAlarm(
        PutMetricAlarmRequest.builder(
                "plain", throttled.namespace(), throttled.metricName(), throttled.dimensions())
            .statistic(Statistic.SUM)
            .threshold(1)
            .treatMissingData(TreatMissingData.NOT_BREACHING)
            .build());
    sim.advanceTo(t0.plusSeconds(90));
    record(throttled, 1);
    sim.advanceTo(t0.plusSeconds(120));
    assertEquals(AlarmState.ALARM, state("filled"));
    assertEquals(AlarmState.ALARM, state("plain"));

    sim.advanceTo(t0.plusSeconds(180));

    // [120, 180) has no throttle: FILL makes it 0.
    assertEquals(AlarmState.OK, state("filled"));
    assertEquals(
        t0.plusSeconds(180), cw.describeAlarms(List.of("filled")).get(0).stateUpdatedTimestamp());
    // The plain alarm has no data after 120 s; CloudWatch ignores missing data of every
    // AWS/DynamoDB metric whatever TreatMissingData says (alarm-evaluation.html): it keeps ALARM.
    sim.advanceTo(t0.plusSeconds(3_600));
    assertEquals(AlarmState.ALARM, state("plain"));
    assertEquals(AlarmState.OK, state("filled"));
  }

  @Test
  void mathAlarm_actionPublishesTheMetricsInTheTrigger_describeReturnsThemAsGiven() {
    String topic = sim.sns().createTopic("alerts");
    String url = sim.sqs().createQueue("inbox");
    sim.sns().subscribe(topic, "sqs", sim.sqs().getQueueAttributes(url).get("QueueArn"));
    List<MetricDataQuery> given = errorRate();
    cw.putMetricAlarm(
        PutMetricAlarmRequest.builder("error-rate", given)
            .threshold(10)
            .alarmActions(List.of(topic))
            .build());
    record(calls, 10);
    record(errors, 10);
    sim.advanceTo(t0.plusSeconds(60));

    List<Message> got =
        sim.sqs().receiveMessage(ReceiveMessageRequest.builder(url).build()).messages();
    MetricAlarm a = cw.describeAlarms(List.of("error-rate")).get(0);
    assertEquals(given, a.definition().metrics());
    assertEquals(60, a.definition().effectivePeriodSeconds());
    assertEquals(1, got.size());
    String body = got.get(0).body();
    assertTrue(body.contains("\\\"Expression\\\":\\\"100 * m1 / m2\\\""), body);
    assertTrue(body.contains("\\\"NewStateValue\\\":\\\"ALARM\\\""), body);
  }

  @Test
  void putMetricAlarm_twoOrNoQueriesReturningData_validationError() {
    List<MetricDataQuery> two = new ArrayList<>(errorRate());
    two.set(0, two.get(0).withReturnData(true));
    List<MetricDataQuery> none = new ArrayList<>(errorRate());
    none.set(2, none.get(2).withReturnData(false));

    CloudWatchException e = refused(PutMetricAlarmRequest.builder("a", two).build());
    CloudWatchException f = refused(PutMetricAlarmRequest.builder("a", none).build());

    assertEquals("ValidationError", e.errorCode());
    assertEquals(400, e.statusCode());
    assertEquals("Exactly one element of the metrics list should return data.", e.errorMessage());
    assertEquals(e.errorMessage(), f.errorMessage());
  }

  @Test
  void putMetricAlarm_metricsWithStatisticOrPeriod_validationError() {
    CloudWatchException e =
        refused(PutMetricAlarmRequest.builder("a", errorRate()).statistic(Statistic.SUM).build());
    CloudWatchException f =
        refused(PutMetricAlarmRequest.builder("a", errorRate()).period(60).build());

    assertEquals("ValidationError", e.errorCode());
    assertEquals("Statistic should not be set if list of Metrics is set.", e.errorMessage());
    assertEquals("Period should not be set if list of Metrics is set.", f.errorMessage());
  }

  @Test
  void putMetricAlarm_tenMetricsAccepted_eleventhRefused() {
    List<MetricDataQuery> queries = new ArrayList<>();
    StringBuilder sum = new StringBuilder("0");
    for (int i = 1; i <= 10; i++) {
      queries.add(stat("m" + i, calls, 60));
      sum.append(" + m").append(i);
    }
    queries.add(MetricDataQuery.expression("e1", sum.toString()).withReturnData(true));
    cw.putMetricAlarm(PutMetricAlarmRequest.builder("ten", queries).build());
    List<MetricDataQuery> eleven = new ArrayList<>(queries);
    eleven.add(0, stat("m11", calls, 60));

    CloudWatchException e =
        assertThrows(
            CloudWatchException.class,
            () -> cw.putMetricAlarm(PutMetricAlarmRequest.builder("eleven", eleven).build()));

    assertEquals("ValidationError", e.errorCode());
    assertEquals(
        List.of("ten"),
        cw.describeAlarms(List.of()).stream().map(a -> a.definition().alarmName()).toList());
  }

  @Test
  void putMetricAlarm_tenExpressionsAccepted_eleventhRefused() {
    List<MetricDataQuery> queries = new ArrayList<>();
    queries.add(stat("m1", calls, 60));
    for (int i = 1; i <= 10; i++) {
      queries.add(MetricDataQuery.expression("e" + i, "m1 * " + i).withReturnData(i == 10));
    }
    cw.putMetricAlarm(PutMetricAlarmRequest.builder("ten", queries).build());
    List<MetricDataQuery> eleven = new ArrayList<>(queries);
    eleven.add(MetricDataQuery.expression("e11", "m1").withReturnData(false));

    CloudWatchException e =
        assertThrows(
            CloudWatchException.class,
            () -> cw.putMetricAlarm(PutMetricAlarmRequest.builder("eleven", eleven).build()));

    assertEquals("ValidationError", e.errorCode());
  }

  @Test
  void putMetricAlarm_metricsAtTwoPeriods_orAnUnknownFunction_validationError() {
    CloudWatchException periods =
        refused(
            PutMetricAlarmRequest.builder(
                    "a",
                    List.of(
                        stat("m1", errors, 60),
                        stat("m2", calls, 300),
                        MetricDataQuery.expression("e1", "m1 / m2").withReturnData(true)))
                .build());
    CloudWatchException function =
        refused(
            PutMetricAlarmRequest.builder(
                    "a",
                    List.of(
                        stat("m1", errors, 60),
                        MetricDataQuery.expression("e1", "ANOMALY_DETECTOR(m1)")
                            .withReturnData(true)))
                .build());
    CloudWatchException array =
        refused(
            PutMetricAlarmRequest.builder(
                    "a",
                    List.of(
                        stat("m1", errors, 60),
                        stat("m2", calls, 60),
                        MetricDataQuery.expression("e1", "[m1, m2]").withReturnData(true)))
                .build());

    assertEquals("ValidationError", periods.errorCode());
    assertEquals("ValidationError", function.errorCode());
    assertTrue(
        function.errorMessage().startsWith("Error in expression 'e1'"), function.errorMessage());
    assertEquals("ValidationError", array.errorCode());
  }
}
