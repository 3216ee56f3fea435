package dev.awssim.dynamodb;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One DynamoDB stream of a table ([SIM] one shard for the stream's life: per-item order holds
 * because every record goes to that shard in modification order; Streams.html). Records older than
 * 24 hours are trimmed when the stream is read.
 */
final class Stream {
  private static final long RETENTION_NANOS = DynamoDbLimits.STREAM_RECORD_RETENTION.toNanos();
  private static final long READER_WINDOW_NANOS = DynamoDbLimits.STREAM_READER_WINDOW.toNanos();

  private static final DateTimeFormatter LABEL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  final String arn;
  final String label;
  final String tableName;
  final List<KeySchemaElement> keySchema;
  final StreamViewType viewType;
  final Instant created;
  final String shardId;

  /** The Region of the table's ARN, which stream records name as awsRegion. */
  private final String region;

  private final List<StreamRecord> records = new ArrayList<>();
  private final List<Long> recordNanos = new ArrayList<>();
  private long nextSequence;
  private String endingSequence;
  private long closedNanos;
  private int trimmed;

  /** The id the next GetShardIterator's reader gets. */
  private long nextReader;

  /** Each reader that read within the last window, and when it last read. */
  private final Map<Long, Long> readers = new LinkedHashMap<>();

  Stream(
      Table table,
      StreamViewType viewType,
      Instant created,
      long createdNanos,
      String shardSuffix) {
    this.label = LABEL.format(created);
    this.arn = table.arn + "/stream/" + label;
    this.region = table.arn.split(":", -1)[3];
    this.tableName = table.name;
    this.keySchema = table.key.elements();
    this.viewType = viewType;
    this.created = created;
    this.shardId =
        String.format(Locale.ROOT, "shardId-%020d-%s", createdNanos / 1_000_000, shardSuffix);
    this.nextSequence = 100_000_000_000_000_000L + createdNanos / 1000;
  }

  boolean isOpen() {
    return endingSequence == null;
  }

  /**
   * Closes the shard at {@code nowNanos}: its records stay readable for 24 hours (Streams.html).
   */
  void close(long nowNanos) {
    endingSequence = sequence(nextSequence - 1);
    closedNanos = nowNanos;
  }

  /** True once the stream is closed and 24 hours have passed: nothing in it is readable. */
  boolean expired(long nowNanos) {
    return !isOpen() && nowNanos - closedNanos >= RETENTION_NANOS;
  }

  /** Appends the record of one change; no record when nothing changed (Streams.html). */
  void append(
      Map<String, AttributeValue> key,
      Map<String, AttributeValue> oldItem,
      Map<String, AttributeValue> newItem,
      boolean service,
      Instant now,
      long nowNanos,
      String eventId) {
    if (!isOpen()
        || (oldItem == null && newItem == null)
        || (oldItem != null && oldItem.equals(newItem))) {
      return;
    }
    OperationType type =
        oldItem == null
            ? OperationType.INSERT
            : newItem == null ? OperationType.REMOVE : OperationType.MODIFY;
    boolean wantsNew =
        viewType == StreamViewType.NEW_IMAGE || viewType == StreamViewType.NEW_AND_OLD_IMAGES;
    boolean wantsOld =
        viewType == StreamViewType.OLD_IMAGE || viewType == StreamViewType.NEW_AND_OLD_IMAGES;
    Map<String, AttributeValue> newImage = wantsNew ? newItem : null;
    Map<String, AttributeValue> oldImage = wantsOld ? oldItem : null;
    long size =
        Items.size(key)
            + (newImage == null ? 0 : Items.size(newImage))
            + (oldImage == null ? 0 : Items.size(oldImage));
    records.add(
        new StreamRecord(
            eventId,
            type,
            "aws:dynamodb",
            "1.1",
            region,
            now,
            key,
            newImage,
            oldImage,
            sequence(nextSequence++),
            size,
            viewType,
            service ? "dynamodb.amazonaws.com" : null,
            service ? "Service" : null));
    recordNanos.add(nowNanos);
  }

  /** A new reader of the shard: one GetShardIterator and the iterators that follow from it. */
  long newReader() {
    return nextReader++;
  }

  /**
   * Lets {@code reader} read at {@code nowNanos} unless it is not reading yet and two other readers
   * read within the last [SIM] window (ServiceQuotas.html: at most two processes per shard at the
   * same time); a refused call does not count as reading.
   */
  boolean admitReader(long reader, long nowNanos) {
    readers.values().removeIf(last -> last + READER_WINDOW_NANOS <= nowNanos);
    if (!readers.containsKey(reader)
        && readers.size() >= DynamoDbLimits.STREAM_MAX_READERS_PER_SHARD) {
      return false;
    }
    readers.put(reader, nowNanos);
    return true;
  }

  /** Drops records older than 24 hours. */
  void trim(long nowNanos) {
    while (trimmed < records.size() && recordNanos.get(trimmed) + RETENTION_NANOS <= nowNanos) {
      trimmed++;
    }
  }

  /** Index of the first retained record. */
  int firstRetained() {
    return trimmed;
  }

  int size() {
    return records.size();
  }

  StreamRecord record(int index) {
    return records.get(index);
  }

  /** The position of the record with {@code sequenceNumber}, or -1. */
  int indexOf(String sequenceNumber) {
    for (int i = 0; i < records.size(); i++) {
      if (records.get(i).sequenceNumber().equals(sequenceNumber)) {
        return i;
      }
    }
    return -1;
  }

  StreamDescription describe() {
    String start =
        records.isEmpty()
            ? sequence(nextSequence)
            : records.get(Math.min(trimmed, records.size() - 1)).sequenceNumber();
    StreamShard shard =
        new StreamShard(shardId, null, new SequenceNumberRange(start, endingSequence));
    return new StreamDescription(
        arn,
        label,
        isOpen() ? StreamStatus.ENABLED : StreamStatus.DISABLED,
        viewType,
        created,
        tableName,
        keySchema,
        List.of(shard));
  }

  private static String sequence(long n) {
    return String.format(Locale.ROOT, "%021d", n);
  }
}
