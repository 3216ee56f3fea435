package dev.awssim.cloudwatch;

import java.time.Instant;

/**
 * An alarm as DescribeAlarms returns it (API_MetricAlarm.html).
 *
 * @param alarmArn the ARN
 * @param definition what PutMetricAlarm set
 * @param stateValue the current state
 * @param stateReason why
 * @param stateUpdatedTimestamp when the state last changed
 * @param actionsEnabled whether actions run now (Enable/DisableAlarmActions change it)
 * @param alarmConfigurationUpdatedTimestamp when PutMetricAlarm last set the definition
 */
public record MetricAlarm(
    String alarmArn,
    PutMetricAlarmRequest definition,
    AlarmState stateValue,
    String stateReason,
    Instant stateUpdatedTimestamp,
    boolean actionsEnabled,
    Instant alarmConfigurationUpdatedTimestamp) {}
