package dev.awssim.cloudwatch;

/**
 * The kind of an alarm history item (DescribeAlarmHistory {@code HistoryItemType},
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_DescribeAlarmHistory.html).
 */
public enum HistoryItemType {
  /** {@code ConfigurationUpdate}: the alarm was created, updated or deleted. */
  CONFIGURATION_UPDATE("ConfigurationUpdate"),
  /** {@code StateUpdate}: the alarm changed state. */
  STATE_UPDATE("StateUpdate"),
  /** {@code Action}: an action ran (or failed). */
  ACTION("Action");

  private final String awsName;

  HistoryItemType(String awsName) {
    this.awsName = awsName;
  }

  /** AWS's name, such as {@code StateUpdate}. */
  public String awsName() {
    return awsName;
  }
}
