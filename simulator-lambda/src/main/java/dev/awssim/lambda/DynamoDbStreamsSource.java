package dev.awssim.lambda;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbTimeWindowEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.Identity;
import dev.awssim.dynamodb.AttributeValue;
import dev.awssim.dynamodb.DynamoDbLimits;
import dev.awssim.dynamodb.DynamoDbStreams;
import dev.awssim.dynamodb.GetRecordsResult;
import dev.awssim.dynamodb.ShardIteratorType;
import dev.awssim.dynamodb.StreamDescription;
import dev.awssim.dynamodb.StreamRecord;
import dev.awssim.dynamodb.StreamShard;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A DynamoDB stream read through the DynamoDB Streams model's public API (DescribeStream,
 * GetShardIterator, GetRecords), so its rules (24-hour retention, 15-minute iterators, 1,000
 * records per read) apply to what Lambda reads
 * (https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html).
 */
final class DynamoDbStreamsSource implements StreamEventSource.Source {
  private final DynamoDbStreams streams;
  private final String streamArn;
  private final String region;

  DynamoDbStreamsSource(DynamoDbStreams streams, String streamArn, String region) {
    this.streams = streams;
    this.streamArn = streamArn;
    this.region = region;
  }

  /** Checks the stream exists (the DynamoDB Streams model's error otherwise). */
  void check() {
    streams.describeStream(streamArn);
  }

  @Override
  public List<StreamEventSource.ShardStart> initialShards(EventSourceMappingConfig config) {
    StreamDescription d = streams.describeStream(streamArn);
    boolean trimHorizon =
        config.startingPosition() == EventSourceMappingConfig.StartingPosition.TRIM_HORIZON;
    Set<String> listed = new HashSet<>();
    for (StreamShard s : d.shards()) {
      listed.add(s.shardId());
    }
    List<StreamEventSource.ShardStart> starts = new ArrayList<>();
    for (StreamShard s : d.shards()) {
      if (!trimHorizon && s.sequenceNumberRange().endingSequenceNumber() != null) {
        continue; // LATEST reads the open shards
      }
      List<String> parents =
          trimHorizon && s.parentShardId() != null && listed.contains(s.parentShardId())
              ? List.of(s.parentShardId())
              : List.of();
      starts.add(new StreamEventSource.ShardStart(s.shardId(), parents, false));
    }
    return starts;
  }

  @Override
  public String iterator(String shardId, EventSourceMappingConfig config, String afterSequence) {
    if (afterSequence != null) {
      return streams.getShardIterator(
          streamArn, shardId, ShardIteratorType.AFTER_SEQUENCE_NUMBER, afterSequence);
    }
    ShardIteratorType type =
        config.startingPosition() == EventSourceMappingConfig.StartingPosition.TRIM_HORIZON
            ? ShardIteratorType.TRIM_HORIZON
            : ShardIteratorType.LATEST;
    return streams.getShardIterator(streamArn, shardId, type, null);
  }

  @Override
  public StreamEventSource.Page read(String iterator, int limit) {
    GetRecordsResult r =
        streams.getRecords(
            iterator, Math.min(limit, DynamoDbLimits.STREAM_GET_RECORDS_MAX_RECORDS));
    List<StreamEventSource.SourceRecord> records = new ArrayList<>(r.records().size());
    for (StreamRecord s : r.records()) {
      // Lanes of a ParallelizationFactor keep the order of each item: the key is the lane key.
      records.add(
          new StreamEventSource.SourceRecord(
              s.sequenceNumber(), s.approximateCreationDateTime(), s.keys().toString(), s));
    }
    return new StreamEventSource.Page(records, r.nextShardIterator(), List.of());
  }

  /**
   * The event with the fields AWS fills
   * (https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html).
   */
  @Override
  public Object event(String shardId, List<StreamEventSource.SourceRecord> batch) {
    List<DynamodbEvent.DynamodbStreamRecord> records = new ArrayList<>(batch.size());
    for (StreamEventSource.SourceRecord s : batch) {
      StreamRecord d = (StreamRecord) s.raw();
      com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord data =
          new com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord();
      data.setApproximateCreationDateTime(Date.from(d.approximateCreationDateTime()));
      data.setKeys(image(d.keys()));
      data.setNewImage(image(d.newImage()));
      data.setOldImage(image(d.oldImage()));
      data.setSequenceNumber(d.sequenceNumber());
      data.setSizeBytes(d.sizeBytes());
      data.setStreamViewType(
          com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType.valueOf(
              d.streamViewType().name()));
      DynamodbEvent.DynamodbStreamRecord r = new DynamodbEvent.DynamodbStreamRecord();
      r.setEventID(d.eventId());
      r.setEventName(d.eventName().name());
      r.setEventVersion(d.eventVersion());
      r.setEventSource(d.eventSource());
      r.setAwsRegion(d.awsRegion() == null ? region : d.awsRegion());
      r.setDynamodb(data);
      r.setEventSourceARN(streamArn);
      if (d.userIdentityType() != null) {
        Identity identity = new Identity();
        identity.setType(d.userIdentityType());
        identity.setPrincipalId(d.userIdentityPrincipalId());
        r.setUserIdentity(identity);
      }
      records.add(r);
    }
    DynamodbEvent event = new DynamodbEvent();
    event.setRecords(records);
    return event;
  }

