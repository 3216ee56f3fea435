package dev.awssim.kinesis;

import static dev.awssim.internal.time.TimeUnits.NANOS_PER_SECOND;

import com.google.common.collect.ImmutableMap;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SplitShard, MergeShards, UpdateShardCount and on-demand scaling ({@code
 * https://docs.aws.amazon.com/streams/latest/dev/kinesis-using-sdk-java-resharding.html}): parents
 * are closed (still readable until their data expires), children take over their hash-key ranges.
 */
final class Resharder {
  private final Streams streams;

  Resharder(Streams streams) {
    this.streams = streams;
  }

  void splitShard(String streamName, String shardId, String newStartingHashKey) {
    DataStream stream = requireProvisionedActive(streamName, "SplitShard");
    Shard parent = requireOpenShard(stream, shardId);
    HashKey split = HashKey.parse(newStartingHashKey);
    if (split == null || split.compareTo(parent.start) <= 0 || split.compareTo(parent.end) > 0) {
      throw KinesisErrors.invalidArgument(
          "NewStartingHashKey "
              + newStartingHashKey
              + " used in SplitShard() on shard "
              + shardId
              + " in stream "
              + streamName
              + " under account "
              + streams.limits.accountId()
              + " is not both greater than one plus the shard's StartingHashKey "
              + parent.start
              + " and less than the shard's EndingHashKey "
              + parent.end
              + ".");
    }
    split(stream, parent, split);
    settle(stream, "SplitShard", parent.id);
  }

  void mergeShards(String streamName, String shardToMerge, String adjacentShardToMerge) {
    DataStream stream = requireProvisionedActive(streamName, "MergeShards");
    Shard first = requireOpenShard(stream, shardToMerge);
    Shard second = requireOpenShard(stream, adjacentShardToMerge);
    boolean adjacent = precedes(first, second) || precedes(second, first);
    if (!adjacent || first == second) {
      throw KinesisErrors.invalidArgument(
          "Shards "
              + shardToMerge
              + " and "
              + adjacentShardToMerge
              + " in stream "
              + streamName
              + " under account "
              + streams.limits.accountId()
              + " are not an adjacent pair of shards eligible for merging");
    }
    long now = streams.now();
    HashKey start = first.start.compareTo(second.start) < 0 ? first.start : second.start;
    HashKey end = first.end.compareTo(second.end) > 0 ? first.end : second.end;
    stream.closeShard(first, now);
    stream.closeShard(second, now);
    Shard child = stream.addShard(first.id, second.id, start, end, streams);
    first.childShardIds.add(child.id);
    second.childShardIds.add(child.id);
    settle(stream, "MergeShards", first.id + "," + second.id);
  }

  /**
   * UniformScaling to {@code target} open shards: at most 2x and at least half the current count,
   * at most 10,000, at most 10 times per rolling 24 hours ({@code
   * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_UpdateShardCount.html}).
   */
  int updateShardCount(String streamName, Integer target) {
    if (target == null || target < 1 || target > KinesisLimits.MAX_SHARDS_PER_STREAM) {
      throw KinesisErrors.validation(
          "targetShardCount",
          target,
          "Member must have value less than or equal to 10000 and greater than or equal to 1");
    }
    DataStream stream = requireProvisionedActive(streamName, "UpdateShardCount");
    long now = streams.now();
    long day = KinesisLimits.SHARD_COUNT_UPDATE_WINDOW.toNanos();
    stream.shardCountUpdates.removeIf(t -> t + day <= now);
    int current = stream.openShards.size();
    if (target > current * 2 || target * 2 < current) {
      throw KinesisErrors.limitExceeded(
          "UpdateShardCount cannot scale to "
              + target
              + " shards: the target must be between half"
              + " and double the current count of "
              + current
              + " open shards.");
    }
    if (stream.shardCountUpdates.size() >= KinesisLimits.SHARD_COUNT_UPDATES_PER_DAY) {
      throw KinesisErrors.limitExceeded(
          "UpdateShardCount cannot be called more than 10 times per rolling 24 hours for stream "
              + streamName
              + ".");
    }
    stream.shardCountUpdates.add(now);
    rescale(stream, target);
    settle(stream, "UpdateShardCount", Integer.toString(target));
    return current;
  }

  /**
   * [SIM] on-demand scaling ({@code
   * https://docs.aws.amazon.com/streams/latest/dev/how-do-i-size-a-stream.html}): once a minute,
   * every open shard that received more than 500 KB/s on average over that minute is split at the
   * middle of its range.
   */
  void scaleOnDemand(DataStream stream, long intervalNanos) {
    long threshold =
        streams.limits.onDemandSplitBytesPerSecond() * intervalNanos / NANOS_PER_SECOND;
    for (Shard shard : new ArrayList<>(stream.openShards.values())) {
      long written = shard.bytesSinceScalingCheck;
      shard.bytesSinceScalingCheck = 0;
      if (written > threshold && !shard.start.equals(shard.end)) {
        BigInteger middle =
            shard
                .start
                .toBigInteger()
                .add(shard.end.toBigInteger())
                .add(BigInteger.ONE)
                .shiftRight(1);
        split(stream, shard, HashKey.of(middle));
        streams.trace(
            KinesisEventType.RESHARDED,
            stream.name,
            ImmutableMap.of("operation", "OnDemandSplit", "shardId", shard.id));
      }
    }
  }

  private void split(DataStream stream, Shard parent, HashKey at) {
    stream.closeShard(parent, streams.now());
    Shard low = stream.addShard(parent.id, null, parent.start, at.minusOne(), streams);
    Shard high = stream.addShard(parent.id, null, at, parent.end, streams);
    parent.childShardIds.add(low.id);
    parent.childShardIds.add(high.id);
  }

  private void rescale(DataStream stream, int target) {
    long now = streams.now();
    List<Shard> parents = new ArrayList<>(stream.openShards.values());
    Map<Integer, String[]> lineage = new HashMap<>();
    for (int i = 0; i < target; i++) {
      HashKey[] range = Streams.evenRange(i, target);
      lineage.put(
          i,
          new String[] {owner(parents, range[0]).id, adjacentOwner(parents, range[0], range[1])});
    }
    parents.forEach(shard -> stream.closeShard(shard, now));
    int before = stream.shards.size();
    streams.addEvenShards(stream, target, lineage);
    List<Shard> all = new ArrayList<>(stream.shards.values());
    for (Shard child : all.subList(before, all.size())) {
      stream.shards.get(child.parentShardId).childShardIds.add(child.id);
      if (child.adjacentParentShardId != null) {
        stream.shards.get(child.adjacentParentShardId).childShardIds.add(child.id);
      }
    }
  }

  private static boolean precedes(Shard low, Shard high) {
    return !low.end.equals(HashKey.MAX) && low.end.plusOne().equals(high.start);
  }

  private static Shard owner(List<Shard> shards, HashKey key) {
    for (Shard shard : shards) {
      if (shard.contains(key)) {
        return shard;
      }
    }
    throw new AssertionError("open shards cover the hash-key space");
  }

  private static String adjacentOwner(List<Shard> shards, HashKey start, HashKey end) {
    Shard first = owner(shards, start);
    Shard last = owner(shards, end);
    return first == last ? null : last.id;
  }

  private DataStream requireProvisionedActive(String streamName, String operation) {
    DataStream stream = streams.requireActive(streamName);
    if (stream.mode != StreamMode.PROVISIONED) {
      throw KinesisErrors.validation(
          "streamMode", stream.mode, operation + " is not supported for ON_DEMAND streams");
    }
    return stream;
  }

  private Shard requireOpenShard(DataStream stream, String shardId) {
    Shard shard = streams.requireShard(stream, shardId);
    if (!shard.isOpen()) {
      throw KinesisErrors.resourceNotFound(
          "Could not find open shard "
              + shardId
              + " in stream "
              + stream.name
              + " under account "
              + streams.limits.accountId()
              + ".");
    }
    return shard;
  }

  private void settle(DataStream stream, String operation, String shards) {
    stream.status = StreamStatus.UPDATING;
    streams.trace(
        KinesisEventType.RESHARDED,
        stream.name,
        ImmutableMap.of("operation", operation, "shards", shards));
    streams.afterTransition(
        () -> {
          if (stream.status == StreamStatus.UPDATING) {
            stream.status = StreamStatus.ACTIVE;
          }
        });
  }
}
