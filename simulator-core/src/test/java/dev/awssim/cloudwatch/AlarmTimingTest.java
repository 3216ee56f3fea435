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
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Alarm timing and limits at AWS's numbers (API_PutMetricAlarm.html, alarm-evaluation.html,
 * API_SetAlarmState.html): the 7-day window for hourly periods, the 10 s cadence of high-resolution
 * alarms, a 5-minute period sliding by the minute, and SetAlarmState's actions.
 */
class AlarmTimingTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(8);
  private final CloudWatch cw = sim.cloudWatch();
  private final Dimensions dims = Dimensions.of("Service", "checkout");
  private final Instant t0 = sim.clock().start();

  private void record(double v) {
    SimulatorAccess.context(sim).metrics().record("Custom/App", "Errors", dims, v);
  }

  private PutMetricAlarmRequest.Builder alarm(int period, int evaluationPeriods) {
    return PutMetricAlarmRequest.builder("errors", "Custom/App", "Errors", dims)
        .statistic(Statistic.SUM)
        .period(period)
        .evaluationPeriods(evaluationPeriods)
        .threshold(5)
        .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD);
  }

  private AlarmState state() {
    return cw.describeAlarms(List.of("errors")).get(0).stateValue();
  }

  private void at(double seconds) {
    sim.advanceTo(t0.plusMillis(Math.round(seconds * 1000)));
  }

  @Test
  void evaluationWindow_hourlyPeriodUpTo604800s_shorterPeriodsUpTo86400s() {
    cw.putMetricAlarm(alarm(3_600, 168).build()); // 3,600 x 168 = 604,800 s: 7 days
    assertInvalid(alarm(3_600, 169));
    cw.putMetricAlarm(alarm(1_800, 48).build()); // 1,800 x 48 = 86,400 s: 1 day
    assertInvalid(alarm(1_800, 49));
    assertInvalid(alarm(60, 1).datapointsToAlarm(2));
    assertInvalid(alarm(15, 1));
  }

  private void assertInvalid(PutMetricAlarmRequest.Builder request) {
    CloudWatchException e =
        assertThrows(CloudWatchException.class, () -> cw.putMetricAlarm(request.build()));
    assertEquals("InvalidParameterValue", e.errorCode());
    assertEquals(400, e.statusCode());
  }

  @Test
  void highResolutionAlarm_10sPeriod_isEvaluatedEvery10s() {
    cw.putMetricAlarm(alarm(10, 1).build());
    at(1);
    record(5);
    at(9.999);
    assertEquals(AlarmState.INSUFFICIENT_DATA, state());
    at(10);
    assertEquals(AlarmState.ALARM, state()); // not at the end of the minute
    assertEquals(t0.plusSeconds(10), cw.describeAlarms(List.of()).get(0).stateUpdatedTimestamp());
  }

  @Test
  void fiveMinutePeriod_slidesByTheMinute_notAlignedToMultiplesOfThePeriod() {
    cw.putMetricAlarm(alarm(300, 1).build());
    at(1);
    record(5);
    at(59.999);
    assertEquals(AlarmState.INSUFFICIENT_DATA, state());
    at(60); // the 5 minutes before t = 60 s hold the breaching point
    assertEquals(AlarmState.ALARM, state());
    // [SIM] range N + 2 = 3 periods: the point stays in range until the evaluation at 900 s
    at(900);
    assertEquals(AlarmState.ALARM, state());
    at(960);
    assertEquals(AlarmState.INSUFFICIENT_DATA, state());
  }

  @Test
  void setAlarmState_runsTheNewStatesActionsOnlyWhenTheStateChanges() {
    String topic = sim.sns().createTopic("alerts");
    String url = sim.sqs().createQueue("inbox");
    sim.sns().subscribe(topic, "sqs", sim.sqs().getQueueAttributes(url).get("QueueArn"));
    cw.putMetricAlarm(
        alarm(60, 1)
            .treatMissingData(TreatMissingData.NOT_BREACHING)
            .alarmActions(List.of(topic))
            .okActions(List.of(topic))
            .build());
    at(60);
    assertEquals(AlarmState.OK, state());
    assertEquals(List.of("OK"), newStates(url)); // INSUFFICIENT_DATA -> OK
    at(61);
    cw.setAlarmState("errors", AlarmState.ALARM, "testing the pager");
    cw.setAlarmState("errors", AlarmState.ALARM, "again: no change, no action");
    assertEquals(List.of("ALARM"), newStates(url));
    at(120); // the next evaluation brings it back, and runs the OK actions once
    assertEquals(AlarmState.OK, state());
    at(180);
    assertEquals(List.of("OK"), newStates(url));
  }

  /** The NewStateValue of each notification received since the last call, in order. */
  private List<String> newStates(String url) {
    List<Message> got =
        sim.sqs()
            .receiveMessage(ReceiveMessageRequest.builder(url).maxNumberOfMessages(10).build())
            .messages();
    got.forEach(m -> sim.sqs().deleteMessage(url, m.receiptHandle()));
    return got.stream()
        .map(
            m -> {
              String body = m.body();
              int i = body.indexOf("NewStateValue\\\":\\\"");
              assertTrue(i >= 0, body);
              int from = i + "NewStateValue\\\":\\\"".length();
              return body.substring(from, body.indexOf("\\\"", from));
            })
        .toList();
  }
}
