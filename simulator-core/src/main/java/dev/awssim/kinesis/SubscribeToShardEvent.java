package dev.awssim.kinesis;

import java.util.List;

/**
 * One push of an enhanced fan-out subscription.
 *
 * @param records the records, in sequence order (may be empty: a heartbeat)
 * @param continuationSequenceNumber where a new subscription should resume
 * @param millisBehindLatest how far the subscriber is behind the tip of the shard
 * @param childShards the shards that replaced a closed shard, at its end
 */
public record SubscribeToShardEvent(
    List<Record> records,
    String continuationSequenceNumber,
    long millisBehindLatest,
    List<ChildShard> childShards) {
  /** Copies the lists. */
  public SubscribeToShardEvent {
    records = List.copyOf(records);
    childShards = List.copyOf(childShards);
  }
}
