package dev.awssim.cloudwatch;

/**
 * The order of DescribeAlarmHistory and GetMetricData results ({@code ScanBy},
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricData.html).
 */
public enum ScanBy {
  /** {@code TimestampDescending}: newest first (the default). */
  TIMESTAMP_DESCENDING("TimestampDescending"),
  /** {@code TimestampAscending}: oldest first. */
  TIMESTAMP_ASCENDING("TimestampAscending");

  private final String awsName;

  ScanBy(String awsName) {
    this.awsName = awsName;
  }

  /** AWS's name. */
  public String awsName() {
    return awsName;
  }
}
