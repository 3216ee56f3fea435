package dev.awssim.kcl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.awssdk.ClientFaults;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.Shard;

/**
 * The Kinesis Client Library 3.1.3, unchanged, on awssim: a real KCL {@code Scheduler} on the
 * simulation's KinesisAsyncClient, DynamoDbAsyncClient and CloudWatchAsyncClient, with a {@link
 * dev.awssim.internal.WallClockPacer} moving virtual time {@value KclHarness#PACE} times as fast as
 * the wall clock. Each test is bounded by wall-clock timeouts, never by sleeping.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class KinesisClientLibraryTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final int SHARDS = 4;
  private static final int PER_SHARD = 25;

  /** Writes {@code perShard} records to each open shard, "shardId#i", by explicit hash key. */
  private static void produce(KinesisClient kinesis, String stream, int perShard, int from) {
    List<Shard> shards = kinesis.listShards(b -> b.streamName(stream)).shards();
    for (int i = from; i < from + perShard; i++) {
      for (Shard s : shards) {
        if (s.sequenceNumberRange().endingSequenceNumber() != null) {
          continue;
        }
        String text = s.shardId() + "#" + i;
        kinesis.putRecord(
            b ->
                b.streamName(stream)
                    .partitionKey("k")
                    .explicitHashKey(s.hashKeyRange().startingHashKey())
                    .data(SdkBytes.fromUtf8String(text)));
      }
    }
  }

  private static List<String> expected(String shardId, int from, int count) {
    List<String> texts = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      texts.add(shardId + "#" + i);
    }
    return texts;
  }

  private static String shard(int i) {
    return String.format("shardId-%012d", i);
  }

  @Test
  void polling_fourShards_everyRecordInOrderPerShard_andCheckpointed() throws Exception {
    try (KclHarness h = new KclHarness(1, ClientFaults.none())) {
      KinesisClient kinesis = h.aws.kinesisClient();
      kinesis.createStream(b -> b.streamName("orders").shardCount(SHARDS));
      produce(kinesis, "orders", PER_SHARD, 0);

      h.startWorker("orders", "app", "worker-1", false, l -> {});

      assertTrue(
          h.await(() -> h.processedCount() >= SHARDS * PER_SHARD, WAIT),
          "processed " + h.processedCount());
      for (int i = 0; i < SHARDS; i++) {
        assertEquals(expected(shard(i), 0, PER_SHARD), h.texts(shard(i)));
      }
      assertTrue(h.await(() -> checkpointsAtEnd(h, "app"), WAIT), "checkpoints");
    }
  }

  /** Every lease in the lease table has a checkpoint at its shard's last record. */
  private static boolean checkpointsAtEnd(KclHarness h, String table) {
    java.util.List<
            java.util.Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>>
        items;
    try {
      items = h.aws.dynamoDbClient().scan(b -> b.tableName(table)).items();
    } catch (software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException e) {
      return false; // KCL has not created its lease table yet
    }
    if (items.size() < SHARDS) {
      return false;
    }
    for (var item : items) {
      String shardId = item.get("leaseKey").s();
      List<?> records = h.processed.get(shardId);
      if (records == null || records.isEmpty()) {
        return false;
      }
      String last =
          h.processed.get(shardId).get(h.processed.get(shardId).size() - 1).sequenceNumber();
      if (!last.equals(item.get("checkpoint").s())) {
        return false;
      }
    }
    return true;
  }

  @Test
  void enhancedFanOut_fourShards_everyRecordInOrderPerShard_andCheckpointed() throws Exception {
    try (KclHarness h = new KclHarness(2, ClientFaults.none())) {
      KinesisClient kinesis = h.aws.kinesisClient();
      kinesis.createStream(b -> b.streamName("orders").shardCount(SHARDS));
      produce(kinesis, "orders", PER_SHARD, 0);

      h.startWorker("orders", "efo-app", "worker-1", true, l -> {});

      assertTrue(
          h.await(() -> h.processedCount() >= SHARDS * PER_SHARD, WAIT),
          "processed " + h.processedCount());
      for (int i = 0; i < SHARDS; i++) {
        assertEquals(expected(shard(i), 0, PER_SHARD), h.texts(shard(i)));
      }
      assertTrue(h.await(() -> checkpointsAtEnd(h, "efo-app"), WAIT), "checkpoints");
      String streamArn = h.sim.kinesis().streamArn("orders");
      assertEquals(
          "efo-app",
          kinesis
              .listStreamConsumers(b -> b.streamARN(streamArn))
              .consumers()
              .get(0)
              .consumerName(),
          "KCL registered its consumer under the application's name");
    }
  }

  @Test
  void shardSplit_midRun_childrenProcessedAfterTheParentEnds() throws Exception {
    try (KclHarness h = new KclHarness(3, ClientFaults.none())) {
      KinesisClient kinesis = h.aws.kinesisClient();
      kinesis.createStream(b -> b.streamName("orders").shardCount(1));
      produce(kinesis, "orders", PER_SHARD, 0);
      h.startWorker("orders", "app", "worker-1", false, l -> {});
      assertTrue(h.await(() -> h.processedCount() >= PER_SHARD, WAIT), "parent's records");

      kinesis.splitShard(
          b ->
              b.streamName("orders")
                  .shardToSplit(shard(0))
                  .newStartingHashKey("170141183460469231731687303715884105728"));
      produce(kinesis, "orders", PER_SHARD, 0);

      assertTrue(
          h.await(() -> h.processedCount() >= 3 * PER_SHARD, WAIT),
          "processed " + h.processedCount() + " " + h.timeline);
      assertEquals(expected(shard(0), 0, PER_SHARD), h.texts(shard(0)));
      assertEquals(expected(shard(1), 0, PER_SHARD), h.texts(shard(1)));
      assertEquals(expected(shard(2), 0, PER_SHARD), h.texts(shard(2)));
      int parentEnded = h.timeline.indexOf("shardEnded " + shard(0));
      assertTrue(parentEnded >= 0, h.timeline.toString());
      assertTrue(h.timeline.indexOf("initialize " + shard(1)) > parentEnded, h.timeline.toString());
      assertTrue(h.timeline.indexOf("initialize " + shard(2)) > parentEnded, h.timeline.toString());
    }
  }

  @Test
  void secondWorker_takesOverTheLeases_andResumesFromTheCheckpoints() throws Exception {
    try (KclHarness h = new KclHarness(4, ClientFaults.none())) {
      KinesisClient kinesis = h.aws.kinesisClient();
      kinesis.createStream(b -> b.streamName("orders").shardCount(SHARDS));
      produce(kinesis, "orders", PER_SHARD, 0);
      var first = h.startWorker("orders", "app", "worker-1", false, l -> {});
      assertTrue(h.await(() -> checkpointsAtEnd(h, "app"), WAIT), "first worker's checkpoints");

      h.startWorker("orders", "app", "worker-2", false, l -> {});
      first.startGracefulShutdown().get(30, TimeUnit.SECONDS);
      produce(kinesis, "orders", PER_SHARD, PER_SHARD);

      assertTrue(
          h.await(() -> h.processedCount() >= 2 * SHARDS * PER_SHARD, WAIT),
          "processed " + h.processedCount());
      for (int i = 0; i < SHARDS; i++) {
        assertEquals(expected(shard(i), 0, 2 * PER_SHARD), h.texts(shard(i)), "no record twice");
      }
      assertTrue(
          h.await(() -> owners(h, "app").equals(java.util.Set.of("worker-2")), WAIT),
          "lease owners " + owners(h, "app"));
    }
  }

  private static java.util.Set<String> owners(KclHarness h, String table) {
    java.util.Set<String> owners = new java.util.TreeSet<>();
    for (var item : h.aws.dynamoDbClient().scan(b -> b.tableName(table)).items()) {
      var owner = item.get("leaseOwner");
      owners.add(owner == null ? "(none)" : owner.s());
    }
    return owners;
  }

  @Test
  void getRecordsThrottled_byAnotherReaderOfTheShard_kclKeepsGoing() throws Exception {
    try (KclHarness h = new KclHarness(5, ClientFaults.none())) {
      KinesisClient kinesis = h.aws.kinesisClient();
      kinesis.createStream(b -> b.streamName("orders").shardCount(1));
      produce(kinesis, "orders", PER_SHARD, 0);
      // Another application polls the same shard 5 times a second during every other 10 s of
      // virtual time: the shard's 5 reads a second (API_GetRecords.html) are then used up, and
      // KCL's own GetRecords calls get ProvisionedThroughputExceededException.
      String[] iterator = {
        h.sim
            .kinesis()
            .getShardIterator(
                dev.awssim.kinesis.GetShardIteratorRequest.of(
                    "orders", shard(0), dev.awssim.kinesis.ShardIteratorType.LATEST))
      };
      var rival =
          h.sim.every(
              Duration.ofMillis(200),
              () -> {
                if (h.sim.clock().nanos() / Duration.ofSeconds(10).toNanos() % 2 == 0) {
                  try {
                    iterator[0] = h.sim.kinesis().getRecords(iterator[0]).nextShardIterator();
                  } catch (dev.awssim.kinesis.KinesisException e) {
                    // Throttled in its turn: it tries again at its next tick.
                  }
                }
              });

      h.startWorker("orders", "app", "worker-1", false, l -> {});

      assertTrue(
          h.await(() -> h.processedCount() >= PER_SHARD, WAIT), "processed " + h.processedCount());
      produce(kinesis, "orders", PER_SHARD, PER_SHARD);
      assertTrue(
          h.await(() -> h.processedCount() >= 2 * PER_SHARD && readThrottles(h) > 0, WAIT),
          "processed " + h.processedCount() + ", throttles " + readThrottles(h));
      assertEquals(expected(shard(0), 0, 2 * PER_SHARD), h.texts(shard(0)));
      rival.cancel();
    }
  }

  private static double readThrottles(KclHarness h) {
    var key =
        h.sim
            .metrics()
            .series(
                "AWS/Kinesis",
                "ReadProvisionedThroughputExceeded",
                dev.awssim.engine.metrics.Dimensions.of("StreamName", "orders"))
            .key();
    return h
        .sim
        .metrics()
        .getMetricStatistics(
            key,
            java.time.Instant.EPOCH,
            h.sim.clock().now().plusSeconds(60),
            Duration.ofSeconds(60))
        .stream()
        .mapToDouble(d -> d.sum())
        .sum();
  }
}
