package dev.awssim.cloudwatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import dev.awssim.engine.metrics.Dimensions;
import dev.awssim.engine.metrics.Statistic;
import dev.awssim.internal.SimulatorAccess;
import dev.awssim.sqs.Message;
import dev.awssim.sqs.ReceiveMessageRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Alarms on the simulation's metrics, evaluated on virtual time, acting through SNS. */
class CloudWatchAlarmTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(5);
  private final CloudWatch cw = sim.cloudWatch();
  private final Dimensions dims = Dimensions.of("TableName", "orders");

  private void record(double v) {
    SimulatorAccess.context(sim).metrics().record("Custom/App", "Errors", dims, v);
  }

  private AlarmState state() {
    return cw.describeAlarms(List.of("errors")).get(0).stateValue();
  }

  @Test
  void alarm_threeBreachingMinutes_goesToAlarmAtEndOfThirdPeriod_actionOnce() {
    String topic = sim.sns().createTopic("alerts");
    String url = sim.sqs().createQueue("inbox");
    sim.sns().subscribe(topic, "sqs", sim.sqs().getQueueAttributes(url).get("QueueArn"));
    cw.putMetricAlarm(
        PutMetricAlarmRequest.builder("errors", "Custom/App", "Errors", dims)
            .statistic(Statistic.SUM)
            .period(60)
            .evaluationPeriods(3)
            .threshold(5)
            .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
            .alarmActions(List.of(topic))
            .build());
    assertEquals(AlarmState.INSUFFICIENT_DATA, state());
    // Breaching sums in minutes [0,60), [60,120), [120,180).
    for (int minute = 0; minute < 3; minute++) {
      sim.advanceTo(sim.clock().start().plusSeconds(minute * 60L + 1));
      record(5);
    }
    sim.advanceTo(sim.clock().start().plusSeconds(179));
    assertTrue(state() != AlarmState.ALARM);
    sim.advanceTo(sim.clock().start().plusSeconds(180));
    assertEquals(AlarmState.ALARM, state());
    assertEquals(
        sim.clock().start().plusSeconds(180),
        cw.describeAlarms(List.of()).get(0).stateUpdatedTimestamp());
    sim.advanceBy(Duration.ofMinutes(1));
    assertEquals(AlarmState.ALARM, state());
    List<Message> got =
        sim.sqs()
            .receiveMessage(ReceiveMessageRequest.builder(url).maxNumberOfMessages(10).build())
            .messages();
    assertEquals(1, got.size());
    String body = got.get(0).body();
    assertTrue(body.contains("\\\"NewStateValue\\\":\\\"ALARM\\\""), body);
    assertTrue(body.contains("\"Subject\":\"ALARM: \\\"errors\\\" in us-east-1\""), body);
  }

  @Test
  void alarm_twoOfThree_notConsecutive_alarms() {
    cw.putMetricAlarm(
        PutMetricAlarmRequest.builder("errors", "Custom/App", "Errors", dims)
            .statistic(Statistic.MAXIMUM)
            .evaluationPeriods(3)
            .datapointsToAlarm(2)
            .threshold(10)
            .build());
    sim.advanceTo(sim.clock().start().plusSeconds(1));
    record(11);
    sim.advanceTo(sim.clock().start().plusSeconds(61));
    record(1);
    sim.advanceTo(sim.clock().start().plusSeconds(121));
    record(12);
    sim.advanceTo(sim.clock().start().plusSeconds(180));
    assertEquals(AlarmState.ALARM, state());
    sim.advanceTo(sim.clock().start().plusSeconds(181));
    record(1);
    sim.advanceTo(sim.clock().start().plusSeconds(240));
    // Newest three: 1, 12, 1 -> one breach.
    assertEquals(AlarmState.OK, state());
  }

  @Test
  void alarm_noData_missing_insufficientData_breaching_alarm() {
    cw.putMetricAlarm(
        PutMetricAlarmRequest.builder("errors", "Custom/App", "Errors", dims)
            .treatMissingData(TreatMissingData.BREACHING)
            .build());
    sim.advanceBy(Duration.ofMinutes(1));
    assertEquals(AlarmState.ALARM, state());
  }

  @Test
  void setAlarmState_untilNextEvaluation_thenReevaluated() {
    cw.putMetricAlarm(
        PutMetricAlarmRequest.builder("errors", "Custom/App", "Errors", dims)
            .treatMissingData(TreatMissingData.NOT_BREACHING)
            .build());
    sim.advanceBy(Duration.ofSeconds(60));
    assertEquals(AlarmState.OK, state());
    cw.setAlarmState("errors", AlarmState.ALARM, "test");
    assertEquals(AlarmState.ALARM, state());
    sim.advanceBy(Duration.ofSeconds(60));
    assertEquals(AlarmState.OK, state());
  }

  @Test
  void putMetricAlarm_badPeriodOrWindow_invalidParameterValue() {
    assertEquals(
        "InvalidParameterValue",
        assertThrows(
                CloudWatchException.class,
                () ->
                    cw.putMetricAlarm(
                        PutMetricAlarmRequest.builder("a", "N", "M", dims).period(45).build()))
            .errorCode());
    cw.putMetricAlarm(PutMetricAlarmRequest.builder("a", "N", "M", dims).period(20).build());
    // 60 x 1,440 = 86,400 s is the limit for periods under an hour.
    cw.putMetricAlarm(
        PutMetricAlarmRequest.builder("b", "N", "M", dims)
            .period(60)
            .evaluationPeriods(1440)
            .build());
    assertThrows(
        CloudWatchException.class,
        () ->
            cw.putMetricAlarm(
                PutMetricAlarmRequest.builder("c", "N", "M", dims)
                    .period(60)
                    .evaluationPeriods(1441)
                    .build()));
    assertEquals(
        "ResourceNotFound",
        assertThrows(CloudWatchException.class, () -> cw.deleteAlarms(List.of("a", "zz")))
            .errorCode());
    assertEquals(2, cw.describeAlarms(List.of()).size());
    cw.deleteAlarms(List.of("a"));
    assertEquals(1, cw.describeAlarms(List.of()).size());
  }

  @Test
  void alarm_dynamoDbMetric_alwaysIgnoresMissingData() {
    cw.putMetricAlarm(
        PutMetricAlarmRequest.builder("ddb", "AWS/DynamoDB", "ThrottledRequests", dims)
            .treatMissingData(TreatMissingData.BREACHING)
            .build());
    sim.advanceBy(Duration.ofMinutes(5));
    assertEquals(
        AlarmState.INSUFFICIENT_DATA, cw.describeAlarms(List.of("ddb")).get(0).stateValue());
    assertTrue(Map.of().isEmpty());
  }
}
