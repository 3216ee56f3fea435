package dev.awssim.dynamodb;

import dev.awssim.internal.SimulationContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * DynamoDB Streams (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Streams.html):
 * ListStreams, DescribeStream, GetShardIterator and GetRecords over the streams of a {@link
 * DynamoDb}. Records are kept 24 hours; iterators expire after 15 minutes; one GetRecords returns
 * at most 1,000 records or 1 MB; at most two readers (chains of iterators) read a shard within any
 * [SIM] one-second window, a third is throttled.
 *
 * <pre>{@code
 * DynamoDbStreams streams = db.streams();
 * String arn = db.describeTable("Orders").latestStreamArn();
 * StreamShard shard = streams.describeStream(arn).shards().get(0);
 * String it = streams.getShardIterator(arn, shard.shardId(), ShardIteratorType.TRIM_HORIZON, null);
 * List<StreamRecord> records = streams.getRecords(it, null).records();
 * }</pre>
 *
 * <p>Operations report AWS's errors as {@link DynamoDbException}: ResourceNotFoundException,
 * ExpiredIteratorException, TrimmedDataAccessException, LimitExceededException,
 * ValidationException.
 */
public final class DynamoDbStreams {
  private static final long ITERATOR_LIFETIME_NANOS =
      DynamoDbLimits.STREAM_ITERATOR_LIFETIME.toNanos();

  private static final String PREFIX = "iterator|";

  private final SimulationContext context;
  private final Map<String, Stream> streams = new TreeMap<>();

  DynamoDbStreams(SimulationContext context) {
    this.context = context;
  }

  void register(Stream stream) {
    streams.put(stream.arn, stream);
  }

  /** The streams of {@code tableName} (all tables when null), by ARN. */
  public List<StreamSummary> listStreams(String tableName) {
    synchronized (context.lock()) {
      List<StreamSummary> result = new ArrayList<>();
      for (Stream s : streams.values()) {
        if ((tableName == null || s.tableName.equals(tableName)) && !expired(s)) {
          result.add(new StreamSummary(s.arn, s.tableName, s.label));
        }
      }
      return result;
    }
  }

  private boolean expired(Stream stream) {
    return stream.expired(context.clock().nanos());
  }

  /**
   * DescribeStream: status, view type and shards.
   *
   * @throws DynamoDbException ResourceNotFoundException for an unknown stream
   */
  public StreamDescription describeStream(String streamArn) {
    synchronized (context.lock()) {
      Stream stream = stream(streamArn);
      stream.trim(context.clock().nanos());
      return stream.describe();
    }
  }

  /**
   * GetShardIterator.
   *
   * @throws DynamoDbException ResourceNotFoundException, ValidationException for a missing or
   *     unknown sequence number, TrimmedDataAccessException for a trimmed one
   */
  public String getShardIterator(
      String streamArn, String shardId, ShardIteratorType type, String sequenceNumber) {
    synchronized (context.lock()) {
      Stream stream = stream(streamArn);
      if (!stream.shardId.equals(shardId)) {
        throw Errors.of(
            "ResourceNotFoundException", "Requested resource not found: Shard does not exist");
      }
      stream.trim(context.clock().nanos());
      int position =
          switch (type) {
            case TRIM_HORIZON -> stream.firstRetained();
            case LATEST -> stream.size();
            case AT_SEQUENCE_NUMBER, AFTER_SEQUENCE_NUMBER ->
                positionOf(stream, type, sequenceNumber);
          };
      return iterator(stream, position, stream.newReader());
    }
  }

  private static int positionOf(Stream stream, ShardIteratorType type, String sequenceNumber) {
    if (sequenceNumber == null) {
      throw Errors.validation("A sequence number is required for " + type);
    }
    int index = stream.indexOf(sequenceNumber);
    if (index < 0) {
      throw Errors.validation("Invalid SequenceNumber: " + sequenceNumber);
    }
    if (index < stream.firstRetained()) {
      throw Errors.of(
          "TrimmedDataAccessException",
          "The operation attempted to read past the oldest stream record in a shard.");
    }
    return type == ShardIteratorType.AT_SEQUENCE_NUMBER ? index : index + 1;
  }

  private String iterator(Stream stream, int position, long reader) {
    return PREFIX + stream.arn + "|" + position + "|" + context.clock().nanos() + "|" + reader;
  }

  /**
   * GetRecords: up to {@code limit} (default and maximum 1,000) records or 1 MB from the iterator's
   * position, in sequence order.
   *
   * @throws DynamoDbException ExpiredIteratorException after 15 minutes, TrimmedDataAccessException
   *     when the position was trimmed, LimitExceededException for a limit past 1,000 or a third
   *     reader of the shard (a throttle: {@link DynamoDbException#isThrottling()}),
   *     ValidationException for a bad iterator or a limit under 1
   */
  public GetRecordsResult getRecords(String shardIterator, Integer limit) {
    synchronized (context.lock()) {
      if (limit != null && limit < 1) {
        throw Errors.validation(
            "1 validation error detected: Value '"
                + limit
                + "' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
      }
      if (limit != null && limit > DynamoDbLimits.STREAM_GET_RECORDS_MAX_RECORDS) {
        throw Errors.streamLimitExceeded(
            "GetRecords was called with a value of more than 1000 for the limit request parameter.",
            false);
      }
      String[] parts =
          shardIterator == null || !shardIterator.startsWith(PREFIX)
              ? new String[0]
              : shardIterator.substring(PREFIX.length()).split("\\|");
      if (parts.length != 4) {
        throw Errors.validation("Invalid ShardIterator");
      }
      Stream stream = stream(parts[0]);
      int position;
      long issued;
      long reader;
      try {
        position = Integer.parseInt(parts[1]);
        issued = Long.parseLong(parts[2]);
        reader = Long.parseLong(parts[3]);
      } catch (NumberFormatException e) {
        throw Errors.validation("Invalid ShardIterator");
      }
      long now = context.clock().nanos();
      if (now >= issued + ITERATOR_LIFETIME_NANOS) {
        throw Errors.of(
            "ExpiredIteratorException",
            "Iterator expired. The iterator was created at time "
                + context.clock().toInstant(issued)
                + " while right now it is "
                + context.clock().now()
                + ".");
      }
      if (!stream.admitReader(reader, now)) {
        throw Errors.streamLimitExceeded(
            "More than 2 processes are reading from the same streams shard at the same time.",
            true);
      }
      stream.trim(now);
      if (position < stream.firstRetained()) {
        throw Errors.of(
            "TrimmedDataAccessException",
            "The operation attempted to read past the oldest stream record in a shard.");
      }
      int max = limit == null ? DynamoDbLimits.STREAM_GET_RECORDS_MAX_RECORDS : limit;
      List<StreamRecord> records = new ArrayList<>();
      long bytes = 0;
      while (position < stream.size()
          && records.size() < max
          && (records.isEmpty()
              || bytes + stream.record(position).sizeBytes()
                  <= DynamoDbLimits.STREAM_GET_RECORDS_MAX_BYTES)) {
        StreamRecord record = stream.record(position++);
        bytes += record.sizeBytes();
        records.add(record);
      }
      String next =
          !stream.isOpen() && position >= stream.size() ? null : iterator(stream, position, reader);
      return new GetRecordsResult(records, next);
    }
  }

  private Stream stream(String arn) {
    Stream stream = arn == null ? null : streams.get(arn);
    if (stream == null) {
      throw Errors.of(
          "ResourceNotFoundException",
          "Requested resource not found: Stream: " + arn + " not found");
    }
    return stream;
  }
}
