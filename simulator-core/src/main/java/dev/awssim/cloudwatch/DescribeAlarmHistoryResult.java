package dev.awssim.cloudwatch;

import java.util.List;

/**
 * One page of alarm history.
 *
 * @param alarmHistoryItems the items, in the requested order
 * @param nextToken the token of the next page, or null on the last page
 */
public record DescribeAlarmHistoryResult(
    List<AlarmHistoryItem> alarmHistoryItems, String nextToken) {
  /** Copies the list. */
  public DescribeAlarmHistoryResult {
    alarmHistoryItems = List.copyOf(alarmHistoryItems);
  }
}
