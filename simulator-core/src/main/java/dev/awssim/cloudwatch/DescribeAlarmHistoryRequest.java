package dev.awssim.cloudwatch;

import java.time.Instant;

/**
 * The parameters of DescribeAlarmHistory
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_DescribeAlarmHistory.html);
 * every one may be null.
 *
 * @param alarmName only this alarm's items
 * @param historyItemType only items of this kind
 * @param startDate only items at or after this instant
 * @param endDate only items at or before this instant
 * @param maxRecords at most this many items (1 to 100; 100 when null)
 * @param nextToken the token of the previous page
 * @param scanBy newest first (the default) or oldest first
 */
public record DescribeAlarmHistoryRequest(
    String alarmName,
    HistoryItemType historyItemType,
    Instant startDate,
    Instant endDate,
    Integer maxRecords,
    String nextToken,
    ScanBy scanBy) {

  /** Every item, newest first. */
  public static DescribeAlarmHistoryRequest all() {
    return new DescribeAlarmHistoryRequest(null, null, null, null, null, null, null);
  }

  /** The items of one alarm, newest first. */
  public static DescribeAlarmHistoryRequest of(String alarmName) {
    return new DescribeAlarmHistoryRequest(alarmName, null, null, null, null, null, null);
  }
}
