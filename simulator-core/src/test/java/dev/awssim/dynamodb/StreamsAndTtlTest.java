package dev.awssim.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StreamsAndTtlTest {
  /** The on-demand table "events" keyed by "id", with a stream of {@code view}. */
  static DynamoDb newTable(AwsSimulator sim, StreamViewType view) {
    DynamoDb db = sim.dynamoDb();
    db.createTable(
        CreateTableRequest.of("events")
            .withKeySchema(List.of(new KeySchemaElement("id", KeyType.HASH)))
            .withAttributeDefinitions(List.of(new AttributeDefinition("id", ScalarAttributeType.S)))
            .withBillingMode(BillingMode.PAY_PER_REQUEST)
            .withStreamSpecification(new StreamSpecification(true, view)));
    return db;
  }

  private static Map<String, AttributeValue> key(String id) {
    return Map.of("id", AttributeValue.s(id));
  }

  private static List<StreamRecord> readAll(DynamoDb db) {
    String arn = db.describeTable("events").latestStreamArn();
    StreamShard shard = db.streams().describeStream(arn).shards().get(0);
    String iterator =
        db.streams().getShardIterator(arn, shard.shardId(), ShardIteratorType.TRIM_HORIZON, null);
    List<StreamRecord> records = new ArrayList<>();
    while (true) {
      GetRecordsResult result = db.streams().getRecords(iterator, 7);
      records.addAll(result.records());
      if (result.records().isEmpty()) {
        return records;
      }
      iterator = result.nextShardIterator();
    }
  }

  @Test
  void tableAndStream_inTheSimulationsAccountAndRegion_arnsAndRecordsNameThem() {
    AwsSimulator sim = AwsSimulator.builder().accountId("123456789012").region("eu-west-2").build();
    DynamoDb db = newTable(sim, StreamViewType.KEYS_ONLY);
    db.putItem("events", key("a"));

    assertEquals(
        "arn:aws:dynamodb:eu-west-2:123456789012:table/events",
        db.describeTable("events").tableArn());
    assertTrue(
        db.describeTable("events")
            .latestStreamArn()
            .startsWith("arn:aws:dynamodb:eu-west-2:123456789012:table/events/stream/"));
    assertEquals("eu-west-2", readAll(db).get(0).awsRegion());
  }

  @Test
  void stream_putModifyRemove_recordsInOrderWithImages() {
    AwsSimulator sim = AwsSimulator.withSeed(1);
    DynamoDb db = newTable(sim, StreamViewType.NEW_AND_OLD_IMAGES);
    db.putItem("events", Map.of("id", AttributeValue.s("a"), "v", AttributeValue.n(1)));
    db.putItem("events", Map.of("id", AttributeValue.s("a"), "v", AttributeValue.n(1)));
    db.putItem("events", Map.of("id", AttributeValue.s("a"), "v", AttributeValue.n(2)));
    db.deleteItem(DeleteItemRequest.of("events", key("a")));
    db.deleteItem(DeleteItemRequest.of("events", key("a")));
    List<StreamRecord> records = readAll(db);
    assertEquals(
        List.of(OperationType.INSERT, OperationType.MODIFY, OperationType.REMOVE),
        records.stream().map(StreamRecord::eventName).toList());
    assertEquals(AttributeValue.n(1), records.get(1).oldImage().get("v"));
    assertEquals(AttributeValue.n(2), records.get(1).newImage().get("v"));
    assertNull(records.get(2).newImage());
  }

  @Test
  void stream_recordsOlderThan24Hours_areTrimmed() {
    AwsSimulator sim = AwsSimulator.withSeed(1);
    DynamoDb db = newTable(sim, StreamViewType.KEYS_ONLY);
    db.putItem("events", key("a"));
    sim.advanceBy(Duration.ofHours(24).minusNanos(1));
    assertEquals(1, readAll(db).size());
    sim.advanceBy(Duration.ofNanos(1));
    assertEquals(0, readAll(db).size());
  }

  @Test
  void shardIterator_after15Minutes_expired() {
    AwsSimulator sim = AwsSimulator.withSeed(1);
    DynamoDb db = newTable(sim, StreamViewType.KEYS_ONLY);
    String arn = db.describeTable("events").latestStreamArn();
    String shard = db.streams().describeStream(arn).shards().get(0).shardId();
    String iterator = db.streams().getShardIterator(arn, shard, ShardIteratorType.LATEST, null);
    sim.advanceBy(Duration.ofMinutes(15).minusNanos(1));
    assertNotNull(db.streams().getRecords(iterator, null));
    sim.advanceBy(Duration.ofNanos(1));
    assertEquals(
        "ExpiredIteratorException",
        assertThrows(DynamoDbException.class, () -> db.streams().getRecords(iterator, null))
            .errorCode());
  }

  @Test
  void stream_randomWritesReplayed_rebuildTheTable() {
    for (long seed = 0; seed < 15; seed++) {
      AwsSimulator sim = AwsSimulator.withSeed(seed);
      DynamoDb db = newTable(sim, StreamViewType.NEW_IMAGE);
      SplittableRandom random = new SplittableRandom(seed);
      for (int i = 0; i < 200; i++) {
        String id = "k" + random.nextInt(12);
        switch (random.nextInt(3)) {
          case 0 ->
              db.putItem("events", Map.of("id", AttributeValue.s(id), "v", AttributeValue.n(i)));
          case 1 ->
              db.updateItem(
                  UpdateItemRequest.of("events", key(id), "ADD n :one")
                      .withCondition(
                          WriteCondition.of(null, null, Map.of(":one", AttributeValue.n(1)))));
          default -> db.deleteItem(DeleteItemRequest.of("events", key(id)));
        }
      }
      Map<AttributeValue, Map<String, AttributeValue>> rebuilt = new LinkedHashMap<>();
      for (StreamRecord record : readAll(db)) {
        if (record.eventName() == OperationType.REMOVE) {
          rebuilt.remove(record.keys().get("id"));
        } else {
          rebuilt.put(record.keys().get("id"), record.newImage());
        }
      }
      for (int k = 0; k < 12; k++) {
        assertEquals(
            db.getItem("events", key("k" + k)),
            rebuilt.get(AttributeValue.s("k" + k)),
            "seed " + seed + " key k" + k);
      }
    }
  }

  @Test
  void ttl_expiredItem_returnedUntilDeletionDelay_thenServiceDeleteInStream() {
    AwsSimulator sim = AwsSimulator.withSeed(1);
    DynamoDb db = newTable(sim, StreamViewType.OLD_IMAGE);
    db.updateTimeToLive("events", new TimeToLiveSpecification(true, "expiresAt"));
    assertEquals(TimeToLiveStatus.ENABLED, db.describeTimeToLive("events").timeToLiveStatus());
    long expiry = sim.now().getEpochSecond() + 60;
    db.putItem(
        "events", Map.of("id", AttributeValue.s("a"), "expiresAt", AttributeValue.n(expiry)));
    sim.advanceBy(Duration.ofSeconds(60).plus(Duration.ofDays(2)).minusNanos(1));
    assertNotNull(db.getItem("events", key("a")), "expired but not yet deleted");
    sim.advanceBy(Duration.ofNanos(1));
    assertNull(db.getItem("events", key("a")));
    List<StreamRecord> retained = readAll(db); // the INSERT is older than 24 h
    StreamRecord removal = retained.get(retained.size() - 1);
    assertEquals(OperationType.REMOVE, removal.eventName());
    assertEquals("Service", removal.userIdentityType());
    assertEquals("dynamodb.amazonaws.com", removal.userIdentityPrincipalId());
  }

  @Test
  void ttl_expiryFiveYearsOrMoreInThePast_ignored_justUnderFiveYears_deleted() {
    assertEquals(5L * 365 * 24 * 3600, DynamoDbLimits.TTL_MAX_PAST_SECONDS);
    AwsSimulator sim = AwsSimulator.withSeed(1);
    DynamoDb db = newTable(sim, StreamViewType.KEYS_ONLY);
    db.updateTimeToLive("events", new TimeToLiveSpecification(true, "expiresAt"));
    long fiveYearsAgo = sim.now().getEpochSecond() - 5L * 365 * 24 * 3600;
    db.putItem(
        "events",
        Map.of("id", AttributeValue.s("old"), "expiresAt", AttributeValue.n(fiveYearsAgo)));
    db.putItem(
        "events",
        Map.of("id", AttributeValue.s("recent"), "expiresAt", AttributeValue.n(fiveYearsAgo + 1)));

    sim.advanceBy(Duration.ofDays(3));

    assertNotNull(db.getItem("events", key("old")), "a TTL 5 years in the past is ignored");
    assertNull(db.getItem("events", key("recent")), "expired long ago: deleted");
  }

  @Test
  void updateTimeToLive_twiceWithinAnHour_validationException() {
    assertEquals(Duration.ofHours(1), DynamoDbLimits.TTL_CHANGE_INTERVAL);
    AwsSimulator sim = AwsSimulator.withSeed(1);
    DynamoDb db = newTable(sim, StreamViewType.KEYS_ONLY);
    db.updateTimeToLive("events", new TimeToLiveSpecification(true, "ttl"));
    sim.advanceBy(Duration.ofHours(1).minusNanos(1));
    assertEquals(
        "ValidationException",
        assertThrows(
                DynamoDbException.class,
                () -> db.updateTimeToLive("events", new TimeToLiveSpecification(false, "ttl")))
            .errorCode());
    sim.advanceBy(Duration.ofNanos(1));
    db.updateTimeToLive("events", new TimeToLiveSpecification(false, "ttl"));
    assertEquals(TimeToLiveStatus.DISABLED, db.describeTimeToLive("events").timeToLiveStatus());
  }

  /** t=0 twenty items expiring at t=0..19 s; then three days pass. */
  private static AwsSimulator ttlScript(long seed) {
    AwsSimulator sim = AwsSimulator.withSeed(seed);
    DynamoDb db = newTable(sim, StreamViewType.KEYS_ONLY);
    db.updateTimeToLive("events", new TimeToLiveSpecification(true, "exp"));
    for (int i = 0; i < 20; i++) {
      db.putItem(
          "events",
          Map.of(
              "id", AttributeValue.s("k" + i),
              "exp", AttributeValue.n(sim.now().getEpochSecond() + i)));
    }
    sim.advanceBy(Duration.ofDays(3));
    return sim;
  }

  @Test
  void sameSeedSameScript_sameTraceHash() {
    assertEquals(ttlScript(9).trace().hash(), ttlScript(9).trace().hash());
    assertEquals(20, ttlScript(9).trace().events(DynamoDbEventType.TTL_DELETED).size());
  }
}
