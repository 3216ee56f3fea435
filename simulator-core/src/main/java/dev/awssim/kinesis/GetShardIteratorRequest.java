package dev.awssim.kinesis;

import java.time.Instant;

/**
 * A GetShardIterator call.
 *
 * <pre>{@code
 * String iterator = kinesis.getShardIterator(
 *     GetShardIteratorRequest.of("orders", "shardId-000000000000", ShardIteratorType.TRIM_HORIZON));
 * }</pre>
 *
 * @param streamName the stream
 * @param shardId the shard
 * @param shardIteratorType where to start
 * @param startingSequenceNumber for AT_ and AFTER_SEQUENCE_NUMBER
 * @param timestamp for AT_TIMESTAMP
 */
public record GetShardIteratorRequest(
    String streamName,
    String shardId,
    ShardIteratorType shardIteratorType,
    String startingSequenceNumber,
    Instant timestamp) {

  /** TRIM_HORIZON or LATEST. */
  public static GetShardIteratorRequest of(
      String streamName, String shardId, ShardIteratorType type) {
    return new GetShardIteratorRequest(streamName, shardId, type, null, null);
  }

  /** AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER. */
  public static GetShardIteratorRequest atSequence(
      String streamName, String shardId, ShardIteratorType type, String sequenceNumber) {
    return new GetShardIteratorRequest(streamName, shardId, type, sequenceNumber, null);
  }

  /** AT_TIMESTAMP. */
  public static GetShardIteratorRequest atTimestamp(
      String streamName, String shardId, Instant timestamp) {
    return new GetShardIteratorRequest(
        streamName, shardId, ShardIteratorType.AT_TIMESTAMP, null, timestamp);
  }
}
