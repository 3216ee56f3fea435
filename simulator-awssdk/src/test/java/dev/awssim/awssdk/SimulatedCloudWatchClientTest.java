package dev.awssim.awssdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.DashboardNotFoundErrorException;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.HistoryItemType;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterCombinationException;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterValueException;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MissingRequiredParameterException;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/** The CloudWatch sync and async clients over the simulator's metrics and alarms. */
class SimulatedCloudWatchClientTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(23);
  private final SimulatedAws aws = SimulatedAws.from(sim);
  private final CloudWatchClient cw = aws.cloudWatchClient();
  private final Instant t0 = sim.clock().start();

  @Test
  void getMetricStatistics_serviceMetricAndPercentile_throughTheSdk() {
    String url = sim.sqs().createQueue("orders");
    sim.sqs().sendMessage(url, "a");
    sim.sqs().sendMessage(url, "b");
    cw.putMetricData(
        b -> b.namespace("App").metricData(m -> m.metricName("Latency").values(10.0, 20.0, 30.0)));

    List<Datapoint> sent =
        cw.getMetricStatistics(
                b ->
                    b.namespace("AWS/SQS")
                        .metricName("NumberOfMessagesSent")
                        .dimensions(Dimension.builder().name("QueueName").value("orders").build())
                        .startTime(t0)
                        .endTime(t0.plusSeconds(60))
                        .period(60)
                        .statistics(Statistic.SUM, Statistic.SAMPLE_COUNT))
            .datapoints();
    Datapoint latency =
        cw.getMetricStatistics(
                b ->
                    b.namespace("App")
                        .metricName("Latency")
                        .startTime(t0)
                        .endTime(t0.plusSeconds(60))
                        .period(60)
                        .extendedStatistics("p50"))
            .datapoints()
            .get(0);

    assertEquals(2.0, sent.get(0).sum());
    assertEquals(2.0, sent.get(0).sampleCount());
    assertEquals(20.0, latency.extendedStatistics().get("p50"));
  }

  @Test
  void putMetricData_timestamp_landsInItsPeriod_twoWeeksOld_invalidParameterValue() {
    sim.advanceBy(Duration.ofDays(15));
    Instant now = sim.clock().now();
    Instant hourAgo = now.minus(Duration.ofHours(1));
    cw.putMetricData(
        b -> b.namespace("App").metricData(m -> m.metricName("M").value(4.0).timestamp(hourAgo)));

    InvalidParameterValueException e =
        assertThrows(
            InvalidParameterValueException.class,
            () ->
                cw.putMetricData(
                    b ->
                        b.namespace("App")
                            .metricData(
                                m ->
                                    m.metricName("M")
                                        .value(1.0)
                                        .timestamp(now.minus(Duration.ofDays(14))))));

    List<Datapoint> points =
        cw.getMetricStatistics(
                b ->
                    b.namespace("App")
                        .metricName("M")
                        .startTime(now.minus(Duration.ofHours(2)))
                        .endTime(now)
                        .period(60)
                        .statistics(Statistic.SUM))
            .datapoints();
    assertEquals(1, points.size());
    assertEquals(hourAgo, points.get(0).timestamp());
    assertEquals(4.0, points.get(0).sum());
    assertEquals(400, e.statusCode());
    assertEquals(
        "The parameter MetricData.member.1.Timestamp must specify a time within the past two"
            + " weeks.",
        e.awsErrorDetails().errorMessage());
  }

  @Test
  void getMetricStatistics_1441Datapoints_invalidParameterCombination_badPeriod_invalidValue() {
    InvalidParameterCombinationException e =
        assertThrows(
            InvalidParameterCombinationException.class,
            () ->
                cw.getMetricStatistics(
                    b ->
                        b.namespace("App")
                            .metricName("M")
                            .startTime(t0)
                            .endTime(t0.plusSeconds(1441 * 60L))
                            .period(60)
                            .statistics(Statistic.SUM)));
    assertEquals(400, e.statusCode());
    assertEquals("InvalidParameterCombination", e.awsErrorDetails().errorCode());
    assertThrows(
        InvalidParameterValueException.class,
        () ->
            cw.getMetricStatistics(
                b ->
                    b.namespace("App")
                        .metricName("M")
                        .startTime(t0)
                        .endTime(t0.plusSeconds(60))
                        .period(45)
                        .statistics(Statistic.SUM)));
  }

  @Test
  void getMetricData_mathExpression_andListMetrics() {
    cw.putMetricData(
        b ->
            b.namespace("App")
                .metricData(
                    m -> m.metricName("Errors").value(2.0), m -> m.metricName("Calls").value(8.0)));
    GetMetricDataResponse r =
        cw.getMetricData(
            b ->
                b.startTime(t0)
                    .endTime(t0.plusSeconds(60))
                    .scanBy(ScanBy.TIMESTAMP_ASCENDING)
                    .metricDataQueries(
                        stat("e", "Errors"),
                        stat("c", "Calls"),
                        MetricDataQuery.builder()
                            .id("rate")
                            .expression("100 * e / c")
                            .label("Error %")
                            .build()));

    assertEquals(1, r.metricDataResults().size());
    assertEquals("Error %", r.metricDataResults().get(0).label());
    assertEquals(List.of(25.0), r.metricDataResults().get(0).values());
    assertEquals(2, cw.listMetrics(b -> b.namespace("App")).metrics().size());
    assertThrows(
        InvalidParameterValueException.class,
        () ->
            cw.getMetricData(
                b ->
                    b.startTime(t0)
                        .endTime(t0.plusSeconds(60))
                        .metricDataQueries(
                            stat("e", "Errors"),
                            MetricDataQuery.builder().id("x").expression("NOPE(e)").build())));
  }

  private static MetricDataQuery stat(String id, String name) {
    return MetricDataQuery.builder()
        .id(id)
        .returnData(false)
        .metricStat(s -> s.metric(m -> m.namespace("App").metricName(name)).period(60).stat("Sum"))
        .build();
  }

  @Test
  void putMetricAlarm_alarmOnThreeMinutes_describeAndHistory() {
    cw.putMetricAlarm(
        b ->
            b.alarmName("errors")
                .namespace("App")
                .metricName("Errors")
                .statistic(Statistic.SUM)
                .period(60)
                .evaluationPeriods(3)
                .threshold(1.0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD));
    for (int i = 0; i < 3; i++) {
      sim.advanceTo(t0.plusSeconds(60L * i + 1));
      cw.putMetricData(b -> b.namespace("App").metricData(m -> m.metricName("Errors").value(1.0)));
    }
    sim.advanceTo(t0.plusSeconds(179));
    assertEquals(StateValue.OK, alarm().stateValue());
    sim.advanceTo(t0.plusSeconds(180));

    MetricAlarm a = alarm();
    assertEquals(StateValue.ALARM, a.stateValue());
    assertEquals(t0.plusSeconds(180), a.stateUpdatedTimestamp());
    assertEquals(
        1,
        cw.describeAlarmsForMetric(b -> b.namespace("App").metricName("Errors"))
            .metricAlarms()
            .size());
    assertEquals(
        "Alarm updated from OK to ALARM",
        cw.describeAlarmHistory(
                b -> b.alarmName("errors").historyItemType(HistoryItemType.STATE_UPDATE))
            .alarmHistoryItems()
            .get(0)
            .historySummary());
    cw.disableAlarmActions(b -> b.alarmNames("errors"));
    assertEquals(false, alarm().actionsEnabled());
    cw.deleteAlarms(b -> b.alarmNames("errors"));
    assertTrue(cw.describeAlarms(b -> {}).metricAlarms().isEmpty());
  }

  @Test
  void putMetricAlarm_metricMath_evaluatedOnTheExpression_describedAsGiven_twoReturning400() {
    MetricDataQuery e1 =
        MetricDataQuery.builder().id("e1").expression("m1 + m2").returnData(true).build();
    List<MetricDataQuery> metrics = List.of(stat("m1", "Errors"), stat("m2", "Faults"), e1);
    cw.putMetricAlarm(
        b ->
            b.alarmName("errors")
                .metrics(metrics)
                .evaluationPeriods(1)
                .threshold(3.0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD));
    cw.putMetricData(
        b ->
            b.namespace("App")
                .metricData(
                    m -> m.metricName("Errors").value(2.0),
                    m -> m.metricName("Faults").value(1.0)));
    sim.advanceTo(t0.plusSeconds(59));
    assertEquals(StateValue.INSUFFICIENT_DATA, alarm().stateValue());
    sim.advanceTo(t0.plusSeconds(60));

    MetricAlarm a = alarm();
    software.amazon.awssdk.services.cloudwatch.model.CloudWatchException e =
        assertThrows(
            software.amazon.awssdk.services.cloudwatch.model.CloudWatchException.class,
            () ->
                cw.putMetricAlarm(
                    b ->
                        b.alarmName("two")
                            .metrics(stat("m1", "Errors").toBuilder().returnData(true).build(), e1)
                            .evaluationPeriods(1)
                            .threshold(3.0)
                            .comparisonOperator(
                                ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)));
    assertEquals(StateValue.ALARM, a.stateValue());
    assertEquals(List.of("m1", "m2", "e1"), a.metrics().stream().map(MetricDataQuery::id).toList());
    assertEquals(e1, a.metrics().get(2));
    assertEquals("Errors", a.metrics().get(0).metricStat().metric().metricName());
    assertEquals(false, a.metrics().get(0).returnData());
    assertEquals(null, a.metricName());
    assertEquals(400, e.statusCode());
    assertEquals("ValidationError", e.awsErrorDetails().errorCode());
    assertEquals(
        "Exactly one element of the metrics list should return data.",
        e.awsErrorDetails().errorMessage());
  }

  private MetricAlarm alarm() {
    return cw.describeAlarms(b -> b.alarmNames("errors")).metricAlarms().get(0);
  }

  @Test
  void setAlarmState_missingAlarm_resourceNotFound404_missingReason_missingParameter() {
    DashboardNotFoundErrorException e =
        assertThrows(
            DashboardNotFoundErrorException.class,
            () ->
                cw.setAlarmState(
                    b -> b.alarmName("nope").stateValue(StateValue.ALARM).stateReason("x")));
    assertEquals(404, e.statusCode());
    assertEquals("ResourceNotFound", e.awsErrorDetails().errorCode());
    assertThrows(
        MissingRequiredParameterException.class,
        () -> cw.setAlarmState(b -> b.alarmName("nope").stateValue(StateValue.ALARM)));
  }

  @Test
  void asyncClient_sameOperationsAndErrors() {
    CloudWatchAsyncClient async = aws.cloudWatchAsyncClient();
    async
        .putMetricData(b -> b.namespace("App").metricData(m -> m.metricName("M").value(3.0)))
        .join();
    sim.advanceBy(Duration.ofSeconds(1));
    assertEquals(
        3.0,
        async
            .getMetricStatistics(
                b ->
                    b.namespace("App")
                        .metricName("M")
                        .startTime(t0)
                        .endTime(t0.plusSeconds(60))
                        .period(60)
                        .statistics(Statistic.MAXIMUM))
            .join()
            .datapoints()
            .get(0)
            .maximum());
    CompletionException e =
        assertThrows(
            CompletionException.class, () -> async.deleteAlarms(b -> b.alarmNames("nope")).join());
    assertInstanceOf(DashboardNotFoundErrorException.class, e.getCause());
  }
}
