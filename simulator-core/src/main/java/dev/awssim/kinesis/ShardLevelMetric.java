package dev.awssim.kinesis;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The enhanced shard-level metrics of EnableEnhancedMonitoring, by their AWS names ({@code
 * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_EnableEnhancedMonitoring.html},
 * {@code https://docs.aws.amazon.com/streams/latest/dev/monitoring-with-cloudwatch.html}). AWS
 * records them only for the streams and metrics enabled; {@code ALL} names every one.
 */
public enum ShardLevelMetric {
  /** Bytes put to the shard. */
  INCOMING_BYTES("IncomingBytes"),
  /** Records put to the shard. */
  INCOMING_RECORDS("IncomingRecords"),
  /** Bytes GetRecords returned from the shard. */
  OUTGOING_BYTES("OutgoingBytes"),
  /** Records GetRecords returned from the shard. */
  OUTGOING_RECORDS("OutgoingRecords"),
  /** Puts throttled on the shard. */
  WRITE_PROVISIONED_THROUGHPUT_EXCEEDED("WriteProvisionedThroughputExceeded"),
  /** GetRecords calls throttled on the shard. */
  READ_PROVISIONED_THROUGHPUT_EXCEEDED("ReadProvisionedThroughputExceeded"),
  /** The age of the last record GetRecords returned from the shard. */
  ITERATOR_AGE_MILLISECONDS("IteratorAgeMilliseconds");

  /** The name that stands for every metric. */
  public static final String ALL = "ALL";

  private final String awsName;

  ShardLevelMetric(String awsName) {
    this.awsName = awsName;
  }

  /** The metric's name in AWS and CloudWatch, such as {@code IncomingBytes}. */
  public String awsName() {
    return awsName;
  }

  /** The metric named {@code name}, or null if none is. */
  static ShardLevelMetric of(String name) {
    for (ShardLevelMetric metric : values()) {
      if (metric.awsName.equals(name)) {
        return metric;
      }
    }
    return null;
  }

  /** The AWS names of {@code metrics}, in AWS's order. */
  static List<String> names(Set<ShardLevelMetric> metrics) {
    return EnumSet.copyOf(metrics.isEmpty() ? EnumSet.noneOf(ShardLevelMetric.class) : metrics)
        .stream()
        .map(ShardLevelMetric::awsName)
        .toList();
  }
}
