package dev.awssim.kinesis;

import static dev.awssim.internal.time.TimeUnits.NANOS_PER_MILLISECOND;
import static dev.awssim.internal.time.TimeUnits.NANOS_PER_SECOND;

import com.google.common.collect.ImmutableMap;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * GetShardIterator and GetRecords: iterator positions and expiry, 5 GetShardIterator calls per
 * second per shard ({@code
 * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_GetShardIterator.html}), and the
 * per-shard read limits shared by all consumers ({@code
 * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_GetRecords.html}).
 *
 * <p>[SIM] Read bandwidth as a debt that drains at 2 MiB/s: every response adds its bytes. A
 * response larger than a call's share (2 MiB / 5 calls) holds the shard until the debt is paid, and
 * a GetRecords during a hold is throttled: 5 s after a 10 MiB response, as AWS documents, and 1 s
 * after one of 2 MiB. Small responses do not hold (5 calls/s already bound them to 2 MiB/s), so a
 * reader may poll twice in a moment. What a shard serves over any span of t seconds stays within 2
 * MiB x t plus the debt small calls may leave (2 MiB) plus the last call's response, however greedy
 * the reader. On top, 5 calls over any one second.
 */
final class ShardReader {
  private final Streams streams;

  ShardReader(Streams streams) {
    this.streams = streams;
  }

  String getShardIterator(GetShardIteratorRequest request) {
    validate(request);
    DataStream stream = streams.requireUsable(request.streamName());
    Shard shard = streams.requireShard(stream, request.shardId());
    long ordinal = startOrdinal(stream, shard, request);
    long now = streams.now();
    if (shard.iteratorCalls.tryAcquire(1, now).isRejected()) {
      streams.trace(
          KinesisEventType.THROTTLED,
          stream.name,
          ImmutableMap.of(
              "operation", "GetShardIterator", "shardId", shard.id, "limit", "calls/s"));
      throw KinesisErrors.writeThrottled(shard.id, stream.name, streams.limits.accountId());
    }
    return streams.iterators.encode(stream.name, shard.id, ordinal, now);
  }

  /**
   * The ordinal a GetShardIterator request starts at, without counting against the shard's
   * GetShardIterator rate (SubscribeToShard's starting position).
   */
  long startOrdinal(DataStream stream, Shard shard, GetShardIteratorRequest request) {
    validate(request);
    shard.trim(streams.now(), stream.retentionNanos);
    return startOrdinal(shard, request);
  }

  private static void validate(GetShardIteratorRequest request) {
    if (request == null || request.shardIteratorType() == null) {
      throw KinesisErrors.validation("shardIteratorType", null, "Member must not be null");
    }
    if (request.shardId() == null) {
      throw KinesisErrors.validation("shardId", null, "Member must not be null");
    }
  }

  private long startOrdinal(Shard shard, GetShardIteratorRequest request) {
    return switch (request.shardIteratorType()) {
      case TRIM_HORIZON -> shard.firstOrdinal();
      case LATEST -> shard.nextOrdinal();
      case AT_TIMESTAMP -> atTimestamp(shard, request.timestamp());
      case AT_SEQUENCE_NUMBER -> Math.max(shard.firstOrdinal(), sequenceOrdinal(shard, request));
      case AFTER_SEQUENCE_NUMBER ->
          // A record already trimmed: start at the oldest retained one, never one past it.
          Math.max(shard.firstOrdinal(), afterOrdinal(shard, request));
    };
  }

  private static long atTimestamp(Shard shard, Instant timestamp) {
    if (timestamp == null) {
      throw KinesisErrors.invalidArgument(
          "Must specify timestampInMillis parameter for iterator of type AT_TIMESTAMP. Current"
              + " request has no timestamp parameter.");
    }
    return Math.max(shard.firstOrdinal(), shard.firstOrdinalAtOrAfter(timestamp.toEpochMilli()));
  }

  /**
   * The first ordinal after the request's sequence number. The shard's own StartingSequenceNumber
   * comes before every record of the shard, as in AWS, where a shard's records carry larger numbers
   * than its SequenceNumberRange starts with ({@code
   * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_SequenceNumberRange.html}): after
   * it is the first record. (Here the first record's number can equal it only when it arrived in
   * the millisecond the shard was created; it then names that record.)
   */
  private static long afterOrdinal(Shard shard, GetShardIteratorRequest request) {
    long ordinal = sequenceOrdinal(shard, request);
    if (ordinal == 0 && request.startingSequenceNumber().equals(shard.startingSequenceNumber)) {
      Shard.StoredRecord first = shard.at(0);
      if (first == null || !first.sequenceNumber().equals(shard.startingSequenceNumber)) {
        return 0;
      }
    }
    return ordinal + 1;
  }

