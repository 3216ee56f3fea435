package dev.awssim.dynamodb;

/**
 * A shard of a DynamoDB stream.
 *
 * <pre>{@code
 * shard.shardId()
 * }</pre>
 *
 * @param shardId id
 * @param parentShardId or null
 * @param sequenceNumberRange range
 */
public record StreamShard(
    String shardId, String parentShardId, SequenceNumberRange sequenceNumberRange) {}
