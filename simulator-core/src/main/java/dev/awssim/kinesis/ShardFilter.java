package dev.awssim.kinesis;

import java.time.Instant;

/**
 * The ShardFilter of a ListShards call ({@code
 * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_ShardFilter.html}).
 *
 * @param type which shards to keep (required)
 * @param shardId for AFTER_SHARD_ID only
 * @param timestamp for AT_TIMESTAMP and FROM_TIMESTAMP only
 */
public record ShardFilter(ShardFilterType type, String shardId, Instant timestamp) {
  /** A filter of {@code type} without ShardId or Timestamp. */
  public static ShardFilter of(ShardFilterType type) {
    return new ShardFilter(type, null, null);
  }
}
