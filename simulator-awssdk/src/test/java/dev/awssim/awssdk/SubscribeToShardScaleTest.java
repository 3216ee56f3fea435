package dev.awssim.awssdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import dev.awssim.internal.SimulatorAccess;
import dev.awssim.kinesis.ConsumerDescription;
import dev.awssim.kinesis.Kinesis;
import dev.awssim.kinesis.KinesisLimits;
import dev.awssim.kinesis.PutRecordsRequestEntry;
import dev.awssim.kinesis.PutRecordsResultEntry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * 10,000 enhanced fan-out subscriptions at once through the async client: 25 streams of 20 shards,
 * each with AWS's maximum of 20 consumers per stream
 * (https://docs.aws.amazon.com/kinesis/latest/APIReference/API_RegisterStreamConsumer.html), every
 * consumer subscribed to every shard. They cost no thread each and one scheduler wake-up per event,
 * deliver every record exactly once to each, in shard order, and all end at the documented 5
 * minutes (https://docs.aws.amazon.com/kinesis/latest/APIReference/API_SubscribeToShard.html).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SubscribeToShardScaleTest {
  private static final int STREAMS = 25;
  private static final int SHARDS = 20;
  private static final int CONSUMERS = KinesisLimits.CONSUMERS_PER_STREAM;
  private static final int SUBSCRIPTIONS = STREAMS * SHARDS * CONSUMERS;
  private static final int RECORDS_PER_STREAM = 200;

  // The trace would hash every one of the 600,000 heartbeats as JSON: not what this test measures.
  private final AwsSimulator sim = AwsSimulator.builder().seed(19).traceEnabled(false).build();
  private final Kinesis model = sim.kinesis();
  private final KinesisAsyncClient kinesis = SimulatedAws.from(sim).kinesisAsyncClient();

  private static String shardId(int i) {
    return String.format(java.util.Locale.ROOT, "shardId-%012d", i);
  }

  @Test
  void subscribeToShard_10000Subscriptions_noThreadEach_everyRecordOnceToEach_endAt5Minutes() {
    // Control-plane calls stay under their rates (5 per second): one every 250 ms.
    Map<String, List<String>> consumerArns = new LinkedHashMap<>();
    for (int s = 0; s < STREAMS; s++) {
      String name = "stream" + s;
      model.createStream(name, SHARDS);
      sim.advanceBy(Duration.ofMillis(250));
      List<String> arns = new ArrayList<>();
      for (int c = 0; c < CONSUMERS; c++) {
        ConsumerDescription d = model.registerStreamConsumer(model.streamArn(name), "app" + c);
        arns.add(d.consumerArn());
        sim.advanceBy(Duration.ofMillis(250));
      }
      consumerArns.put(name, arns);
    }
    int threadsBefore = Thread.activeCount();
    int pendingBefore = SimulatorAccess.scheduler(sim).pendingCount();
    Instant subscribed = sim.clock().now();

    Map<String, EventCounter> counters = new LinkedHashMap<>(); // "stream/shard/consumer"
    List<CompletableFuture<Void>> futures = new ArrayList<>(SUBSCRIPTIONS);
    consumerArns.forEach(
        (stream, arns) -> {
          for (int shard = 0; shard < SHARDS; shard++) {
            String shardId = shardId(shard);
            for (String arn : arns) {
              EventCounter counter = new EventCounter();
              counters.put(stream + "/" + shardId + "/" + arn, counter);
              futures.add(
                  kinesis.subscribeToShard(
                      b ->
                          b.consumerARN(arn)
                              .shardId(shardId)
                              .startingPosition(p -> p.type(ShardIteratorType.LATEST)),
                      counter));
            }
          }
        });

    // No thread per subscription, and at most one pending wake-up each.
    assertTrue(Thread.activeCount() - threadsBefore < 16, "threads grew by subscriptions");
    assertTrue(SimulatorAccess.scheduler(sim).pendingCount() - pendingBefore <= SUBSCRIPTIONS);

    Map<String, List<String>> written = new LinkedHashMap<>(); // "stream/shard" -> sequence numbers
    for (int s = 0; s < STREAMS; s++) {
      String stream = "stream" + s;
      List<PutRecordsRequestEntry> entries = new ArrayList<>();
      for (int r = 0; r < RECORDS_PER_STREAM; r++) {
        entries.add(
            PutRecordsRequestEntry.of(
                ("r" + r).getBytes(StandardCharsets.UTF_8), "key-" + s + "-" + r));
      }
      for (PutRecordsResultEntry e : model.putRecords(stream, entries).records()) {
        assertTrue(e.isSuccessful(), e.errorCode());
        written
            .computeIfAbsent(stream + "/" + e.shardId(), k -> new ArrayList<>())
            .add(e.sequenceNumber());
      }
    }

    // Pushed at the first 200 ms step after the subscriptions started.
    sim.advanceBy(Duration.ofMillis(199));
    assertTrue(counters.values().stream().allMatch(c -> c.sequenceNumbers.isEmpty()));
    sim.advanceBy(Duration.ofMillis(1));
    counters.forEach(
        (key, counter) -> {
          String streamShard = key.substring(0, key.lastIndexOf("/arn:"));
          assertEquals(written.getOrDefault(streamShard, List.of()), counter.sequenceNumbers, key);
        });

    // Then heartbeats every 5 s until the end at 5 minutes, counting the scheduler's tasks: one per
    // event pushed or subscription ended, none for the 200 ms steps with nothing to do.
    long lastMilli =
        SimulatorAccess.scheduler(sim).clock().nanos()
            + KinesisLimits.SUBSCRIPTION_LIFETIME.minusMillis(201).toNanos();
    long ran = 0;
    for (long due;
        (due = SimulatorAccess.scheduler(sim).nextDueNanos()) >= 0 && due <= lastMilli;
        ran++) {
      SimulatorAccess.scheduler(sim).step();
    }
    assertTrue(futures.stream().noneMatch(CompletableFuture::isDone));
    ran += SimulatorAccess.scheduler(sim).runUntilIdle(SUBSCRIPTIONS * 64L);

    assertEquals(subscribed.plus(KinesisLimits.SUBSCRIPTION_LIFETIME), sim.clock().now());
    long events = 0;
    for (CompletableFuture<Void> f : futures) {
      assertTrue(f.isDone());
      assertFalse(f.isCompletedExceptionally());
    }
    int records = 0;
    for (Map.Entry<String, EventCounter> e : counters.entrySet()) {
      EventCounter c = e.getValue();
      assertTrue(c.completed, e.getKey());
      assertEquals(null, c.error);
      String streamShard = e.getKey().substring(0, e.getKey().lastIndexOf("/arn:"));
      assertEquals(written.getOrDefault(streamShard, List.of()), c.sequenceNumbers, e.getKey());
      records += c.sequenceNumbers.size();
      events += c.events;
    }
    assertEquals(STREAMS * RECORDS_PER_STREAM * CONSUMERS, records);
    // 60 events each: the push of the records at 200 ms and a heartbeat every 5 s after it (a
    // subscription whose shard got none: heartbeats at 5 s, 10 s, ... 300 s). After that first
    // step, 60 scheduler tasks each (its heartbeats and its end), where a ticker every 200 ms would
    // take 1,499.
    assertEquals(SUBSCRIPTIONS * 60L, events);
    assertEquals(SUBSCRIPTIONS * 60L, ran);
  }
}