  /**
   * The sequence number a reader that stopped before {@code ordinal} resumes after
   * (AFTER_SEQUENCE_NUMBER): the number of the record before it, or the shard's
   * StartingSequenceNumber when nothing comes before it.
   */
  static String sequenceBefore(Shard shard, long ordinal) {
    if (ordinal <= 0) {
      return shard.startingSequenceNumber;
    }
    Shard.StoredRecord previous = shard.at(ordinal - 1);
    return previous != null
        ? previous.sequenceNumber()
        : Shards.sequenceNumber(shard.index, 0, ordinal - 1);
  }

  /** The ordinal the request's sequence number names (it may be trimmed already). */
  private static long sequenceOrdinal(Shard shard, GetShardIteratorRequest request) {
    String sequenceNumber = request.startingSequenceNumber();
    if (sequenceNumber == null) {
      throw KinesisErrors.invalidArgument(
          "Must specify StartingSequenceNumber for iterator type AT_SEQUENCE_NUMBER or"
              + " AFTER_SEQUENCE_NUMBER.");
    }
    int index = Shards.shardIndexOf(sequenceNumber);
    if (index < 0) {
      throw KinesisErrors.invalidArgument(
          "StartingSequenceNumber "
              + sequenceNumber
              + " used in GetShardIterator on shard "
              + shard.id
              + " is invalid.");
    }
    if (index != shard.index) {
      throw KinesisErrors.invalidArgument(
          "Invalid StartingSequenceNumber. It encodes "
              + Shards.shardId(index)
              + ", while it was used in a call to a shard with "
              + shard.id);
    }
    return Shards.ordinalOf(sequenceNumber);
  }

  GetRecordsResult getRecords(String iterator, Integer limit) {
    int max = limit == null ? KinesisLimits.GET_RECORDS_MAX_RECORDS : limit;
    if (max < 1 || max > KinesisLimits.GET_RECORDS_MAX_RECORDS) {
      throw KinesisErrors.validation(
          "limit",
          max,
          "Member must have value less than or equal to 10000 and greater than or equal to 1");
    }
    ShardIterators.Position position = streams.iterators.decode(iterator);
    if (position == null) {
      throw KinesisErrors.invalidArgument("Invalid ShardIterator.");
    }
    DataStream stream = streams.requireUsable(position.streamName());
    Shard shard = streams.requireShard(stream, position.shardId());
    long now = streams.now();
    checkNotExpired(stream, position, now);
    checkReadThroughput(stream, shard, now);
    shard.trim(now, stream.retentionNanos);
    return read(stream, shard, Math.max(position.ordinal(), shard.firstOrdinal()), max, now);
  }

  private void checkNotExpired(DataStream stream, ShardIterators.Position position, long now) {
    long lifetime = streams.limits.iteratorLifetime().toNanos();
    if (position.issuedAtNanos() + lifetime <= now) {
      streams.trace(
          KinesisEventType.ITERATOR_EXPIRED,
          stream.name,
          ImmutableMap.of("shardId", position.shardId()));
      Instant issued = streams.context.clock().toInstant(position.issuedAtNanos());
      throw KinesisErrors.expiredIterator(
          "Iterator expired. The iterator was created at time "
              + issued
              + " while right now it is "
              + streams.context.clock().now()
              + " which is further in the future than the tolerated delay of "
              + streams.limits.iteratorLifetime().toMillis()
              + " milliseconds.");
    }
  }

  /** Five calls per shard over any one second, and none while the shard's bandwidth is held. */
  private void checkReadThroughput(DataStream stream, Shard shard, long now) {
    boolean held = now < shard.readHeldUntilNanos;
    boolean tooManyCalls = shard.readCalls.estimate(1, now).isRejected();
    if (held || tooManyCalls) {
      stream.metrics.readExceeded.record(1);
      shard.metrics.record(ShardLevelMetric.READ_PROVISIONED_THROUGHPUT_EXCEEDED, 1);
      streams.trace(
          KinesisEventType.THROTTLED,
          stream.name,
          ImmutableMap.of(
              "operation",
              "GetRecords",
              "shardId",
              shard.id,
              "limit",
              tooManyCalls ? "calls/s" : "bytes/s"));
      throw KinesisErrors.readThrottled(shard.id, stream.name, streams.limits.accountId());
    }
  }

