package dev.awssim.kinesis;

import dev.awssim.internal.throttle.SlidingWindowLimiter;
import dev.awssim.internal.throttle.TokenBucket;
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
  final long createdAtNanos;
  final SlidingWindowLimiter writeRecords;
  final SlidingWindowLimiter writeBytes;
  final SlidingWindowLimiter readCalls;
  final SlidingWindowLimiter iteratorCalls;
  private TokenBucket largeRecordBurst;
  final List<String> childShardIds = new ArrayList<>();

  /**
   * The enhanced fan-out subscriptions reading this shard, in the order they started: a record or
   * the shard's close wakes them (at most 20 consumers per stream, so at most 20 per shard).
   */
  final java.util.Set<FanOut.Subscription> subscriptions = new java.util.LinkedHashSet<>();

  private final RecordLog log = new RecordLog();
  private String endingSequenceNumber;
  private long lastOrdinal = -1;
  private long lastEpochMillis;

  /** Renders the sequence numbers of records written to the shard. */
  private final Shards.Cursor sequenceNumbers;

  private long closedAtNanos = -1;

  /** No GetRecords until then: the shard's 2 MiB/s is still paying for earlier responses. */
  long readHeldUntilNanos;

  /** Bytes served and not yet paid for by the shard's 2 MiB/s, as of {@link #readDebtAtNanos}. */
  long readDebtBytes;

  long readDebtAtNanos;

  long bytesSinceScalingCheck;
  ShardMetrics metrics;

  /**
   * One record of the shard as readers see it (the shard keeps its records in a {@link RecordLog}):
   * where it sits, its size and key, and when it arrived (elapsed nanos and epoch millis). The
   * data, the sequence number and the {@link Record} are built when asked for, so a caller uses it
   * before the shard is next trimmed (within one call holding the simulation's lock).
   */
  final class StoredRecord {
    private final long ordinal;

    private StoredRecord(long ordinal) {
      this.ordinal = ordinal;
    }

    /** The record as readers get it: a copy of the data, so no reader can change the shard. */
    Record record() {
      return new Record(
          sequenceNumber(),
          Instant.ofEpochMilli(log.epochMillis(ordinal)),
          log.data(ordinal),
          log.partitionKey(ordinal));
    }

    String sequenceNumber() {
      return Shards.sequenceNumber(index, log.epochMillis(ordinal), ordinal);
    }

    long arrivalNanos() {
      return log.arrivalNanos(ordinal);
    }

    long sizeBytes() {
      return (long) log.dataLength(ordinal) + Shards.utf8Length(log.partitionKey(ordinal));
    }
  }

  Shard(
      int index,
      String parentShardId,
      String adjacentParentShardId,
      HashKey start,
      HashKey end,
      String startingSequenceNumber,
      long createdAtNanos,
      KinesisLimits limits) {
    this.id = Shards.shardId(index);
    this.index = index;
    this.parentShardId = parentShardId;
    this.adjacentParentShardId = adjacentParentShardId;
    this.start = start;
    this.end = end;
    this.startingSequenceNumber = startingSequenceNumber;
    this.createdAtNanos = createdAtNanos;
    this.sequenceNumbers = new Shards.Cursor(index);
    this.writeRecords = SlidingWindowLimiter.perSecond(limits.shardWriteRecordsPerSecond());
    this.writeBytes = SlidingWindowLimiter.perSecond(limits.shardWriteBytesPerSecond());
    this.readCalls = SlidingWindowLimiter.perSecond(limits.shardReadCallsPerSecond());
    this.iteratorCalls =
        SlidingWindowLimiter.perSecond(KinesisLimits.GET_SHARD_ITERATOR_CALLS_PER_SECOND);
  }

  /**
   * The burst that lets a stream with MaxRecordSizeInKiB above 1,024 take a record larger than the
   * shard's write rate: 10 MiB at once, refilled at the write rate; made on first use.
   */
  TokenBucket largeRecordBurst(KinesisLimits limits) {
    if (largeRecordBurst == null) {
      largeRecordBurst =
          TokenBucket.perSecond(
              limits.shardWriteBytesPerSecond(), KinesisLimits.LARGE_RECORD_BURST_BYTES);
    }
    return largeRecordBurst;
  }

  boolean isOpen() {
    return closedAtNanos < 0;
  }

  boolean contains(HashKey key) {
    return start.compareTo(key) <= 0 && key.compareTo(end) <= 0;
  }

  long nextOrdinal() {
    return log.next();
  }

  long firstOrdinal() {
    return log.first();
  }

  /** Appends a record (the shard keeps a copy of its data) and returns its ordinal. */
  long append(byte[] data, String partitionKey, long arrivalNanos, long epochMillis) {
    long ordinal = log.append(data, partitionKey, arrivalNanos, epochMillis);
    lastOrdinal = ordinal;
    lastEpochMillis = epochMillis;
    wakeSubscriptions(arrivalNanos);
    return ordinal;
  }

  /**
   * The sequence number of this shard's record {@code ordinal} that arrived at {@code epochMillis}
   * (as {@link Shards#sequenceNumber(int, long, long)}), cheapest for the record after the last one
   * asked for ({@link Shards.Cursor}).
   */
  String sequenceNumber(long epochMillis, long ordinal) {
    return sequenceNumbers.sequenceNumber(epochMillis, ordinal);
  }

  /** The record at {@code ordinal}, or null if it was trimmed or not written yet. */
  StoredRecord at(long ordinal) {
    return log.has(ordinal) ? new StoredRecord(ordinal) : null;
  }

  /** The first ordinal whose record arrived at or after {@code epochMillis}. */
  long firstOrdinalAtOrAfter(long epochMillis) {
    return log.firstAtOrAfter(epochMillis);
  }

  /** Drops the records whose retention ended at or before {@code nowNanos} (half-open, 0.4). */
  void trim(long nowNanos, long retentionNanos) {
    log.trim(nowNanos, retentionNanos);
  }

  void close(long nowNanos) {
    closedAtNanos = nowNanos;
    endingSequenceNumber =
        lastOrdinal < 0 ? startingSequenceNumber : sequenceNumber(lastEpochMillis, lastOrdinal);
    wakeSubscriptions(nowNanos);
  }

  private void wakeSubscriptions(long nowNanos) {
    if (!subscriptions.isEmpty()) {
      for (FanOut.Subscription s : List.copyOf(subscriptions)) {
        s.changed(nowNanos);
      }
    }
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
