package dev.awssim.cloudwatch;

import java.util.List;

/**
 * One page of DescribeAlarms, alarms sorted by name.
 *
 * @param metricAlarms the alarms
 * @param nextToken the token of the next page, or null on the last
 */
public record DescribeAlarmsResult(List<MetricAlarm> metricAlarms, String nextToken) {
  /** Copies the list. */
  public DescribeAlarmsResult {
    metricAlarms = List.copyOf(metricAlarms);
  }
}
