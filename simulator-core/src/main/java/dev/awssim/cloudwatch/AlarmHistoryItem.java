package dev.awssim.cloudwatch;

import java.time.Instant;

/**
 * One alarm history item, as DescribeAlarmHistory returns it
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_AlarmHistoryItem.html).
 *
 * @param alarmName the alarm
 * @param alarmType always {@code MetricAlarm} (composite alarms are not modelled)
 * @param timestamp when it happened
 * @param historyItemType the kind
 * @param historySummary a human-readable summary, such as {@code Alarm updated from OK to ALARM}
 * @param historyData the details, as AWS's JSON document
 */
public record AlarmHistoryItem(
    String alarmName,
    String alarmType,
    Instant timestamp,
    HistoryItemType historyItemType,
    String historySummary,
    String historyData) {}
