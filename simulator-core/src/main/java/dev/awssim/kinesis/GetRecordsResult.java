package dev.awssim.kinesis;

import java.util.List;

/**
 * What GetRecords returns.
 *
 * @param records the records read, in sequence order
 * @param nextShardIterator where to read next; null at the end of a closed shard
 * @param millisBehindLatest how far the reader is behind the tip of the shard; 0 when caught up
 * @param childShards the shards that replaced a closed shard, at its end
 */
public record GetRecordsResult(
    List<Record> records,
    String nextShardIterator,
    long millisBehindLatest,
    List<ChildShard> childShards) {
  /** Copies the lists. */
  public GetRecordsResult {
    records = List.copyOf(records);
    childShards = List.copyOf(childShards);
  }
}
