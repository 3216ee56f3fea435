package dev.awssim.kinesis;

import java.time.Instant;
import java.util.List;

/**
 * A stream as DescribeStream and DescribeStreamSummary return it.
 *
 * @param streamName the name
 * @param streamArn {@code arn:aws:kinesis:<region>:<account>:stream/<name>}
 * @param streamStatus CREATING, ACTIVE, UPDATING or DELETING
 * @param streamMode PROVISIONED or ON_DEMAND
 * @param shards the shards (empty in a summary)
 * @param hasMoreShards whether the listing was cut by its limit
 * @param openShardCount how many shards are open
 * @param retentionPeriodHours the retention
 * @param streamCreationTimestamp when it was created
 * @param consumerCount how many enhanced fan-out consumers are registered
 * @param shardLevelMetrics the enhanced shard-level metrics enabled, by AWS name, in AWS's order
 * @param maxRecordSizeInKiB the largest record the stream takes, in KiB (1,024 to 10,240)
 */
public record StreamDescription(
    String streamName,
    String streamArn,
    StreamStatus streamStatus,
    StreamMode streamMode,
    List<ShardDescription> shards,
    boolean hasMoreShards,
    int openShardCount,
    int retentionPeriodHours,
    Instant streamCreationTimestamp,
    int consumerCount,
    List<String> shardLevelMetrics,
    int maxRecordSizeInKiB) {
  /** Copies the lists. */
  public StreamDescription {
    shards = List.copyOf(shards);
    shardLevelMetrics = List.copyOf(shardLevelMetrics);
  }
}