  private GetRecordsResult read(DataStream stream, Shard shard, long from, int max, long now) {
    List<Record> records = new ArrayList<>();
    long bytes = 0;
    long ordinal = from;
    for (Shard.StoredRecord stored;
        records.size() < max && (stored = shard.at(ordinal)) != null; ) {
      long size = stored.sizeBytes();
      if (!records.isEmpty() && bytes + size > streams.limits.getRecordsMaxBytes()) {
        break;
      }
      records.add(stored.record());
      bytes += size;
      ordinal++;
    }
    shard.readCalls.record(1, now);
    long perSecond = streams.limits.shardReadBytesPerSecond();
    long debt = shard.readDebtBytes;
    long elapsed = now - shard.readDebtAtNanos;
    debt =
        elapsed >= holdNanos(debt, perSecond) ? 0 : debt - elapsed * perSecond / NANOS_PER_SECOND;
    shard.readDebtBytes = debt + bytes;
    shard.readDebtAtNanos = now;
    if (bytes > perSecond / streams.limits.shardReadCallsPerSecond()) {
      shard.readHeldUntilNanos = now + holdNanos(shard.readDebtBytes, perSecond);
    }
    recordReadMetrics(stream, shard, records, bytes);
    boolean endOfClosedShard = !shard.isOpen() && ordinal >= shard.nextOrdinal();
    String next =
        endOfClosedShard ? null : streams.iterators.encode(stream.name, shard.id, ordinal, now);
    List<ChildShard> children = endOfClosedShard ? childShards(stream, shard) : List.of();
    return new GetRecordsResult(records, next, millisBehind(shard, ordinal, now), children);
  }

  /** How long {@code bytes} take at {@code bytesPerSecond}, in nanos (rounded up). */
  static long holdNanos(long bytes, long bytesPerSecond) {
    if (bytes > (Long.MAX_VALUE - bytesPerSecond) / NANOS_PER_SECOND) {
      return Long.MAX_VALUE / 4;
    }
    return (bytes * NANOS_PER_SECOND + bytesPerSecond - 1) / bytesPerSecond;
  }

  private void recordReadMetrics(DataStream stream, Shard shard, List<Record> records, long bytes) {
    stream.metrics.getRecordsSuccess.record(1);
    stream.metrics.getRecordsRecords.record(records.size());
    stream.metrics.getRecordsBytes.record((double) bytes);
    shard.metrics.record(ShardLevelMetric.OUTGOING_RECORDS, records.size());
    shard.metrics.record(ShardLevelMetric.OUTGOING_BYTES, bytes);
    if (!records.isEmpty()) {
      Record last = records.get(records.size() - 1);
      long age =
          streams.context.clock().epochMillis() - last.approximateArrivalTimestamp().toEpochMilli();
      stream.metrics.getRecordsIteratorAge.record((double) age);
      shard.metrics.record(ShardLevelMetric.ITERATOR_AGE_MILLISECONDS, age);
      if (streams.context.trace().isEnabled()) {
        streams.trace(
            KinesisEventType.READ,
            stream.name,
            ImmutableMap.of(
                "shardId", shard.id,
                "records", Integer.toString(records.size()),
                "bytes", Long.toString(bytes)));
      }
    }
  }

  /** Milliseconds from the next unread record to now; 0 when the reader is caught up. */
  long millisBehind(Shard shard, long nextOrdinal, long now) {
    Shard.StoredRecord next = shard.at(nextOrdinal);
    return next == null ? 0 : (now - next.arrivalNanos()) / NANOS_PER_MILLISECOND;
  }

  static List<ChildShard> childShards(DataStream stream, Shard shard) {
    List<ChildShard> children = new ArrayList<>();
    for (String childId : shard.childShardIds) {
      Shard child = stream.shards.get(childId);
      List<String> parents = new ArrayList<>();
      parents.add(child.parentShardId);
      if (child.adjacentParentShardId != null) {
        parents.add(child.adjacentParentShardId);
      }
      children.add(
          new ChildShard(
              child.id, parents, new HashKeyRange(child.start.toString(), child.end.toString())));
    }
    return children;
  }
}
