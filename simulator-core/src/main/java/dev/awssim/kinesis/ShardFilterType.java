package dev.awssim.kinesis;

/**
 * Which shards a {@link ShardFilter} keeps ({@code
 * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_ShardFilter.html}).
 */
public enum ShardFilterType {
  /** The shards after the filter's ShardId, in creation order. */
  AFTER_SHARD_ID,
  /** The shards that were open at the trim horizon. */
  AT_TRIM_HORIZON,
  /** Every shard within the retention period (the default). */
  FROM_TRIM_HORIZON,
  /** The open shards. */
  AT_LATEST,
  /** The shards open at the filter's Timestamp: started at or before it, ended at or after it. */
  AT_TIMESTAMP,
  /** The open shards and the closed shards that ended at or after the filter's Timestamp. */
  FROM_TIMESTAMP
}
