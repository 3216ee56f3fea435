package dev.awssim.kinesis;

import java.util.List;

/**
 * A shard that replaced a closed one, as GetRecords lists it at the end of a closed shard.
 *
 * @param shardId the child shard
 * @param parentShards its parents
 * @param hashKeyRange the hash keys it covers
 */
public record ChildShard(String shardId, List<String> parentShards, HashKeyRange hashKeyRange) {
  /** Copies the parents. */
  public ChildShard {
    parentShards = List.copyOf(parentShards);
  }
}
