package dev.awssim.awssdk;

import dev.awssim.kinesis.ChildShard;
import dev.awssim.kinesis.ConsumerDescription;
import dev.awssim.kinesis.GetRecordsResult;
import dev.awssim.kinesis.PutRecordsRequestEntry;
import dev.awssim.kinesis.PutRecordsResult;
import dev.awssim.kinesis.Record;
import dev.awssim.kinesis.ShardDescription;
import dev.awssim.kinesis.ShardFilterType;
import dev.awssim.kinesis.StreamDescription;
import java.util.List;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.model.Consumer;
import software.amazon.awssdk.services.kinesis.model.EnhancedMetrics;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.HashKeyRange;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;
import software.amazon.awssdk.services.kinesis.model.SequenceNumberRange;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.StreamDescriptionSummary;
import software.amazon.awssdk.services.kinesis.model.StreamModeDetails;

/** Field-by-field conversion between the SDK's Kinesis model and the simulator's. */
final class KinesisConverters {
  private KinesisConverters() {}

  /**
   * The stream a request names: its StreamName, else the name inside its StreamARN ({@code
   * arn:aws:kinesis:REGION:ACCOUNT:stream/NAME}).
   */
  static String streamName(String name, String arn) {
    if (name != null || arn == null) {
      return name;
    }
    int slash = arn.indexOf(":stream/");
    return slash < 0 ? arn : arn.substring(slash + ":stream/".length());
  }

  static List<PutRecordsRequestEntry> entries(
      List<software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry> entries) {
    return Convert.list(
        entries,
        e -> new PutRecordsRequestEntry(bytes(e.data()), e.partitionKey(), e.explicitHashKey()));
  }

  /** The simulator's filter, or null; an unknown type stays null so the core rejects it. */
  static dev.awssim.kinesis.ShardFilter shardFilter(
      software.amazon.awssdk.services.kinesis.model.ShardFilter filter) {
    if (filter == null) {
      return null;
    }
    return new dev.awssim.kinesis.ShardFilter(
        SdkErrors.KINESIS.enumOf(ShardFilterType.class, filter.typeAsString()),
        filter.shardId(),
        filter.timestamp());
  }

  /** The request's bytes without a copy: the simulator copies what it keeps. */
  static byte[] bytes(SdkBytes data) {
    return data == null ? null : data.asByteArrayUnsafe();
  }

  static PutRecordsResponse putRecords(PutRecordsResult r) {
    return PutRecordsResponse.builder()
        .failedRecordCount(r.failedRecordCount())
        .records(
            Convert.list(
                r.records(),
                e ->
                    PutRecordsResultEntry.builder()
                        .sequenceNumber(e.sequenceNumber())
                        .shardId(e.shardId())
                        .errorCode(e.errorCode())
                        .errorMessage(e.errorMessage())
                        .build()))
        .encryptionType(r.encryptionType())
        .build();
  }

  static GetRecordsResponse getRecords(GetRecordsResult r) {
    return GetRecordsResponse.builder()
        .records(Convert.list(r.records(), KinesisConverters::record))
        .nextShardIterator(r.nextShardIterator())
        .millisBehindLatest(r.millisBehindLatest())
        .childShards(
            r.childShards() == null || r.childShards().isEmpty()
                ? null
                : Convert.list(r.childShards(), KinesisConverters::childShard))
        .build();
  }

  static software.amazon.awssdk.services.kinesis.model.Record record(Record r) {
    return software.amazon.awssdk.services.kinesis.model.Record.builder()
        .sequenceNumber(r.sequenceNumber())
        .approximateArrivalTimestamp(r.approximateArrivalTimestamp())
        // The simulator hands out a copy of each record's data: no second copy needed.
        .data(SdkBytes.fromByteArrayUnsafe(r.data()))
        .partitionKey(r.partitionKey())
        .build();
  }

  static software.amazon.awssdk.services.kinesis.model.ChildShard childShard(ChildShard c) {
    return software.amazon.awssdk.services.kinesis.model.ChildShard.builder()
        .shardId(c.shardId())
        .parentShards(c.parentShards())
        .hashKeyRange(hashKeyRange(c.hashKeyRange()))
        .build();
  }

  static software.amazon.awssdk.services.kinesis.model.StreamDescription describe(
      StreamDescription d, List<ShardDescription> shards, boolean hasMoreShards) {
    return software.amazon.awssdk.services.kinesis.model.StreamDescription.builder()
        .streamName(d.streamName())
        .streamARN(d.streamArn())
        .streamStatus(d.streamStatus().name())
        .streamModeDetails(mode(d))
        .shards(Convert.list(shards, KinesisConverters::shard))
        .hasMoreShards(hasMoreShards)
        .retentionPeriodHours(d.retentionPeriodHours())
        .streamCreationTimestamp(d.streamCreationTimestamp())
        .enhancedMonitoring(enhancedMonitoring(d))
        .encryptionType("NONE")
        .build();
  }

  static StreamDescriptionSummary summary(StreamDescription d) {
    return StreamDescriptionSummary.builder()
        .streamName(d.streamName())
        .streamARN(d.streamArn())
        .streamStatus(d.streamStatus().name())
        .streamModeDetails(mode(d))
        .retentionPeriodHours(d.retentionPeriodHours())
        .streamCreationTimestamp(d.streamCreationTimestamp())
        .enhancedMonitoring(enhancedMonitoring(d))
        .encryptionType("NONE")
        .openShardCount(d.openShardCount())
        .consumerCount(d.consumerCount())
        .maxRecordSizeInKiB(d.maxRecordSizeInKiB())
        .build();
  }

  private static EnhancedMetrics enhancedMonitoring(StreamDescription d) {
    return EnhancedMetrics.builder().shardLevelMetricsWithStrings(d.shardLevelMetrics()).build();
  }

  private static StreamModeDetails mode(StreamDescription d) {
    return StreamModeDetails.builder().streamMode(d.streamMode().name()).build();
  }

  static Shard shard(ShardDescription s) {
    return Shard.builder()
        .shardId(s.shardId())
        .parentShardId(s.parentShardId())
        .adjacentParentShardId(s.adjacentParentShardId())
        .hashKeyRange(hashKeyRange(s.hashKeyRange()))
        .sequenceNumberRange(
            SequenceNumberRange.builder()
                .startingSequenceNumber(s.sequenceNumberRange().startingSequenceNumber())
                .endingSequenceNumber(s.sequenceNumberRange().endingSequenceNumber())
                .build())
        .build();
  }

  private static HashKeyRange hashKeyRange(dev.awssim.kinesis.HashKeyRange h) {
    return HashKeyRange.builder()
        .startingHashKey(h.startingHashKey())
        .endingHashKey(h.endingHashKey())
        .build();
  }

  static Consumer consumer(ConsumerDescription c) {
    return Consumer.builder()
        .consumerName(c.consumerName())
        .consumerARN(c.consumerArn())
        .consumerStatus(c.consumerStatus())
        .consumerCreationTimestamp(c.consumerCreationTimestamp())
        .build();
  }

  static software.amazon.awssdk.services.kinesis.model.ConsumerDescription consumerDescription(
      ConsumerDescription c) {
    return software.amazon.awssdk.services.kinesis.model.ConsumerDescription.builder()
        .consumerName(c.consumerName())
        .consumerARN(c.consumerArn())
        .consumerStatus(c.consumerStatus())
        .consumerCreationTimestamp(c.consumerCreationTimestamp())
        .streamARN(c.streamArn())
        .build();
  }
}
