package dev.awssim.cloudwatch;

/**
 * How an alarm treats missing data points (PutMetricAlarm {@code TreatMissingData},
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html).
 */
public enum TreatMissingData {
  /** {@code missing} (the default). */
  MISSING("missing"),
  /** {@code ignore}: keep the current state. */
  IGNORE("ignore"),
  /** {@code breaching}. */
  BREACHING("breaching"),
  /** {@code notBreaching}. */
  NOT_BREACHING("notBreaching");

  private final String awsName;

  TreatMissingData(String awsName) {
    this.awsName = awsName;
  }

  /** AWS's name, such as {@code notBreaching}. */
  public String awsName() {
    return awsName;
  }
}
