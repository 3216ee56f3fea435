package dev.awssim.cloudwatch;

/**
 * An alarm's state
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/alarm-evaluation.html).
 */
public enum AlarmState {
  /** The metric is within the threshold. */
  OK,
  /** The metric is outside the threshold. */
  ALARM,
  /** The alarm just started, the metric is not available, or there is not enough data. */
  INSUFFICIENT_DATA
}
