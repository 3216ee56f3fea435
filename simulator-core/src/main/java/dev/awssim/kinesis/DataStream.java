package dev.awssim.kinesis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One stream: its shards (all, in creation order, and the open ones by hash range), status and
 * settings.
 */
final class DataStream {
  final String name;
  final String arn;
  final long createdAtNanos;
  final Map<String, Shard> shards = new LinkedHashMap<>();
  final TreeMap<HashKey, Shard> openShards = new TreeMap<>();
  final Map<String, StreamConsumer> consumers = new LinkedHashMap<>();
  final List<Long> shardCountUpdates = new ArrayList<>();
  StreamMetrics metrics;
  StreamMode mode;
  StreamStatus status;
  long retentionNanos;
  long statusSettlesAtNanos;
  private int nextShardIndex;

  DataStream(String name, String arn, StreamMode mode, long retentionNanos, long nowNanos) {
    this.name = name;
    this.arn = arn;
    this.mode = mode;
    this.retentionNanos = retentionNanos;
    this.createdAtNanos = nowNanos;
  }

  Shard addShard(
      String parentId,
      String adjacentParentId,
      HashKey start,
      HashKey end,
      long epochMillis,
      KinesisLimits limits) {
    int index = nextShardIndex++;
    String startingSeq = Shards.sequenceNumber(index, epochMillis, 0);
    Shard shard = new Shard(index, parentId, adjacentParentId, start, end, startingSeq, limits);
    shard.metrics = new ShardMetrics(metrics, shard.id);
    shards.put(shard.id, shard);
    openShards.put(start, shard);
    return shard;
  }

  void closeShard(Shard shard, long nowNanos) {
    shard.close(nowNanos);
    openShards.remove(shard.start);
  }

  /** The open shard whose range holds {@code key}. */
  Shard shardFor(HashKey key) {
    return openShards.floorEntry(key).getValue();
  }

  /** The shards a listing shows: every shard whose data has not all expired, in creation order. */
  List<Shard> listedShards(long nowNanos) {
    List<Shard> listed = new ArrayList<>();
    for (Shard shard : shards.values()) {
      if (!shard.isExpired(nowNanos, retentionNanos)) {
        listed.add(shard);
      }
    }
    return listed;
  }

  void trim(long nowNanos) {
    for (Shard shard : shards.values()) {
      shard.trim(nowNanos, retentionNanos);
    }
  }
}
