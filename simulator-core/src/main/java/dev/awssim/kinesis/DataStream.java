package dev.awssim.kinesis;

import static dev.awssim.internal.time.TimeUnits.NANOS_PER_SECOND;

import dev.awssim.engine.time.Cancellable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One stream: its shards (all, in creation order, and the open ones by hash range), status and
 * settings.
 *
 * <p>Closed shards are trimmed by retention like open ones and dropped, records and all, once their
 * retention has passed (the EXPIRED state of {@code
 * https://docs.aws.amazon.com/streams/latest/dev/kinesis-using-sdk-java-after-resharding.html}).
 */
final class DataStream {
  /** [SIM] How often, at most, the records of closed shards are trimmed (no one writes to them). */
  private static final long CLOSED_SHARD_TRIM_INTERVAL_NANOS = NANOS_PER_SECOND;

  final String name;
  final String arn;
  final long createdAtNanos;
  final Map<String, Shard> shards = new LinkedHashMap<>();
  final TreeMap<HashKey, Shard> openShards = new TreeMap<>();
  final Map<String, StreamConsumer> consumers = new LinkedHashMap<>();
  final List<Long> shardCountUpdates = new ArrayList<>();

  /** When UpdateStreamMode switched the capacity mode (at most 2 per rolling 24 hours). */
  final List<Long> modeUpdates = new ArrayList<>();

  /** The shard-level metrics EnableEnhancedMonitoring turned on (none at first, as in AWS). */
  final EnumSet<ShardLevelMetric> enhancedMetrics = EnumSet.noneOf(ShardLevelMetric.class);

  StreamMetrics metrics;
  StreamMode mode;
  StreamStatus status;
  long retentionNanos;
  long statusSettlesAtNanos;

  /** The largest record, data plus partition key (MaxRecordSizeInKiB x 1,024). */
  long maxRecordBytes;

  /** The on-demand scaling task while the stream is ON_DEMAND; null otherwise. */
  Cancellable onDemandScaling;

  /**
   * The open shards by hash-key range start, ascending, with the starts' high and low 64 bits
   * beside them: each record's shard is a binary search over primitive arrays (kept in step with
   * {@link #openShards} by {@link #addShard} and {@link #closeShard}).
   */
  private Shard[] openByStart = new Shard[0];

  private long[] openStartHigh = new long[0];
  private long[] openStartLow = new long[0];

  private int nextShardIndex;
  private final ArrayDeque<Shard> closed = new ArrayDeque<>();
  private long closedTrimmedAtNanos;

  DataStream(String name, String arn, StreamMode mode, long retentionNanos, long nowNanos) {
    this.name = name;
    this.arn = arn;
    this.mode = mode;
    this.retentionNanos = retentionNanos;
    this.createdAtNanos = nowNanos;
  }

  Shard addShard(
      String parentId, String adjacentParentId, HashKey start, HashKey end, Streams streams) {
    int index = nextShardIndex++;
    String startingSeq = Shards.sequenceNumber(index, streams.context.clock().epochMillis(), 0);
    Shard shard =
        new Shard(
            index,
            parentId,
            adjacentParentId,
            start,
            end,
            startingSeq,
            streams.now(),
            streams.limits);
    shard.metrics = new ShardMetrics(metrics, shard.id, enhancedMetrics);
    shards.put(shard.id, shard);
    openShards.put(start, shard);
    indexOpenShards();
    return shard;
  }

  void closeShard(Shard shard, long nowNanos) {
    shard.close(nowNanos);
    openShards.remove(shard.start);
    indexOpenShards();
    closed.addLast(shard);
  }

  /**
   * Drops the closed shards whose retention has passed and, at most once a second, trims the
   * records of the others. Shards close in time order, so the oldest closed shard expires first.
   */
  void sweep(long nowNanos) {
    while (!closed.isEmpty() && closed.peekFirst().isExpired(nowNanos, retentionNanos)) {
      shards.remove(closed.pollFirst().id);
    }
    if (!closed.isEmpty() && nowNanos - closedTrimmedAtNanos >= CLOSED_SHARD_TRIM_INTERVAL_NANOS) {
      closedTrimmedAtNanos = nowNanos;
      for (Shard shard : closed) {
        shard.trim(nowNanos, retentionNanos);
      }
    }
  }

  /** How many shards the stream still holds, closed ones included (for tests). */
  int heldShards() {
    return shards.size();
  }

  private void indexOpenShards() {
    openByStart = openShards.values().toArray(new Shard[0]);
    openStartHigh = new long[openByStart.length];
    openStartLow = new long[openByStart.length];
    for (int i = 0; i < openByStart.length; i++) {
      openStartHigh[i] = openByStart[i].start.high();
      openStartLow[i] = openByStart[i].start.low();
    }
  }

  /** The open shard whose range holds {@code key}: the last one starting at or below it. */
  Shard shardFor(HashKey key) {
    long high = key.high();
    long low = key.low();
    int lo = 0;
    int hi = openByStart.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      int byHigh = Long.compareUnsigned(openStartHigh[mid], high);
      if (byHigh < 0 || (byHigh == 0 && Long.compareUnsigned(openStartLow[mid], low) <= 0)) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return openByStart[lo];
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
