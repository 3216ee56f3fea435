package dev.awssim.cloudwatch;

import java.time.Instant;

/**
 * An alarm as DescribeAlarms returns it.
 *
 * @param alarmArn the ARN
 * @param definition what PutMetricAlarm set
 * @param stateValue the current state
 * @param stateReason why
 * @param stateUpdatedTimestamp when the state last changed
 */
public record MetricAlarm(
    String alarmArn,
    PutMetricAlarmRequest definition,
    AlarmState stateValue,
    String stateReason,
    Instant stateUpdatedTimestamp) {}
