package dev.awssim.kinesis;

import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * PutRecord and PutRecords: validation, the shard a record goes to, and the per-shard write limits
 * of 1 MiB/s and 1,000 records/s over every one-second span ({@code
 * https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html}).
 */
final class ShardWriter {
  private static final int MAX_PARTITION_KEY_LENGTH = 256;
  private static final Pattern ORDERING_HINT = Pattern.compile("0|[1-9]\\d{0,127}");

  private final Streams streams;
  private final PartitionKeyHasher hasher = new PartitionKeyHasher();

  ShardWriter(Streams streams) {
    this.streams = streams;
  }

  PutRecordResult putRecord(PutRecordRequest request) {
    if (request == null) {
      throw KinesisErrors.validation("request", null, "Member must not be null");
    }
    byte[] data = request.data();
    String partitionKey = request.partitionKey();
    long size = validateRecord(data, partitionKey);
    HashKey key = hashKey(partitionKey, request.explicitHashKey());
    validateOrderingHint(request.sequenceNumberForOrdering());
    DataStream stream = streams.requireUsable(request.streamName());
    checkRecordSize(stream, size);
    Shard shard = stream.shardFor(key);
    long now = streams.now();
    String sequenceNumber = write(stream, shard, data, partitionKey, size, now);
    if (sequenceNumber == null) {
      stream.metrics.writeExceeded.recordHoldingLock(1, now);
      throw KinesisErrors.writeThrottled(shard.id, stream.name, streams.limits.accountId());
    }
    stream.metrics.putRecordSuccess.recordHoldingLock(1, now);
    stream.metrics.putRecordBytes.recordHoldingLock((double) size, now);
    return new PutRecordResult(shard.id, sequenceNumber, "NONE");
  }

  PutRecordsResult putRecords(String streamName, List<PutRecordsRequestEntry> entries) {
    List<HashKey> keys = validateBatch(entries);
    DataStream stream = streams.requireUsable(streamName);
    long[] sizes = new long[entries.size()];
    for (int i = 0; i < entries.size(); i++) {
      PutRecordsRequestEntry entry = entries.get(i);
      sizes[i] = recordSize(entry.data(), entry.partitionKey());
      checkRecordSize(stream, sizes[i]);
    }
    List<PutRecordsResultEntry> results = new ArrayList<>(entries.size());
    int failed = 0;
    for (int i = 0; i < entries.size(); i++) {
      PutRecordsRequestEntry entry = entries.get(i);
      Shard shard = stream.shardFor(keys.get(i));
      String sequenceNumber =
          write(stream, shard, entry.data(), entry.partitionKey(), sizes[i], streams.now());
      if (sequenceNumber == null) {
        failed++;
        results.add(
            new PutRecordsResultEntry(
                null,
                null,
                KinesisErrors.THROUGHPUT_EXCEEDED,
                KinesisErrors.writeThrottleMessage(
                    shard.id, stream.name, streams.limits.accountId())));
      } else {
        results.add(new PutRecordsResultEntry(sequenceNumber, shard.id, null, null));
      }
    }
    StreamMetrics metrics = stream.metrics;
    metrics.putRecordsRecords.record(entries.size());
    metrics.putRecordsFailed.record(failed);
    metrics.putRecordsThrottled.record(failed);
    metrics.putRecordsSuccessful.record(entries.size() - failed);
    metrics.putRecordsSuccess.record(1);
    if (failed > 0) {
      metrics.writeExceeded.record(failed);
    }
    return new PutRecordsResult(failed, results, "NONE");
  }

  /**
   * Writes one record of {@code size} bytes (data plus key) at {@code now} if the shard's limits
   * allow it, and returns its sequence number; null when it is throttled.
   */
  private String write(
      DataStream stream, Shard shard, byte[] data, String key, long size, long now) {
    long bytesLimit = shard.writeBytes.limit();
    boolean large = size > bytesLimit;
    // A record over the shard's 1 MiB/s needs the whole second and the burst (large-records.html).
    long bytesCharged = large ? bytesLimit : size;
    boolean recordsFit = shard.writeRecords.hasRoom(1, now);
    boolean bytesFit = shard.writeBytes.hasRoom(bytesCharged, now);
    boolean burst =
        stream.maxRecordBytes <= bytesLimit
            || shard.largeRecordBurst(streams.limits).estimate(size, now).isAdmitted();
    if (!recordsFit || !bytesFit || !burst) {
      shard.metrics.record(ShardLevelMetric.WRITE_PROVISIONED_THROUGHPUT_EXCEEDED, 1);
      streams.trace(
          KinesisEventType.THROTTLED,
          stream.name,
          streams.context.trace().isEnabled()
              ? ImmutableMap.of(
                  "operation",
                  "PutRecord",
                  "shardId",
                  shard.id,
                  "partitionKey",
                  key,
                  "limit",
                  recordsFit ? "bytes/s" : "records/s")
              : ImmutableMap.of());
      return null;
    }
    shard.writeRecords.record(1, now);
    shard.writeBytes.record(bytesCharged, now);
    if (stream.maxRecordBytes > bytesLimit) {
      shard.largeRecordBurst(streams.limits).tryConsume(size, now);
    }
    shard.trim(now, stream.retentionNanos);
    shard.bytesSinceScalingCheck += size;
    long epochMillis = streams.epochMillis(now);
    long ordinal = shard.append(data, key, now, epochMillis);
    String sequenceNumber = shard.sequenceNumber(epochMillis, ordinal);
    stream.metrics.incomingBytes.recordHoldingLock((double) size, now);
    stream.metrics.incomingRecords.recordHoldingLock(1, now);
    shard.metrics.record(ShardLevelMetric.INCOMING_BYTES, size);
    shard.metrics.record(ShardLevelMetric.INCOMING_RECORDS, 1);
    if (streams.context.trace().isEnabled()) {
      streams.trace(
          KinesisEventType.ACCEPTED,
          stream.name,
          ImmutableMap.of(
              "shardId",
              shard.id,
              "sequenceNumber",
              sequenceNumber,
              "partitionKey",
              key,
              "bytes",
              Long.toString(size)));
    }
    return sequenceNumber;
  }

