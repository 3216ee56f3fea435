package dev.awssim.kinesis;

import dev.awssim.engine.throttle.SlidingWindowLimiter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One shard: its hash-key range, its records in sequence order, its write and read limits, and its
 * place in the resharding lineage.
 *
 * <p>Records are addressed by ordinal (0 for the shard's first record ever). Trimming by retention
 * drops records from the front; {@link #firstOrdinal()} moves on, ordinals never change.
 */
final class Shard {
  final String id;
  final int index;
  final String parentShardId;
  final String adjacentParentShardId;
  final HashKey start;
  final HashKey end;
  final String startingSequenceNumber;
  final SlidingWindowLimiter writeRecords;
  final SlidingWindowLimiter writeBytes;
  final SlidingWindowLimiter readCalls;
  final SlidingWindowLimiter readBytes;
  final List<String> childShardIds = new ArrayList<>();

  private final ArrayList<StoredRecord> records = new ArrayList<>();
  private int head;
  private long baseOrdinal;
  private long nextOrdinal;
  private String endingSequenceNumber;
  private String lastSequenceNumber;
  private long closedAtNanos = -1;
  long readPenaltyUntilNanos;
  long bytesSinceScalingCheck;
  ShardMetrics metrics;

  /** A record and the elapsed nanos at which it arrived. */
  record StoredRecord(Record record, long arrivalNanos, long ordinal) {}

  Shard(
      int index,
      String parentShardId,
      String adjacentParentShardId,
      HashKey start,
      HashKey end,
      String startingSequenceNumber,
      KinesisLimits limits) {
    this.id = Shards.shardId(index);
    this.index = index;
    this.parentShardId = parentShardId;
    this.adjacentParentShardId = adjacentParentShardId;
    this.start = start;
    this.end = end;
    this.startingSequenceNumber = startingSequenceNumber;
    this.writeRecords = SlidingWindowLimiter.perSecond(limits.shardWriteRecordsPerSecond());
    this.writeBytes = SlidingWindowLimiter.perSecond(limits.shardWriteBytesPerSecond());
    this.readCalls = SlidingWindowLimiter.perSecond(limits.shardReadCallsPerSecond());
    this.readBytes = SlidingWindowLimiter.perSecond(limits.shardReadBytesPerSecond());
  }

  boolean isOpen() {
    return closedAtNanos < 0;
  }

  boolean contains(HashKey key) {
    return start.compareTo(key) <= 0 && key.compareTo(end) <= 0;
  }

  long nextOrdinal() {
    return nextOrdinal;
  }

  long firstOrdinal() {
    return baseOrdinal + head;
  }

  StoredRecord append(byte[] data, String partitionKey, long arrivalNanos, long epochMillis) {
    long ordinal = nextOrdinal++;
    Record record =
        new Record(
            Shards.sequenceNumber(index, epochMillis, ordinal),
            Instant.ofEpochMilli(epochMillis),
            data,
            partitionKey);
    StoredRecord stored = new StoredRecord(record, arrivalNanos, ordinal);
    records.add(stored);
    lastSequenceNumber = record.sequenceNumber();
    return stored;
  }

  /** The record at {@code ordinal}, or null if it was trimmed or not written yet. */
  StoredRecord at(long ordinal) {
    long index = ordinal - baseOrdinal;
    return ordinal < firstOrdinal() || index >= records.size() ? null : records.get((int) index);
  }

  /** The first ordinal whose record arrived at or after {@code epochMillis}. */
  long firstOrdinalAtOrAfter(long epochMillis) {
    int low = head;
    int high = records.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (records.get(mid).record().approximateArrivalTimestamp().toEpochMilli() < epochMillis) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return baseOrdinal + low;
  }

  /** Drops the records whose retention ended at or before {@code nowNanos} (half-open, 0.4). */
  void trim(long nowNanos, long retentionNanos) {
    while (head < records.size() && records.get(head).arrivalNanos() + retentionNanos <= nowNanos) {
      records.set(head, null);
      head++;
    }
    if (head > 1024 && head > records.size() / 2) {
      records.subList(0, head).clear();
      baseOrdinal += head;
      head = 0;
    }
  }

  void close(long nowNanos) {
    closedAtNanos = nowNanos;
    endingSequenceNumber = lastSequenceNumber == null ? startingSequenceNumber : lastSequenceNumber;
  }

  long closedAtNanos() {
    return closedAtNanos;
  }

  /** Whether a closed shard's data has all passed its retention, so listings omit it. */
  boolean isExpired(long nowNanos, long retentionNanos) {
    return !isOpen() && closedAtNanos + retentionNanos <= nowNanos;
  }

  ShardDescription describe() {
    return new ShardDescription(
        id,
        parentShardId,
        adjacentParentShardId,
        new HashKeyRange(start.toString(), end.toString()),
        new SequenceNumberRange(startingSequenceNumber, endingSequenceNumber));
  }
}