  /** An item in the event's attribute value type, a fresh copy; null stays null. */
  private static Map<
          String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue>
      image(Map<String, AttributeValue> item) {
    if (item == null) {
      return null;
    }
    Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> out =
        new LinkedHashMap<>();
    for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
      out.put(e.getKey(), value(e.getValue()));
    }
    return out;
  }

  private static com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue value(
      AttributeValue v) {
    com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue out =
        new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue();
    switch (v.type()) {
      case S -> out.setS(v.s());
      case N -> out.setN(v.n());
      case B -> out.setB(ByteBuffer.wrap(v.b().clone()));
      case BOOL -> out.setBOOL(v.bool());
      case NULL -> out.setNULL(true);
      case M -> out.setM(image(v.m()));
      case L -> {
        List<com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> list =
            new ArrayList<>();
        for (AttributeValue e : v.l()) {
          list.add(value(e));
        }
        out.setL(list);
      }
      case SS -> out.setSS(new ArrayList<>(v.ss()));
      case NS -> out.setNS(new ArrayList<>(v.ns()));
      case BS -> {
        List<ByteBuffer> list = new ArrayList<>();
        for (byte[] b : v.bs()) {
          list.add(ByteBuffer.wrap(b.clone()));
        }
        out.setBS(list);
      }
    }
    return out;
  }

  @Override
  public Object windowEvent(
      String shardId,
      List<StreamEventSource.SourceRecord> batch,
      StreamEventSource.WindowInvoke w) {
    return new DynamodbTimeWindowEvent(
        ((DynamodbEvent) event(shardId, batch)).getRecords(),
        w.window(),
        w.state(),
        shardId,
        streamArn,
        w.isFinalInvokeForWindow(),
        w.isWindowTerminatedEarly());
  }

  /**
   * The record as AWS's event shows it: {@code eventName}, {@code eventID}, ... and {@code
   * dynamodb} with {@code Keys}, {@code NewImage}, {@code OldImage} in DynamoDB JSON (a number is
   * {@code {"N": "5"}}, a string, so {@code numeric} rules do not apply to it)
   * (https://docs.aws.amazon.com/lambda/latest/dg/with-ddb-filtering.html).
   */
  @Override
  public Map<String, Object> filterView(StreamEventSource.SourceRecord record) {
    StreamRecord d = (StreamRecord) record.raw();
    Map<String, Object> dynamodb = new LinkedHashMap<>();
    dynamodb.put("ApproximateCreationDateTime", seconds(d.approximateCreationDateTime()));
    putImage(dynamodb, "Keys", d.keys());
    putImage(dynamodb, "NewImage", d.newImage());
    putImage(dynamodb, "OldImage", d.oldImage());
    dynamodb.put("SequenceNumber", d.sequenceNumber());
    dynamodb.put("SizeBytes", BigDecimal.valueOf(d.sizeBytes()));
    dynamodb.put("StreamViewType", d.streamViewType().name());
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("eventID", d.eventId());
    view.put("eventName", d.eventName().name());
    view.put("eventVersion", d.eventVersion());
    view.put("eventSource", d.eventSource());
    view.put("awsRegion", d.awsRegion() == null ? region : d.awsRegion());
    view.put("dynamodb", dynamodb);
    view.put("eventSourceARN", streamArn);
    return view;
  }

  private static BigDecimal seconds(java.time.Instant t) {
    return BigDecimal.valueOf(t.getEpochSecond());
  }

  private static void putImage(
      Map<String, Object> into, String key, Map<String, AttributeValue> item) {
    if (item == null) {
      return;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
      out.put(e.getKey(), json(e.getValue()));
    }
    into.put(key, out);
  }

  /** One attribute in DynamoDB JSON, as the filter reads it. */
  private static Map<String, Object> json(AttributeValue v) {
    Object value =
        switch (v.type()) {
          case S -> v.s();
          case N -> v.n();
          case B -> java.util.Base64.getEncoder().encodeToString(v.b());
          case BOOL -> v.bool();
          case NULL -> true;
          case M -> {
            Map<String, Object> m = new LinkedHashMap<>();
            for (Map.Entry<String, AttributeValue> e : v.m().entrySet()) {
              m.put(e.getKey(), json(e.getValue()));
            }
            yield m;
          }
          case L -> {
            List<Object> l = new ArrayList<>();
            for (AttributeValue e : v.l()) {
              l.add(json(e));
            }
            yield l;
          }
          case SS -> new ArrayList<Object>(v.ss());
          case NS -> new ArrayList<Object>(v.ns());
          case BS -> {
            List<Object> l = new ArrayList<>();
            for (byte[] b : v.bs()) {
              l.add(java.util.Base64.getEncoder().encodeToString(b));
            }
            yield l;
          }
        };
    return Map.of(v.type().name(), value);
  }

  @Override
  public Duration pollInterval() {
    return LambdaLimits.DYNAMODB_STREAMS_POLL_INTERVAL;
  }

  @Override
  public String arn() {
    return streamArn;
  }

  @Override
  public String batchInfoKey() {
    return "DDBStreamBatchInfo";
  }
}