  private List<HashKey> validateBatch(List<PutRecordsRequestEntry> entries) {
    if (entries == null) {
      throw KinesisErrors.validation("records", null, "Member must not be null");
    }
    KinesisLimits limits = streams.limits;
    if (entries.isEmpty() || entries.size() > limits.putRecordsMaxRecords()) {
      throw KinesisErrors.validation(
          "records",
          entries.size() + " records",
          "Member must have length less than or equal to "
              + limits.putRecordsMaxRecords()
              + " and greater than or equal to 1");
    }
    List<HashKey> keys = new ArrayList<>(entries.size());
    long total = 0;
    for (PutRecordsRequestEntry entry : entries) {
      if (entry == null) {
        throw KinesisErrors.validation("records.member", null, "Member must not be null");
      }
      total += validateRecord(entry.data(), entry.partitionKey());
      keys.add(hashKey(entry.partitionKey(), entry.explicitHashKey()));
    }
    if (total > limits.putRecordsMaxBytes()) {
      throw KinesisErrors.invalidArgument(
          "Records size exceeds " + limits.putRecordsMaxBytes() + " bytes limit");
    }
    return keys;
  }

  /**
   * Checks one record's data and partition key (not yet its stream's record size) and returns its
   * size: the data plus the key's UTF-8 bytes.
   */
  private long validateRecord(byte[] data, String partitionKey) {
    if (data == null) {
      throw KinesisErrors.validation("data", null, "Member must not be null");
    }
    if (partitionKey == null) {
      throw KinesisErrors.validation("partitionKey", null, "Member must not be null");
    }
    // 1 to 256 chars are 1 to 256 code points; only a longer key needs counting.
    int chars = partitionKey.length();
    int keyLength =
        chars <= MAX_PARTITION_KEY_LENGTH ? chars : partitionKey.codePointCount(0, chars);
    if (keyLength < 1 || keyLength > MAX_PARTITION_KEY_LENGTH) {
      throw KinesisErrors.validation(
          "partitionKey",
          partitionKey,
          "Member must have length less than or equal to 256 and greater than or equal to 1");
    }
    long size = recordSize(data, partitionKey);
    if (size > KinesisLimits.MAX_MAX_RECORD_SIZE_KIB * 1_024L) {
      throw tooLarge(size, KinesisLimits.MAX_MAX_RECORD_SIZE_KIB * 1_024L);
    }
    return size;
  }

  /** The hash key that picks a record's shard: the explicit one, or the partition key's MD5. */
  private HashKey hashKey(String partitionKey, String explicitHashKey) {
    if (explicitHashKey == null) {
      return hasher.hash(partitionKey);
    }
    HashKey explicit = HashKey.parse(explicitHashKey);
    if (explicit == null) {
      throw KinesisErrors.invalidArgument(
          "Invalid ExplicitHashKey. ExplicitHashKey must be in the range: [0, 2^128-1]. Specified"
              + " value was "
              + explicitHashKey);
    }
    return explicit;
  }

  /** The data plus the key's UTF-8 bytes; the hasher keeps the key's encoding for its hash. */
  private long recordSize(byte[] data, String partitionKey) {
    return (long) data.length + hasher.utf8Length(partitionKey);
  }

  /** The stream's MaxRecordSizeInKiB (1 MiB unless UpdateMaxRecordSize raised it). */
  private static void checkRecordSize(DataStream stream, long size) {
    if (size > stream.maxRecordBytes) {
      throw tooLarge(size, stream.maxRecordBytes);
    }
  }

  private static KinesisException tooLarge(long size, long max) {
    return KinesisErrors.validation(
        "data",
        size + " bytes",
        "Member must have length less than or equal to " + max + " (data plus partition key)");
  }

  private static void validateOrderingHint(String sequenceNumberForOrdering) {
    if (sequenceNumberForOrdering != null
        && !ORDERING_HINT.matcher(sequenceNumberForOrdering).matches()) {
      throw KinesisErrors.validation(
          "sequenceNumberForOrdering",
          sequenceNumberForOrdering,
          "Member must satisfy regular expression pattern: 0|([1-9]\\d{0,128})");
    }
  }
}
