package dev.awssim.kinesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KinesisFanOutTest {
  private static final String SHARD = "shardId-000000000000";

  private final AwsSimulator sim = AwsSimulator.withSeed(5);
  private final Kinesis kinesis = sim.kinesis();
  private String streamArn;

  @BeforeEach
  void stream() {
    kinesis.createStream("s", 1);
    streamArn = kinesis.streamArn("s");
  }

  /** Collects what a subscription pushes. */
  static class Collector implements SubscribeToShardListener {
    final List<SubscribeToShardEvent> events = new ArrayList<>();
    boolean completed;
    KinesisException error;

    @Override
    public void onEvent(SubscribeToShardEvent event) {
      events.add(event);
    }

    @Override
    public void onComplete() {
      completed = true;
    }

    @Override
    public void onError(KinesisException e) {
      error = e;
    }

    List<String> keys() {
      List<String> keys = new ArrayList<>();
      events.forEach(e -> e.records().forEach(r -> keys.add(r.partitionKey())));
      return keys;
    }
  }

  @Test
  void subscribeToShard_pushesRecordsOnVirtualTime_andEndsAfter5Minutes() {
    ConsumerDescription consumer = kinesis.registerStreamConsumer(streamArn, "app");
    Collector collector = new Collector();
    kinesis.subscribeToShard(
        consumer.consumerArn(), SHARD, StartingPosition.of(ShardIteratorType.LATEST), collector);
    kinesis.putRecord(PutRecordRequest.of("s", new byte[10], "a"));
    kinesis.putRecord(PutRecordRequest.of("s", new byte[10], "b"));

    sim.advanceBy(Duration.ofMillis(200));
    assertEquals(List.of("a", "b"), collector.keys());

    sim.advanceBy(Duration.ofMinutes(5));
    assertTrue(collector.completed);
  }

  @Test
  void enhancedFanOut_doesNotUseTheSharedReadLimit() {
    ConsumerDescription consumer = kinesis.registerStreamConsumer(streamArn, "app");
    Collector collector = new Collector();
    kinesis.subscribeToShard(
        consumer.consumerArn(),
        SHARD,
        StartingPosition.of(ShardIteratorType.TRIM_HORIZON),
        collector);
    kinesis.putRecord(PutRecordRequest.of("s", new byte[10], "a"));
    String it =
        kinesis.getShardIterator(
            GetShardIteratorRequest.of("s", SHARD, ShardIteratorType.TRIM_HORIZON));
    for (int i = 0; i < 5; i++) {
      it = kinesis.getRecords(it).nextShardIterator();
    }
    sim.advanceBy(Duration.ofMillis(200));
    assertEquals(List.of("a"), collector.keys());
  }

  @Test
  void resubscribingWithin5Seconds_isResourceInUse_later_takesOver() {
    ConsumerDescription consumer = kinesis.registerStreamConsumer(streamArn, "app");
    Collector first = new Collector();
    StartingPosition latest = StartingPosition.of(ShardIteratorType.LATEST);
    kinesis.subscribeToShard(consumer.consumerArn(), SHARD, latest, first);
    sim.advanceBy(Duration.ofMillis(4_999));
    assertEquals(
        "ResourceInUseException",
        assertThrows(
                KinesisException.class,
                () ->
                    kinesis.subscribeToShard(
                        consumer.consumerArn(), SHARD, latest, new Collector()))
            .errorCode());
    sim.advanceBy(Duration.ofMillis(1));
    kinesis.subscribeToShard(consumer.consumerArn(), SHARD, latest, new Collector());
    assertEquals("ResourceInUseException", first.error.errorCode());
  }

  @Test
  void registerStreamConsumer_20PerStream_namesUnique() {
    for (int i = 0; i < 20; i++) {
      kinesis.registerStreamConsumer(streamArn, "c" + i);
      sim.advanceBy(Duration.ofSeconds(1)); // within RegisterStreamConsumer's 5 calls a second
    }
    assertEquals(
        "LimitExceededException",
        assertThrows(KinesisException.class, () -> kinesis.registerStreamConsumer(streamArn, "c20"))
            .errorCode());
    assertEquals(
        "ResourceInUseException",
        assertThrows(KinesisException.class, () -> kinesis.registerStreamConsumer(streamArn, "c0"))
            .errorCode());
    kinesis.deregisterStreamConsumer(streamArn, "c0");
    assertEquals(19, kinesis.listStreamConsumers(streamArn).size());
    assertEquals(19, kinesis.describeStreamSummary("s").consumerCount());
  }

  /** A listener that asks for nothing until it requests. */
  static final class FlowControlled extends Collector {
    @Override
    public long initialDemand() {
      return 0;
    }
  }

  @Test
  void subscribeToShard_endsExactlyAt5Minutes() {
    ConsumerDescription consumer = kinesis.registerStreamConsumer(streamArn, "app");
    Collector collector = new Collector();
    kinesis.subscribeToShard(
        consumer.consumerArn(), SHARD, StartingPosition.of(ShardIteratorType.LATEST), collector);
    sim.advanceBy(Duration.ofMinutes(5).minusMillis(1));
    assertFalse(collector.completed);
    sim.advanceBy(Duration.ofMillis(1));
    assertTrue(collector.completed);
  }

  @Test
  void subscribeToShard_withoutDemand_pushesNothing_recordsWaitForRequest() {
    ConsumerDescription consumer = kinesis.registerStreamConsumer(streamArn, "app");
    FlowControlled collector = new FlowControlled();
    ShardSubscription subscription =
        kinesis.subscribeToShard(
            consumer.consumerArn(),
            SHARD,
            StartingPosition.of(ShardIteratorType.TRIM_HORIZON),
            collector);
    kinesis.putRecord(PutRecordRequest.of("s", new byte[10], "a"));
    sim.advanceBy(Duration.ofSeconds(10));
    assertEquals(0, collector.events.size());

    subscription.request(1);
    sim.advanceBy(Duration.ofMillis(200));
    kinesis.putRecord(PutRecordRequest.of("s", new byte[10], "b"));
    sim.advanceBy(Duration.ofSeconds(10));
    assertEquals(List.of("a"), collector.keys());
    assertEquals(1, collector.events.size());

    subscription.request(1);
    sim.advanceBy(Duration.ofMillis(200));
    assertEquals(List.of("a", "b"), collector.keys());
  }

  @Test
  void heartbeat_onEmptyShard_carriesAContinuationThatResumesAtTheFirstRecord() {
    ConsumerDescription consumer = kinesis.registerStreamConsumer(streamArn, "app");
    Collector first = new Collector();
    kinesis.subscribeToShard(
        consumer.consumerArn(), SHARD, StartingPosition.of(ShardIteratorType.TRIM_HORIZON), first);
    sim.advanceBy(Duration.ofMillis(4_999));
    assertEquals(0, first.events.size());
    sim.advanceBy(Duration.ofMillis(1));
    assertEquals(1, first.events.size());
    String continuation = first.events.get(0).continuationSequenceNumber();
    assertNotNull(continuation);

    kinesis.putRecord(PutRecordRequest.of("s", new byte[10], "a"));
    Collector resumed = new Collector();
    kinesis.subscribeToShard(
        consumer.consumerArn(),
        SHARD,
        new StartingPosition(ShardIteratorType.AFTER_SEQUENCE_NUMBER, continuation, null),
        resumed);
    sim.advanceBy(Duration.ofMillis(200));
    assertEquals(List.of("a"), resumed.keys());
    assertEquals(
        resumed.events.get(0).records().get(0).sequenceNumber(),
        resumed.events.get(0).continuationSequenceNumber());
  }

  @Test
  void closedParent_lastEventHasChildShards_andNoContinuation() {
    ConsumerDescription consumer = kinesis.registerStreamConsumer(streamArn, "app");
    kinesis.putRecord(PutRecordRequest.of("s", new byte[10], "a"));
    kinesis.splitShard("s", SHARD, "170141183460469231731687303715884105728");
    Collector collector = new Collector();
    kinesis.subscribeToShard(
        consumer.consumerArn(),
        SHARD,
        StartingPosition.of(ShardIteratorType.TRIM_HORIZON),
        collector);
    sim.advanceBy(Duration.ofSeconds(1));
    SubscribeToShardEvent last = collector.events.get(collector.events.size() - 1);
    assertEquals(List.of("a"), collector.keys());
    assertNull(last.continuationSequenceNumber());
    assertEquals(2, last.childShards().size());
    assertTrue(collector.completed);
  }
}
