package dev.awssim.cloudwatch;

/** How a statistic is compared with the threshold (PutMetricAlarm {@code ComparisonOperator}). */
public enum ComparisonOperator {
  /** {@code GreaterThanOrEqualToThreshold}. */
  GREATER_THAN_OR_EQUAL_TO_THRESHOLD("GreaterThanOrEqualToThreshold"),
  /** {@code GreaterThanThreshold}. */
  GREATER_THAN_THRESHOLD("GreaterThanThreshold"),
  /** {@code LessThanThreshold}. */
  LESS_THAN_THRESHOLD("LessThanThreshold"),
  /** {@code LessThanOrEqualToThreshold}. */
  LESS_THAN_OR_EQUAL_TO_THRESHOLD("LessThanOrEqualToThreshold");

  private final String awsName;

  ComparisonOperator(String awsName) {
    this.awsName = awsName;
  }

  /** AWS's name. */
  public String awsName() {
    return awsName;
  }

  /** Whether {@code value} breaches {@code threshold}. */
  public boolean breaches(double value, double threshold) {
    return switch (this) {
      case GREATER_THAN_OR_EQUAL_TO_THRESHOLD -> value >= threshold;
      case GREATER_THAN_THRESHOLD -> value > threshold;
      case LESS_THAN_THRESHOLD -> value < threshold;
      case LESS_THAN_OR_EQUAL_TO_THRESHOLD -> value <= threshold;
    };
  }
}
