package dev.awssim.kinesis;

/**
 * A shard as DescribeStream and ListShards return it.
 *
 * @param shardId such as {@code shardId-000000000000}
 * @param parentShardId the shard it was split or merged from, or null
 * @param adjacentParentShardId the other parent of a merge, or null
 * @param hashKeyRange the hash keys it covers
 * @param sequenceNumberRange its sequence numbers (ending set once closed)
 */
public record ShardDescription(
    String shardId,
    String parentShardId,
    String adjacentParentShardId,
    HashKeyRange hashKeyRange,
    SequenceNumberRange sequenceNumberRange) {}
