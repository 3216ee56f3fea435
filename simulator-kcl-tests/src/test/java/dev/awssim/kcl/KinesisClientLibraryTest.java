package dev.awssim.kcl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.awssdk.ClientFaults;
import dev.awssim.engine.metrics.Dimensions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.kinesis.retrieval.KinesisClientRecord;

/**
 * The Kinesis Client Library 3.1.3, unchanged, on awssim: a real KCL {@code Scheduler} on the
 * simulation's KinesisAsyncClient, DynamoDbAsyncClient and CloudWatchAsyncClient, with a {@link
 * dev.awssim.engine.time.Pacer} (AwsSimulator.paceByWallClock) moving virtual time {@value
 * KclHarness#PACE} times as fast as the wall clock. Each test is bounded by wall-clock timeouts,
 * never by sleeping.
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

  /**
   * The one case here that starts KCL on no lease table at all, as a new application does (as does
   * {@link ReadmeKclExampleTest}): KCL creates the table and, after its random 3-30 s wait, the
   * leases. The other cases start on leases KCL's own shard sync created beforehand ({@link
   * KclHarness.LeaseTable#LEASES_CREATED}), as a redeployed application finds them.
   */
  @Test
  void polling_fourShards_fromNoLeaseTable_everyRecordInOrderPerShard_andCheckpointed()
      throws Exception {
    try (KclHarness h = new KclHarness(1, ClientFaults.none())) {
      KinesisClient kinesis = h.aws.kinesisClient();
      kinesis.createStream(b -> b.streamName("orders").shardCount(SHARDS));
      produce(kinesis, "orders", PER_SHARD, 0);

      h.startWorker("orders", "app", "worker-1", false, l -> {}, 200, KclHarness.LeaseTable.EMPTY);

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

      // The first worker leaves before the second starts: KCL 3.1.3's leader decider
      // (DynamoDBLockBasedLeaderDecider) caches a "not the leader" answer for its 30 s heartbeat
      // period of wall time, so a second worker that looked while the first led would wait that
      // long before it assigns itself the leases.
      first.startGracefulShutdown().get(30, TimeUnit.SECONDS);
      h.startWorker("orders", "app", "worker-2", false, l -> {});
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

  /**
   * A producer drives one shard past its 1,000 records per second ({@code
   * https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html}) while KCL reads
   * it: the records over the limit fail with ProvisionedThroughputExceededException, the stream's
   * WriteProvisionedThroughputExceeded metric counts each of them, no second of arrival times holds
   * more than 1,000 records, and KCL processes every accepted record, in order.
   */
  @Test
  void putRecords_pastOneThousandRecordsPerSecond_throttled_kclProcessesEveryAcceptedRecord()
      throws Exception {
    // Virtual time runs as fast as the wall clock, so that calls made milliseconds apart on a
    // busy machine land within the same virtual second.
    try (KclHarness h = new KclHarness(6, ClientFaults.none(), 1.0)) {
      KinesisClient kinesis = h.aws.kinesisClient();
      kinesis.createStream(b -> b.streamName("orders").shardCount(1));
      h.startWorker("orders", "app", "worker-1", false, l -> {});

      List<String> accepted = new ArrayList<>();
      int failed = 0;
      // Each call writes 500 records at one virtual instant, and the calls follow each other
      // within milliseconds: from the third call on, the shard is past 1,000 records a second.
      for (int call = 0; call < 20 && (call < 4 || failed == 0); call++) {
        List<PutRecordsRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
          entries.add(
              PutRecordsRequestEntry.builder()
                  .partitionKey("k")
                  .data(SdkBytes.fromUtf8String(call + "#" + i))
                  .build());
        }
        PutRecordsResponse response =
            kinesis.putRecords(b -> b.streamName("orders").records(entries));
        int failedNow = 0;
        for (int i = 0; i < entries.size(); i++) {
          PutRecordsResultEntry entry = response.records().get(i);
          if (entry.errorCode() == null) {
            accepted.add(entries.get(i).data().asUtf8String());
          } else {
            assertEquals("ProvisionedThroughputExceededException", entry.errorCode());
            failedNow++;
          }
        }
        assertEquals(failedNow, response.failedRecordCount());
        failed += failedNow;
      }
      assertTrue(failed > 0, "no record was throttled");
      assertEquals(failed, streamMetricSum(h, "WriteProvisionedThroughputExceeded"));

      int expected = accepted.size();
      assertTrue(
          h.await(() -> h.processedCount() >= expected, WAIT),
          "processed " + h.processedCount() + " of " + expected);
      assertEquals(accepted, h.texts(shard(0)));
      List<KinesisClientRecord> records = h.processed.get(shard(0));
      int from = 0;
      for (int to = 0; to < records.size(); to++) {
        Instant arrival = records.get(to).approximateArrivalTimestamp();
        while (!records.get(from).approximateArrivalTimestamp().plusSeconds(1).isAfter(arrival)) {
          from++;
        }
        assertTrue(to - from + 1 <= 1_000, "more than 1,000 records within a second at " + arrival);
      }
    }
  }

  /**
   * KCL on a provisioned lease table of 1 read and 1 write unit (LeaseManagementConfig billingMode
   * PROVISIONED): KCL renews its lease every 641 ms of wall time (a third of the 2 s failover time,
   * less an epsilon), about 1.6 writes a second, and checkpoints after each batch, so once the
   * burst credits are spent ({@code
   * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/burst-adaptive-capacity.html})
   * its UpdateItem calls (renewals and checkpoints) are throttled: the table's ThrottledRequests
   * for UpdateItem and the WriteThrottleEvents of the table or its lease-owner index count them.
   * KCL survives: it delivers every record at least once, the first deliveries in order. Virtual
   * time runs as fast as the wall clock here, so that KCL's wall-clock renewals are as frequent in
   * virtual time as they would be in AWS.
   */
  @Test
  void provisionedLeaseTable_tooLittleCapacity_leaseRenewalsThrottled_kclSurvives()
      throws Exception {
    try (KclHarness h = new KclHarness(7, ClientFaults.none(), 1.0)) {
      KinesisClient kinesis = h.aws.kinesisClient();
      kinesis.createStream(b -> b.streamName("orders").shardCount(1));
      produce(kinesis, "orders", PER_SHARD, 0);

      h.startWorker(
          "orders",
          "app",
          "worker-1",
          false,
          l ->
              l.billingMode(BillingMode.PROVISIONED)
                  .initialLeaseTableReadCapacity(1)
                  .initialLeaseTableWriteCapacity(1));

      assertTrue(
          h.await(() -> leaseTableMetricSum(h, "ThrottledRequests", "UpdateItem") > 0, WAIT),
          "no lease renewal was throttled");
      // KCL gives its lease-owner index (LeaseOwnerToLeaseKeyIndex) the table's capacity: a
      // renewal is refused by whichever of the two runs out first.
      assertTrue(
          leaseTableMetricSum(h, "WriteThrottleEvents", null)
                  + metricSum(
                      h,
                      "AWS/DynamoDB",
                      "WriteThrottleEvents",
                      Dimensions.of(
                          "TableName",
                          "app",
                          "GlobalSecondaryIndexName",
                          "LeaseOwnerToLeaseKeyIndex"))
              > 0);
      assertEquals(
          "PROVISIONED",
          h.aws
              .dynamoDbClient()
              .describeTable(b -> b.tableName("app"))
              .table()
              .billingModeSummary()
              .billingModeAsString());
      produce(kinesis, "orders", PER_SHARD, PER_SHARD);
      assertTrue(
          h.await(
              () -> firstDeliveries(h, shard(0)).equals(expected(shard(0), 0, 2 * PER_SHARD)),
              WAIT),
          "processed " + h.texts(shard(0)));
    }
  }

  /** Each record's first delivery, in the order of first deliveries. */
  private static List<String> firstDeliveries(KclHarness h, String shardId) {
    return new ArrayList<>(new LinkedHashSet<>(h.texts(shardId)));
  }

  private static double streamMetricSum(KclHarness h, String name) {
    return metricSum(h, "AWS/Kinesis", name, Dimensions.of("StreamName", "orders"));
  }

  private static double leaseTableMetricSum(KclHarness h, String name, String operation) {
    return metricSum(
        h,
        "AWS/DynamoDB",
        name,
        operation == null
            ? Dimensions.of("TableName", "app")
            : Dimensions.of("TableName", "app", "Operation", operation));
  }

  private static double metricSum(
      KclHarness h, String namespace, String name, Dimensions dimensions) {
    var key = new dev.awssim.engine.metrics.MetricKey(namespace, name, dimensions);
    return h
        .sim
        .metrics()
        .getMetricStatistics(
            key, Instant.EPOCH, h.sim.clock().now().plusSeconds(60), Duration.ofSeconds(60))
        .stream()
        .mapToDouble(d -> d.sum())
        .sum();
  }

  private static double readThrottles(KclHarness h) {
    var key =
        new dev.awssim.engine.metrics.MetricKey(
            "AWS/Kinesis",
            "ReadProvisionedThroughputExceeded",
            dev.awssim.engine.metrics.Dimensions.of("StreamName", "orders"));
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
