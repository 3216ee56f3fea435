package dev.awssim.awssdk;

import dev.awssim.dynamodb.GetRecordsResult;
import dev.awssim.dynamodb.StreamDescription;
import dev.awssim.dynamodb.StreamRecord;
import dev.awssim.dynamodb.StreamShard;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Identity;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.SequenceNumberRange;
import software.amazon.awssdk.services.dynamodb.model.Shard;

/** DynamoDB Streams descriptions and records to the SDK's form, field by field. */
final class DynamoDbStreamsConverters {
  private DynamoDbStreamsConverters() {}

  static software.amazon.awssdk.services.dynamodb.model.StreamDescription describe(
      StreamDescription d, List<StreamShard> shards, String lastEvaluatedShardId) {
    return software.amazon.awssdk.services.dynamodb.model.StreamDescription.builder()
        .streamArn(d.streamArn())
        .streamLabel(d.streamLabel())
        .streamStatus(d.streamStatus().name())
        .streamViewType(d.streamViewType().name())
        .creationRequestDateTime(d.creationRequestDateTime())
        .tableName(d.tableName())
        .keySchema(DynamoDbTables.keySchema(d.keySchema()))
        .shards(Convert.list(shards, DynamoDbStreamsConverters::shard))
        .lastEvaluatedShardId(lastEvaluatedShardId)
        .build();
  }

  private static Shard shard(StreamShard s) {
    return Shard.builder()
        .shardId(s.shardId())
        .parentShardId(s.parentShardId())
        .sequenceNumberRange(
            SequenceNumberRange.builder()
                .startingSequenceNumber(s.sequenceNumberRange().startingSequenceNumber())
                .endingSequenceNumber(s.sequenceNumberRange().endingSequenceNumber())
                .build())
        .build();
  }

  static GetRecordsResponse records(GetRecordsResult r) {
    return GetRecordsResponse.builder()
        .records(Convert.list(r.records(), DynamoDbStreamsConverters::record))
        .nextShardIterator(r.nextShardIterator())
        .build();
  }

  private static Record record(StreamRecord r) {
    return Record.builder()
        .eventID(r.eventId())
        .eventName(r.eventName().name())
        .eventSource(r.eventSource())
        .eventVersion(r.eventVersion())
        .awsRegion(r.awsRegion())
        .dynamodb(
            software.amazon.awssdk.services.dynamodb.model.StreamRecord.builder()
                .approximateCreationDateTime(r.approximateCreationDateTime())
                .keys(AttributeValues.toSdk(r.keys()))
                .newImage(AttributeValues.toSdk(r.newImage()))
                .oldImage(AttributeValues.toSdk(r.oldImage()))
                .sequenceNumber(r.sequenceNumber())
                .sizeBytes(r.sizeBytes())
                .streamViewType(r.streamViewType().name())
                .build())
        .userIdentity(
            r.userIdentityPrincipalId() == null
                ? null
                : Identity.builder()
                    .principalId(r.userIdentityPrincipalId())
                    .type(r.userIdentityType())
                    .build())
        .build();
  }
}
