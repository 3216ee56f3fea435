package dev.awssim.cloudwatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import dev.awssim.engine.metrics.Dimensions;
import dev.awssim.engine.metrics.Statistic;
import dev.awssim.internal.SimulatorAccess;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DescribeAlarmHistory: what is kept, in which shape, how it is filtered and paged. */
class AlarmHistoryTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(11);
  private final CloudWatch cw = sim.cloudWatch();
  private final Dimensions dims = Dimensions.of("QueueName", "orders");
  private String topic;

  private void alarm(String name) {
    cw.putMetricAlarm(
        PutMetricAlarmRequest.builder(name, "Custom/App", "Errors", dims)
            .statistic(Statistic.SUM)
            .threshold(5)
            .alarmActions(List.of(topic))
            .build());
  }

  private List<AlarmHistoryItem> items(DescribeAlarmHistoryRequest r) {
    return cw.describeAlarmHistory(r).alarmHistoryItems();
  }

  private void breachFirstMinute() {
    sim.advanceTo(sim.clock().start().plusSeconds(1));
    SimulatorAccess.context(sim).metrics().record("Custom/App", "Errors", dims, 7);
    sim.advanceTo(sim.clock().start().plusSeconds(60));
  }

  @Test
  void describeAlarmHistory_createThenAlarm_configurationStateAndActionItems_newestFirst() {
    topic = sim.sns().createTopic("alerts");
    alarm("errors");
    breachFirstMinute();

    List<AlarmHistoryItem> all = items(DescribeAlarmHistoryRequest.of("errors"));

    assertEquals(3, all.size());
    AlarmHistoryItem action = all.get(0);
    AlarmHistoryItem state = all.get(1);
    AlarmHistoryItem create = all.get(2);
    assertEquals(HistoryItemType.ACTION, action.historyItemType());
    assertEquals("Successfully executed action " + topic, action.historySummary());
    assertTrue(
        action.historyData().startsWith("{\"actionState\":\"Succeeded\""), action.historyData());
    assertEquals(HistoryItemType.STATE_UPDATE, state.historyItemType());
    assertEquals("Alarm updated from INSUFFICIENT_DATA to ALARM", state.historySummary());
    assertEquals(sim.clock().start().plusSeconds(60), state.timestamp());
    assertTrue(
        state
            .historyData()
            .startsWith(
                "{\"version\":\"1.0\",\"oldState\":{\"stateValue\":\"INSUFFICIENT_DATA\","
                    + "\"stateReason\":\"Unchecked: Initial alarm creation\"},"
                    + "\"newState\":{\"stateValue\":\"ALARM\""),
        state.historyData());
    assertTrue(state.historyData().contains("\"recentDatapoints\":[7.0]"), state.historyData());
    assertEquals(HistoryItemType.CONFIGURATION_UPDATE, create.historyItemType());
    assertEquals("Alarm \"errors\" created", create.historySummary());
    assertTrue(create.historyData().startsWith("{\"type\":\"Create\""), create.historyData());
    assertEquals("MetricAlarm", create.alarmType());
  }

  @Test
  void describeAlarmHistory_actionToDeletedTopic_failedActionItem() {
    topic = sim.sns().createTopic("alerts");
    alarm("errors");
    sim.sns().deleteTopic(topic);
    breachFirstMinute();

    AlarmHistoryItem action =
        items(
                new DescribeAlarmHistoryRequest(
                    "errors", HistoryItemType.ACTION, null, null, null, null, null))
            .get(0);

    assertEquals("Failed to execute action " + topic, action.historySummary());
    assertTrue(action.historyData().contains("\"actionState\":\"Failed\""));
  }

  @Test
  void describeAlarmHistory_deletedAlarm_historyKept_updateAndDeleteItems() {
    topic = sim.sns().createTopic("alerts");
    alarm("errors");
    sim.advanceBy(Duration.ofSeconds(5));
    alarm("errors");
    cw.deleteAlarms(List.of("errors"));

    List<AlarmHistoryItem> config =
        items(
            new DescribeAlarmHistoryRequest(
                "errors",
                HistoryItemType.CONFIGURATION_UPDATE,
                null,
                null,
                null,
                null,
                ScanBy.TIMESTAMP_ASCENDING));

    assertEquals(
        List.of("Alarm \"errors\" created", "Alarm \"errors\" updated", "Alarm \"errors\" deleted"),
        config.stream().map(AlarmHistoryItem::historySummary).toList());
    assertTrue(config.get(1).historyData().contains("\"originalUpdatedFields\":{"));
    assertTrue(config.get(2).historyData().startsWith("{\"type\":\"Delete\""));
  }

  @Test
  void describeAlarmHistory_timeRangeIsInclusive_pagedByMaxRecords() {
    topic = sim.sns().createTopic("alerts");
    Instant t0 = sim.now();
    for (int i = 0; i < 5; i++) {
      alarm("a" + i);
      sim.advanceBy(Duration.ofSeconds(1));
    }
    Instant t2 = t0.plusSeconds(2);
    Instant t3 = t0.plusSeconds(3);

    assertEquals(
        List.of("a3", "a2"),
        items(new DescribeAlarmHistoryRequest(null, null, t2, t3, null, null, null)).stream()
            .map(AlarmHistoryItem::alarmName)
            .toList());
    DescribeAlarmHistoryResult first =
        cw.describeAlarmHistory(
            new DescribeAlarmHistoryRequest(
                null, null, null, null, 2, null, ScanBy.TIMESTAMP_ASCENDING));
    DescribeAlarmHistoryResult second =
        cw.describeAlarmHistory(
            new DescribeAlarmHistoryRequest(
                null, null, null, null, 2, first.nextToken(), ScanBy.TIMESTAMP_ASCENDING));
    DescribeAlarmHistoryResult third =
        cw.describeAlarmHistory(
            new DescribeAlarmHistoryRequest(
                null, null, null, null, 2, second.nextToken(), ScanBy.TIMESTAMP_ASCENDING));
    assertEquals(List.of("a0", "a1"), names(first));
    assertEquals(List.of("a2", "a3"), names(second));
    assertEquals(List.of("a4"), names(third));
    assertNull(third.nextToken());
  }

  private static List<String> names(DescribeAlarmHistoryResult r) {
    return r.alarmHistoryItems().stream().map(AlarmHistoryItem::alarmName).toList();
  }

  @Test
  void describeAlarmHistory_maxRecords100Accepted_101Rejected_badToken() {
    assertEquals(
        0, items(new DescribeAlarmHistoryRequest(null, null, null, null, 100, null, null)).size());
    assertEquals(
        "InvalidParameterValue",
        assertThrows(
                CloudWatchException.class,
                () ->
                    items(new DescribeAlarmHistoryRequest(null, null, null, null, 101, null, null)))
            .errorCode());
    assertEquals(
        "InvalidNextToken",
        assertThrows(
                CloudWatchException.class,
                () ->
                    items(new DescribeAlarmHistoryRequest(null, null, null, null, null, "x", null)))
            .errorCode());
  }

  @Test
  void describeAlarmHistory_itemOlderThanTwoWeeks_dropped() {
    topic = sim.sns().createTopic("alerts");
    alarm("errors");
    sim.advanceBy(Duration.ofDays(14).minusSeconds(1));
    assertEquals(1, configurationItems());
    sim.advanceBy(Duration.ofSeconds(1));
    assertEquals(0, configurationItems());
  }

  private int configurationItems() {
    return items(
            new DescribeAlarmHistoryRequest(
                null, HistoryItemType.CONFIGURATION_UPDATE, null, null, null, null, null))
        .size();
  }
}
