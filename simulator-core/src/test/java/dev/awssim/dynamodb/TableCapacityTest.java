package dev.awssim.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import dev.awssim.dynamodb.capacity.CapacityKnobs;
import dev.awssim.dynamodb.capacity.CapacityLimits;
import dev.awssim.dynamodb.capacity.PartitionView;
import dev.awssim.engine.metrics.Dimensions;
import dev.awssim.engine.metrics.MetricKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The capacity rules of tables as CreateTable, UpdateTable and DescribeTable see them: Scan
 * charging, account quotas, Streams and isolation, on-demand maximums and warm throughput, and
 * rejected table changes.
 */
class TableCapacityTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(11);
  private final DynamoDb db = sim.dynamoDb();

  private static CreateTableRequest table(String name) {
    return CreateTableRequest.of(name)
        .withKeySchema(List.of(new KeySchemaElement("pk", KeyType.HASH)))
        .withAttributeDefinitions(List.of(new AttributeDefinition("pk", ScalarAttributeType.S)));
  }

  private void provisioned(String name, long rcu, long wcu) {
    db.createTable(
        table(name)
            .withBillingMode(BillingMode.PROVISIONED)
            .withProvisionedThroughput(new ProvisionedThroughput(rcu, wcu)));
  }

  private static Map<String, AttributeValue> item(String key) {
    return Map.of("pk", AttributeValue.s(key));
  }

  /** Puts {@code count} 1-KB-or-less items on {@code key}; returns how many were throttled. */
  private int puts(String table, String key, int count) {
    int throttled = 0;
    for (int i = 0; i < count; i++) {
      try {
        db.putItem(table, item(key));
      } catch (DynamoDbException e) {
        assertTrue(e.isThrottling(), e.errorCode());
        throttled++;
      }
    }
    return throttled;
  }

  private double metric(String name, Dimensions dimensions) {
    return sim.metrics().total(new MetricKey("AWS/DynamoDB", name, dimensions));
  }

  // ------------------------------------------------------------------ Scan

  @Test
  void scan_strongPagesOver3200RruInOneSecondOnNewOnDemandTable_areNotThrottled() {
    db.createTable(table("big").withBillingMode(BillingMode.PAY_PER_REQUEST));
    String payload = "x".repeat(32_000);
    for (int i = 0; i < 420; i++) {
      db.putItem("big", Map.of("pk", AttributeValue.s("k" + i), "v", AttributeValue.s(payload)));
      if (i % 100 == 99) {
        sim.advanceBy(Duration.ofSeconds(1)); // stay under 4,000 WRU/s
      }
    }
    sim.advanceBy(Duration.ofSeconds(1));
    double consumed = 0;
    Map<String, AttributeValue> start = null;
    do {
      QueryResult page =
          db.scan(
              ScanRequest.of("big")
                  .withConsistentRead(true)
                  .withExclusiveStartKey(start)
                  .withReturnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
      consumed += page.consumedCapacity().capacityUnits();
      start = page.lastEvaluatedKey();
    } while (start != null);
    // 420 items of ~32 KB, strongly consistent: past the 3,000 RRU of one key, within 12,000
    assertTrue(consumed > 3_200, "consumed " + consumed);
    assertEquals(0.0, metric("ReadThrottleEvents", Dimensions.of("TableName", "big")));
  }

  @Test
  void scan_parallelSegments_shareNoKeyCeiling() {
    db.createTable(table("seg").withBillingMode(BillingMode.PAY_PER_REQUEST));
    for (int i = 0; i < 200; i++) {
      db.putItem("seg", Map.of("pk", AttributeValue.s("k" + i)));
    }
    sim.advanceBy(Duration.ofSeconds(1));
    // 4,000 one-page segment scans in one second: 4,000 RRU over the table's many keys
    for (int n = 0; n < 4_000; n++) {
      db.scan(
          ScanRequest.of("seg").withConsistentRead(true).withSegment(n % 4).withTotalSegments(4));
    }
    assertEquals(0.0, metric("ReadThrottleEvents", Dimensions.of("TableName", "seg")));
  }

  // ------------------------------------------------------------------ account quota

  @Test
  void createTable_provisionedPastTheAccountQuota_isLimitExceeded_andCreatesNothing() {
    provisioned("tblA1", 40_000, 1);
    provisioned("tblA2", 40_000, 1); // 80,000 RCU: exactly the account quota
    DynamoDbException e = assertThrows(DynamoDbException.class, () -> provisioned("tblA3", 1, 1));
    assertEquals("LimitExceededException", e.errorCode());
    assertEquals(List.of("tblA1", "tblA2"), db.listTables());
    assertThrows(DynamoDbException.class, () -> db.describeTable("tblA3"));
  }

  @Test
  void updateTable_provisionedPastTheAccountQuota_isLimitExceeded_andChangesNothing() {
    provisioned("tblB1", 1, 40_000);
    provisioned("tblB2", 1, 30_000);
    provisioned("tblB3", 1, 10_000); // 80,000 WCU
    DynamoDbException e =
        assertThrows(
            DynamoDbException.class,
            () ->
                db.updateTable(
                    UpdateTableRequest.of("tblB3")
                        .withProvisionedThroughput(new ProvisionedThroughput(1, 10_001))));
    assertEquals("LimitExceededException", e.errorCode());
    assertEquals(10_000, db.describeTable("tblB3").provisionedThroughput().writeCapacityUnits());
    assertEquals(10_000, db.capacity().capacity("tblB3").table().writeCapacityUnits());
  }

  @Test
  void createTable_onDemandTables_doNotCountAgainstTheProvisionedAccountQuota() {
    provisioned("tblC1", 40_000, 1);
    provisioned("tblC2", 40_000, 1);
    db.createTable(table("tblC3").withBillingMode(BillingMode.PAY_PER_REQUEST));
    assertEquals(3, db.listTables().size());
  }

  // ------------------------------------------------------------------ Streams and isolation

  /** Two keys on one partition of {@code table}, found through the per-partition view. */
  private List<String> twoKeysOnOnePartition(String table) {
    for (int i = 0; i < 40; i++) {
      db.putItem(table, item("k" + i));
    }
    sim.advanceBy(Duration.ofSeconds(1));
    for (PartitionView p : db.capacity().partitions(table, null)) {
      if (p.hottestKeys().size() >= 2) {
        List<String> keys = new ArrayList<>();
        keys.add(p.hottestKeys().get(0).partitionKey().substring(2));
        keys.add(p.hottestKeys().get(1).partitionKey().substring(2));
        sim.advanceBy(Duration.ofSeconds(1));
        return keys;
      }
    }
    throw new AssertionError("no partition with two keys");
  }

  @Test
  void putItem_twoHotKeysOnOnePartitionOfStreamsTable_shareThePartitions1000Wcu() {
    db.createTable(
        table("streamed")
            .withBillingMode(BillingMode.PROVISIONED)
            .withProvisionedThroughput(new ProvisionedThroughput(1, 2_000))
            .withStreamSpecification(new StreamSpecification(true, StreamViewType.NEW_IMAGE)));
    List<String> keys = twoKeysOnOnePartition("streamed");
    assertEquals(0, puts("streamed", keys.get(0), 500));
    assertEquals(0, puts("streamed", keys.get(1), 500), "the 1,000th write of the partition");
    DynamoDbException e =
        assertThrows(DynamoDbException.class, () -> db.putItem("streamed", item(keys.get(1))));
    assertEquals("TableWriteKeyRangeThroughputExceeded", e.throttlingReasons().get(0).reason());
  }

  /**
   * "This isolation functionality is not available for tables using Provisioned Read/Write Capacity
   * Mode that have enabled DynamoDB Streams" (burst-adaptive-capacity.html): an on-demand table
   * with a stream still isolates its hot items, each up to 1,000 WCU/s.
   */
  @Test
  void putItem_twoHotKeysOnOnePartitionOfOnDemandStreamsTable_areIsolated() {
    db.createTable(
        table("odStreamed")
            .withBillingMode(BillingMode.PAY_PER_REQUEST)
            .withStreamSpecification(new StreamSpecification(true, StreamViewType.NEW_IMAGE)));
    List<String> keys = twoKeysOnOnePartition("odStreamed");
    assertEquals(0, puts("odStreamed", keys.get(0), 600));
    assertEquals(0, puts("odStreamed", keys.get(1), 600), "1,200 writes on one partition");
    assertEquals(1, puts("odStreamed", keys.get(1), 401), "each key still stops at 1,000");
  }

  @Test
  void putItem_twoHotKeysOnOnePartitionWithoutStreams_areIsolated() {
    provisioned("plain", 1, 2_000);
    List<String> keys = twoKeysOnOnePartition("plain");
    assertEquals(0, puts("plain", keys.get(0), 600));
    assertEquals(0, puts("plain", keys.get(1), 600));
  }

  // ------------------------------------------------------------------ OnDemandThroughput

  private void onDemandWithMaxWrites(String name, long maxWrites) {
    db.createTable(
        table(name)
            .withBillingMode(BillingMode.PAY_PER_REQUEST)
            .withOnDemandThroughput(new OnDemandThroughput(null, maxWrites)));
  }

  @Test
  void createTable_maxWriteRequestUnits_throttlesTheNextWrite_andIsDescribed() {
    onDemandWithMaxWrites("capped", 10);
    assertEquals(0, puts("capped", "a", 10));
    DynamoDbException e =
        assertThrows(DynamoDbException.class, () -> db.putItem("capped", item("a")));
    assertEquals("ThrottlingException", e.errorCode());
    assertEquals("TableWriteMaxOnDemandThroughputExceeded", e.throttlingReasons().get(0).reason());
    assertEquals(new OnDemandThroughput(-1L, 10L), db.describeTable("capped").onDemandThroughput());
  }

  @Test
  void updateTable_notMentioningOnDemandThroughput_keepsTheMaximum() {
    onDemandWithMaxWrites("kept", 10);
    db.updateTable(
        UpdateTableRequest.of("kept")
            .withStreamSpecification(new StreamSpecification(true, StreamViewType.KEYS_ONLY)));
    assertEquals(new OnDemandThroughput(-1L, 10L), db.describeTable("kept").onDemandThroughput());
    assertEquals(1, puts("kept", "a", 11));
  }

  @Test
  void updateTable_onDemandThroughputMinusOne_removesTheMaximum() {
    onDemandWithMaxWrites("lifted", 10);
    db.updateTable(
        UpdateTableRequest.of("lifted").withOnDemandThroughput(new OnDemandThroughput(null, -1L)));
    assertEquals(0, puts("lifted", "a", 11));
    assertEquals(new OnDemandThroughput(-1L, -1L), db.describeTable("lifted").onDemandThroughput());
  }

  @Test
  void createTable_onDemandThroughputOnProvisionedTable_isValidationException() {
    DynamoDbException e =
        assertThrows(
            DynamoDbException.class,
            () ->
                db.createTable(
                    table("wrong")
                        .withBillingMode(BillingMode.PROVISIONED)
                        .withProvisionedThroughput(new ProvisionedThroughput(5, 5))
                        .withOnDemandThroughput(new OnDemandThroughput(10L, null))));
    assertEquals("ValidationException", e.errorCode());
    assertTrue(db.listTables().isEmpty());
  }

  @Test
  void createTable_gsiMaxWriteRequestUnits_throttlesTheBaseTableWrite() {
    db.createTable(
        CreateTableRequest.of("withIndex")
            .withKeySchema(List.of(new KeySchemaElement("pk", KeyType.HASH)))
            .withAttributeDefinitions(
                List.of(
                    new AttributeDefinition("pk", ScalarAttributeType.S),
                    new AttributeDefinition("g", ScalarAttributeType.S)))
            .withBillingMode(BillingMode.PAY_PER_REQUEST)
            .withGlobalSecondaryIndexes(
                List.of(
                    new GlobalSecondaryIndex(
                        "byG",
                        List.of(new KeySchemaElement("g", KeyType.HASH)),
                        Projection.all(),
                        null,
                        new OnDemandThroughput(null, 5L),
                        null))));
    for (int i = 0; i < 5; i++) {
      db.putItem("withIndex", Map.of("pk", AttributeValue.s("p" + i), "g", AttributeValue.s("g")));
    }
    DynamoDbException e =
        assertThrows(
            DynamoDbException.class,
            () ->
                db.putItem(
                    "withIndex", Map.of("pk", AttributeValue.s("p5"), "g", AttributeValue.s("g"))));
    assertEquals("IndexWriteMaxOnDemandThroughputExceeded", e.throttlingReasons().get(0).reason());
    assertEquals(
        new OnDemandThroughput(-1L, 5L),
        db.describeTable("withIndex").globalSecondaryIndexes().get(0).onDemandThroughput());
  }

  // ------------------------------------------------------------------ WarmThroughput

  @Test
  void createTable_warmThroughput10000Writes_sustains10000WritesInTheFirstSecond() {
    db.createTable(
        table("warm")
            .withBillingMode(BillingMode.PAY_PER_REQUEST)
            .withWarmThroughput(new WarmThroughput(null, 10_000L)));
    int throttled = 0;
    for (int i = 0; i < 10_001; i++) {
      try {
        db.putItem("warm", item("k" + i));
      } catch (DynamoDbException e) {
        throttled++;
        assertEquals(10_000, i, "the first throttle is the 10,001st write");
      }
    }
    assertEquals(1, throttled);
    WarmThroughputDescription warm = db.describeTable("warm").warmThroughput();
    assertEquals(10_000, warm.writeUnitsPerSecond());
    assertEquals(12_000, warm.readUnitsPerSecond());
  }

  @Test
  void describeTable_newOnDemandTable_reportsInitialWarmThroughput() {
    db.createTable(table("fresh").withBillingMode(BillingMode.PAY_PER_REQUEST));
    WarmThroughputDescription warm = db.describeTable("fresh").warmThroughput();
    assertEquals(new WarmThroughputDescription(12_000, 4_000, "ACTIVE"), warm);
  }

  // ------------------------------------------------------------------ rejected UpdateTable

  @Test
  void updateTable_decreaseWithDeleteOfMissingIndex_isRejected_andCountsNoDecrease() {
    provisioned("dec", 100, 100);
    DynamoDbException e =
        assertThrows(
            DynamoDbException.class,
            () ->
                db.updateTable(
                    UpdateTableRequest.of("dec")
                        .withProvisionedThroughput(new ProvisionedThroughput(90, 90))
                        .withGlobalSecondaryIndexUpdates(
                            List.of(new GlobalSecondaryIndexUpdate(null, null, null, "nope")))));
    assertEquals("ValidationException", e.errorCode());
    assertEquals(100, db.capacity().capacity("dec").table().readCapacityUnits());
    // all four decreases of the first UTC hour are still there
    for (long units = 80; units >= 50; units -= 10) {
      db.updateTable(
          UpdateTableRequest.of("dec")
              .withProvisionedThroughput(new ProvisionedThroughput(units, units)));
    }
    assertEquals(50, db.describeTable("dec").provisionedThroughput().readCapacityUnits());
  }

  @Test
  void updateTable_nothingToChange_isValidationException() {
    provisioned("same", 5, 5);
    DynamoDbException e =
        assertThrows(DynamoDbException.class, () -> db.updateTable(UpdateTableRequest.of("same")));
    assertEquals("ValidationException", e.errorCode());
    assertTrue(e.errorMessage().startsWith("At least one of ProvisionedThroughput, BillingMode"));
  }

  @Test
  void updateTable_negativeCapacity_isValidationException() {
    provisioned("neg", 5, 5);
    DynamoDbException e =
        assertThrows(
            DynamoDbException.class,
            () ->
                db.updateTable(
                    UpdateTableRequest.of("neg")
                        .withProvisionedThroughput(new ProvisionedThroughput(-1, 5))));
    assertEquals("ValidationException", e.errorCode());
    assertEquals(
        "1 validation error detected: Value '-1' at 'provisionedThroughput.readCapacityUnits'"
            + " failed to satisfy constraint: Member must have value greater than or equal to 1",
        e.errorMessage());
    assertEquals(5, db.capacity().capacity("neg").table().readCapacityUnits());
  }

  // ------------------------------------------------------------------ table names

  @Test
  void createTable_oneCharacterName_failsTheLengthRule() {
    DynamoDbException e =
        assertThrows(
            DynamoDbException.class,
            () -> db.createTable(table("a").withBillingMode(BillingMode.PAY_PER_REQUEST)));
    assertEquals("ValidationException", e.errorCode());
    assertEquals(
        "1 validation error detected: Value 'a' at 'tableName' failed to satisfy constraint:"
            + " Member must have length greater than or equal to 3",
        e.errorMessage());
  }

  @Test
  void createTable_nameLengths_threeAnd255AreValid_twoAnd256AreNot() {
    db.createTable(table("abc").withBillingMode(BillingMode.PAY_PER_REQUEST));
    db.createTable(table("n".repeat(255)).withBillingMode(BillingMode.PAY_PER_REQUEST));
    for (String name : List.of("ab", "n".repeat(256))) {
      DynamoDbException e =
          assertThrows(
              DynamoDbException.class,
              () -> db.createTable(table(name).withBillingMode(BillingMode.PAY_PER_REQUEST)));
      assertTrue(e.errorMessage().contains("Member must have length"), e.errorMessage());
    }
  }

  @Test
  void createTable_shortNameWithBadCharacters_reportsBothViolations() {
    DynamoDbException e =
        assertThrows(
            DynamoDbException.class,
            () -> db.createTable(table("a!").withBillingMode(BillingMode.PAY_PER_REQUEST)));
    assertTrue(e.errorMessage().startsWith("2 validation errors detected: "), e.errorMessage());
  }

  @Test
  void createTable_nullName_isValidationException() {
    DynamoDbException e =
        assertThrows(
            DynamoDbException.class,
            () -> db.createTable(table(null).withBillingMode(BillingMode.PAY_PER_REQUEST)));
    assertEquals(
        "1 validation error detected: Value null at 'tableName' failed to satisfy constraint:"
            + " Member must not be null",
        e.errorMessage());
  }

  // ------------------------------------------------------------------ metrics

  @Test
  void putItem_throttled_countsThrottledRequestsWithTableNameAndOperation() {
    provisioned("metered", 1, 1);
    db.putItem("metered", item("a"));
    assertThrows(DynamoDbException.class, () -> db.putItem("metered", item("a")));
    assertEquals(
        1.0,
        metric("ThrottledRequests", Dimensions.of("TableName", "metered", "Operation", "PutItem")));
    assertEquals(1.0, metric("WriteThrottleEvents", Dimensions.of("TableName", "metered")));
  }

  @Test
  void batchWriteItem_partlyThrottled_countsEventsButNoThrottledRequest() {
    provisioned("batched", 1, 2);
    List<WriteRequest> writes = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      writes.add(WriteRequest.put(item("k" + i)));
    }
    BatchWriteItemResult r =
        db.batchWriteItem(Map.of("batched", writes), ReturnConsumedCapacity.NONE);
    assertEquals(1, r.unprocessedItems().get("batched").size());
    assertEquals(1.0, metric("WriteThrottleEvents", Dimensions.of("TableName", "batched")));
    Dimensions request = Dimensions.of("TableName", "batched", "Operation", "BatchWriteItem");
    assertEquals(0.0, metric("ThrottledRequests", request));
    assertThrows(
        DynamoDbException.class,
        () -> db.batchWriteItem(Map.of("batched", writes), ReturnConsumedCapacity.NONE));
    assertEquals(1.0, metric("ThrottledRequests", request), "every entry throttled");
  }

  // ------------------------------------------------------------------ settings from the builder

  @Test
  void builder_raisedAccountQuota_admitsAThirdLargeProvisionedTable() {
    AwsSimulator raised =
        AwsSimulator.builder()
            .dynamoDbLimits(
                DynamoDbLimits.defaults()
                    .withCapacityLimits(CapacityLimits.defaults().withAccountUnits(120_000)))
            .build();
    for (String name : List.of("big1", "big2", "big3")) {
      raised
          .dynamoDb()
          .createTable(
              table(name)
                  .withBillingMode(BillingMode.PROVISIONED)
                  .withProvisionedThroughput(new ProvisionedThroughput(40_000, 1)));
    }
    assertEquals(3, raised.dynamoDb().listTables().size());
  }

  @Test
  void builder_capacityKnobs_applyToNewTables() {
    AwsSimulator split =
        AwsSimulator.builder()
            .dynamoDbLimits(
                DynamoDbLimits.defaults()
                    .withCapacityKnobs(CapacityKnobs.defaults().withMinPartitions(4)))
            .build();
    split
        .dynamoDb()
        .createTable(
            table("four")
                .withBillingMode(BillingMode.PROVISIONED)
                .withProvisionedThroughput(new ProvisionedThroughput(5, 5)));
    assertEquals(4, split.dynamoDb().capacity().partitions("four", null).size());
  }

  @Test
  void putItem_storedDataPastThePartitionSize_splitsThePartition() {
    // partitions of 10,240 bytes instead of 10 GB, so that a test can fill one
    CapacityKnobs small = new CapacityKnobs(300, true, true, 1, 3_000, 1_000, 10_240);
    AwsSimulator sized =
        AwsSimulator.builder()
            .dynamoDbLimits(DynamoDbLimits.defaults().withCapacityKnobs(small))
            .build();
    DynamoDb store = sized.dynamoDb();
    store.createTable(
        table("grows")
            .withBillingMode(BillingMode.PROVISIONED)
            .withProvisionedThroughput(new ProvisionedThroughput(100, 100)));
    // each item: "pk" + "k0" (4 bytes) + "v" + 5,115 characters = 5,120 bytes
    for (String key : List.of("k0", "k1")) {
      store.putItem(
          "grows", Map.of("pk", AttributeValue.s(key), "v", AttributeValue.s("x".repeat(5_115))));
    }
    assertEquals(1, store.capacity().partitions("grows", null).size(), "exactly 10,240 bytes");
    store.putItem("grows", item("k2"));
    assertEquals(2, store.capacity().partitions("grows", null).size(), "one partition past it");
  }

  @Test
  void putItem_gsiStoragePastThePartitionSize_splitsTheGsisPartition() {
    // partitions of 10,240 bytes instead of 10 GB, so that a test can fill one
    CapacityKnobs small = new CapacityKnobs(300, true, true, 1, 3_000, 1_000, 10_240);
    DynamoDb store =
        AwsSimulator.builder()
            .dynamoDbLimits(DynamoDbLimits.defaults().withCapacityKnobs(small))
            .build()
            .dynamoDb();
    store.createTable(
        table("indexed")
            .withAttributeDefinitions(
                List.of(
                    new AttributeDefinition("pk", ScalarAttributeType.S),
                    new AttributeDefinition("g", ScalarAttributeType.S)))
            .withBillingMode(BillingMode.PROVISIONED)
            .withProvisionedThroughput(new ProvisionedThroughput(100, 100))
            .withGlobalSecondaryIndexes(
                List.of(
                    new GlobalSecondaryIndex(
                        "byG",
                        List.of(new KeySchemaElement("g", KeyType.HASH)),
                        Projection.all(),
                        new ProvisionedThroughput(100, 100)))));
    // each item: "pk" + "k0" (4 bytes) + "g" + "x" (2) + "v" + 5,113 characters = 5,120 bytes
    for (String key : List.of("k0", "k1")) {
      store.putItem("indexed", indexedItem(key, 5_113));
    }
    assertEquals(1, store.capacity().partitions("indexed", "byG").size(), "exactly 10,240 bytes");
    store.putItem("indexed", indexedItem("k2", 1));
    assertEquals(2, store.capacity().partitions("indexed", "byG").size(), "one partition past it");
  }

  private static Map<String, AttributeValue> indexedItem(String key, int padding) {
    return Map.of(
        "pk",
        AttributeValue.s(key),
        "g",
        AttributeValue.s("x"),
        "v",
        AttributeValue.s("x".repeat(padding)));
  }
}
