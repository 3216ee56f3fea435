package dev.awssim.kinesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
  static final class Collector implements SubscribeToShardListener {
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
}
