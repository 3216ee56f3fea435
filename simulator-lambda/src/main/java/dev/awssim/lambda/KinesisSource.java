package dev.awssim.lambda;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisTimeWindowEvent;
import dev.awssim.kinesis.ChildShard;
import dev.awssim.kinesis.GetRecordsResult;
import dev.awssim.kinesis.GetShardIteratorRequest;
import dev.awssim.kinesis.Kinesis;
import dev.awssim.kinesis.ListShardsRequest;
import dev.awssim.kinesis.ListShardsResult;
import dev.awssim.kinesis.Record;
import dev.awssim.kinesis.ShardDescription;
import dev.awssim.kinesis.ShardIteratorType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A Kinesis data stream read through the Kinesis model's public API. */
final class KinesisSource implements StreamEventSource.Source {
  private final Kinesis kinesis;
  private final String streamName;
  private final String streamArn;
  private final String region;

  KinesisSource(Kinesis kinesis, String streamArn, String region) {
    this.kinesis = kinesis;
    this.streamArn = streamArn;
    this.streamName = streamArn.substring(streamArn.indexOf(":stream/") + ":stream/".length());
    this.region = region;
  }

  /**
   * Whether the stream of this Region with the ARN's name is the one the ARN names (not when the
   * ARN names another Region or account); the Kinesis model's error when no stream has the name.
   */
  boolean check() {
    return kinesis.describeStreamSummary(streamName).streamArn().equals(streamArn);
  }

  @Override
  public List<StreamEventSource.ShardStart> initialShards(EventSourceMappingConfig config) {
    List<ShardDescription> all = new ArrayList<>();
    ListShardsResult page = kinesis.listShards(ListShardsRequest.of(streamName));
    all.addAll(page.shards());
    while (page.nextToken() != null) {
      page = kinesis.listShards(ListShardsRequest.next(page.nextToken()));
      all.addAll(page.shards());
    }
    boolean trimHorizon =
        config.startingPosition() == EventSourceMappingConfig.StartingPosition.TRIM_HORIZON;
    Set<String> listed = new HashSet<>();
    for (ShardDescription s : all) {
      listed.add(s.shardId());
    }
    List<StreamEventSource.ShardStart> starts = new ArrayList<>();
    for (ShardDescription s : all) {
      if (!trimHorizon && s.sequenceNumberRange().endingSequenceNumber() != null) {
        continue; // LATEST and AT_TIMESTAMP read the open shards
      }
      List<String> parents = new ArrayList<>();
      if (trimHorizon) {
        for (String p : new String[] {s.parentShardId(), s.adjacentParentShardId()}) {
          if (p != null && listed.contains(p)) {
            parents.add(p);
          }
        }
      }
      starts.add(new StreamEventSource.ShardStart(s.shardId(), parents, false));
    }
    return starts;
  }

  @Override
  public String iterator(String shardId, EventSourceMappingConfig config, String afterSequence) {
    if (afterSequence != null) {
      return kinesis.getShardIterator(
          GetShardIteratorRequest.atSequence(
              streamName, shardId, ShardIteratorType.AFTER_SEQUENCE_NUMBER, afterSequence));
    }
    return switch (config.startingPosition()) {
      case TRIM_HORIZON ->
          kinesis.getShardIterator(
              GetShardIteratorRequest.of(streamName, shardId, ShardIteratorType.TRIM_HORIZON));
      case LATEST ->
          kinesis.getShardIterator(
              GetShardIteratorRequest.of(streamName, shardId, ShardIteratorType.LATEST));
      case AT_TIMESTAMP ->
          kinesis.getShardIterator(
              GetShardIteratorRequest.atTimestamp(
                  streamName, shardId, config.startingPositionTimestamp()));
    };
  }

  @Override
  public StreamEventSource.Page read(String iterator, int limit) {
    GetRecordsResult r = kinesis.getRecords(iterator, limit);
    List<StreamEventSource.SourceRecord> records = new ArrayList<>(r.records().size());
    for (Record k : r.records()) {
      records.add(
          new StreamEventSource.SourceRecord(
              k.sequenceNumber(), k.approximateArrivalTimestamp(), k.partitionKey(), k));
    }
    List<StreamEventSource.ShardStart> children = new ArrayList<>();
    for (ChildShard c : r.childShards()) {
      children.add(new StreamEventSource.ShardStart(c.shardId(), c.parentShards(), true));
    }
    return new StreamEventSource.Page(records, r.nextShardIterator(), children);
  }

  /**
   * The event with the fields AWS fills
   * (https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html).
   */
  @Override
  public Object event(String shardId, List<StreamEventSource.SourceRecord> batch) {
    List<KinesisEvent.KinesisEventRecord> records = new ArrayList<>(batch.size());
    for (StreamEventSource.SourceRecord s : batch) {
      Record k = (Record) s.raw();
      KinesisEvent.Record data = new KinesisEvent.Record();
      data.setKinesisSchemaVersion("1.0");
      data.setPartitionKey(k.partitionKey());
      data.setSequenceNumber(k.sequenceNumber());
      data.setData(ByteBuffer.wrap(k.data().clone()));
      data.setApproximateArrivalTimestamp(Date.from(k.approximateArrivalTimestamp()));
      KinesisEvent.KinesisEventRecord r = new KinesisEvent.KinesisEventRecord();
      r.setKinesis(data);
      r.setEventSource("aws:kinesis");
      r.setEventVersion("1.0");
      r.setEventID(shardId + ":" + k.sequenceNumber());
      r.setEventName("aws:kinesis:record");
      r.setEventSourceARN(streamArn);
      r.setAwsRegion(region);
      records.add(r);
    }
    KinesisEvent event = new KinesisEvent();
    event.setRecords(records);
    return event;
  }

  @Override
  public Object windowEvent(
      String shardId,
      List<StreamEventSource.SourceRecord> batch,
      StreamEventSource.WindowInvoke w) {
    return new KinesisTimeWindowEvent(
        ((KinesisEvent) event(shardId, batch)).getRecords(),
        w.window(),
        w.state(),
        shardId,
        streamArn,
        w.isFinalInvokeForWindow(),
        w.isWindowTerminatedEarly());
  }

  /**
   * Kinesis mappings filter on the {@code data} key only: the record's data, read as JSON when it
   * is a JSON object (https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis-filtering.html).
   */
  @Override
  public Map<String, Object> filterView(StreamEventSource.SourceRecord record) {
    Record k = (Record) record.raw();
    return Map.of("data", EventFilter.parsedOrText(new String(k.data(), StandardCharsets.UTF_8)));
  }

  @Override
  public Duration pollInterval() {
    return LambdaLimits.KINESIS_POLL_INTERVAL;
  }

  @Override
  public String arn() {
    return streamArn;
  }

  @Override
  public String batchInfoKey() {
    return "KinesisBatchInfo";
  }
}
