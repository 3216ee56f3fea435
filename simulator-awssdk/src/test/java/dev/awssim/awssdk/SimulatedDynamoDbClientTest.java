package dev.awssim.awssdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import dev.awssim.dynamodb.TestThrottles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** DynamoDB end to end, driven only through the SDK's {@link DynamoDbClient}. */
class SimulatedDynamoDbClientTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(5);
  private final SimulatedAws aws = SimulatedAws.from(sim);
  private final DynamoDbClient db = aws.dynamoDbClient();

  private static AttributeValue s(String v) {
    return AttributeValue.fromS(v);
  }

  private static AttributeValue n(String v) {
    return AttributeValue.fromN(v);
  }

  /** Table {@code name} keyed by pk (S) and sk (N), on demand. */
  private void table(String name) {
    db.createTable(
        b ->
            b.tableName(name)
                .keySchema(
                    k -> k.attributeName("pk").keyType(KeyType.HASH),
                    k -> k.attributeName("sk").keyType(KeyType.RANGE))
                .attributeDefinitions(
                    a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                    a -> a.attributeName("sk").attributeType(ScalarAttributeType.N))
                .billingMode("PAY_PER_REQUEST"));
  }

  private void put(String table, String pk, int sk, String value) {
    db.putItem(
        b ->
            b.tableName(table)
                .item(Map.of("pk", s(pk), "sk", n(Integer.toString(sk)), "v", s(value))));
  }

  @Test
  void putAndGet_everyAttributeType_roundTripsNested() {
    table("tbl");
    Map<String, AttributeValue> item =
        Map.of(
            "pk", s("a"),
            "sk", n("1"),
            "bin", AttributeValue.fromB(SdkBytes.fromUtf8String("raw")),
            "flag", AttributeValue.fromBool(true),
            "nothing", AttributeValue.fromNul(true),
            "strings", AttributeValue.fromSs(List.of("x", "y")),
            "numbers", AttributeValue.fromNs(List.of("1", "2.5")),
            "blobs", AttributeValue.fromBs(List.of(SdkBytes.fromUtf8String("b1"))),
            "nested",
                AttributeValue.fromM(
                    Map.of("list", AttributeValue.fromL(List.of(s("deep"), n("7"))))));
    db.putItem(b -> b.tableName("tbl").item(item));
    Map<String, AttributeValue> got =
        db.getItem(b -> b.tableName("tbl").key(Map.of("pk", s("a"), "sk", n("1")))).item();
    assertEquals(item, got);
    assertEquals("deep", got.get("nested").m().get("list").l().get(0).s());
  }

  @Test
  void query_valuesOfChangingTypes_eachComeBackWithItsOwnTypeAndValue() {
    table("tbl");
    List<AttributeValue> values =
        List.of(
            s("text"),
            n("42"),
            s("more text"),
            AttributeValue.fromM(Map.of("inner", AttributeValue.fromM(Map.of("x", n("1"))))),
            AttributeValue.fromL(List.of(s("a"), AttributeValue.fromL(List.of(n("2"))))),
            n("-0.5"));
    for (int i = 0; i < values.size(); i++) {
      int sk = i;
      db.putItem(
          b ->
              b.tableName("tbl")
                  .item(Map.of("pk", s("p"), "sk", n(Integer.toString(sk)), "v", values.get(sk))));
    }
    List<Map<String, AttributeValue>> items =
        db.query(
                b ->
                    b.tableName("tbl")
                        .keyConditionExpression("pk = :p")
                        .expressionAttributeValues(Map.of(":p", s("p"))))
            .items();
    List<AttributeValue> read = new ArrayList<>();
    items.forEach(item -> read.add(item.get("v")));
    assertEquals(values, read);
    assertEquals(AttributeValue.Type.S, read.get(2).type());
    assertEquals("1", read.get(3).m().get("inner").m().get("x").n());
  }

  @Test
  void getItem_missingItem_hasNoItem() {
    table("tbl");
    assertFalse(
        db.getItem(b -> b.tableName("tbl").key(Map.of("pk", s("none"), "sk", n("0")))).hasItem());
  }

  @Test
  void putItem_returnConsumedCapacityTotal_reportsOneWriteUnit() {
    table("tbl");
    ConsumedCapacity c =
        db.putItem(
                b ->
                    b.tableName("tbl")
                        .item(Map.of("pk", s("a"), "sk", n("1")))
                        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL))
            .consumedCapacity();
    assertEquals("tbl", c.tableName());
    assertEquals(1.0, c.capacityUnits());
  }

  @Test
  void conditionalPut_itemExists_conditionalCheckFailedWithOldItem() {
    table("tbl");
    put("tbl", "a", 1, "first");
    ConditionalCheckFailedException e =
        assertThrows(
            ConditionalCheckFailedException.class,
            () ->
                db.putItem(
                    b ->
                        b.tableName("tbl")
                            .item(Map.of("pk", s("a"), "sk", n("1"), "v", s("second")))
                            .conditionExpression("attribute_not_exists(pk)")
                            .returnValuesOnConditionCheckFailure(
                                ReturnValuesOnConditionCheckFailure.ALL_OLD)));
    assertEquals(400, e.statusCode());
    assertEquals("ConditionalCheckFailedException", e.awsErrorDetails().errorCode());
    assertEquals("DynamoDb", e.awsErrorDetails().serviceName());
    assertFalse(e.isThrottlingException());
    assertEquals(s("first"), e.item().get("v"));
  }

  @Test
  void transactWrite_oneConditionFails_canceledWithReasonsInOrder() {
    table("tbl");
    put("tbl", "a", 1, "x");
    TransactWriteItem newItem =
        TransactWriteItem.builder()
            .put(p -> p.tableName("tbl").item(Map.of("pk", s("b"), "sk", n("1"))))
            .build();
    TransactWriteItem check =
        TransactWriteItem.builder()
            .conditionCheck(
                c ->
                    c.tableName("tbl")
                        .key(Map.of("pk", s("a"), "sk", n("1")))
                        .conditionExpression("v = :want")
                        .expressionAttributeValues(Map.of(":want", s("y"))))
            .build();
    TransactionCanceledException e =
        assertThrows(
            TransactionCanceledException.class,
            () -> db.transactWriteItems(b -> b.transactItems(newItem, check)));
    assertEquals(400, e.statusCode());
    List<CancellationReason> reasons = e.cancellationReasons();
    assertEquals(2, reasons.size());
    assertEquals("None", reasons.get(0).code());
    assertEquals("ConditionalCheckFailed", reasons.get(1).code());
    assertFalse(
        db.getItem(b -> b.tableName("tbl").key(Map.of("pk", s("b"), "sk", n("1")))).hasItem(),
        "a canceled transaction writes nothing");
  }

  @Test
  void batchWrite_throttledPartition_returnsUnprocessedItems() {
    table("tbl");
    TestThrottles.throttleKeys(sim.dynamoDb(), "hot"::equals);
    WriteRequest cold = put(Map.of("pk", s("cold"), "sk", n("1")));
    WriteRequest hot = put(Map.of("pk", s("hot"), "sk", n("1")));
    BatchWriteItemResponse r =
        db.batchWriteItem(b -> b.requestItems(Map.of("tbl", List.of(cold, hot))));
    assertEquals(List.of(hot), r.unprocessedItems().get("tbl"));
    TestThrottles.unlimited(sim.dynamoDb());
    BatchWriteItemResponse retry = db.batchWriteItem(b -> b.requestItems(r.unprocessedItems()));
    assertTrue(retry.unprocessedItems().isEmpty());
    assertEquals(2, db.scan(b -> b.tableName("tbl")).count());
  }

  private static WriteRequest put(Map<String, AttributeValue> item) {
    return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
  }

  @Test
  void defaultClient_eightThrottlesThenCapacity_succeedsOnNinthAttempt() {
    table("tbl");
    AtomicInteger calls = new AtomicInteger();
    TestThrottles.throttleKeys(sim.dynamoDb(), k -> calls.incrementAndGet() <= 8);
    put("tbl", "a", 1, "v");
    assertEquals(9, calls.get());
    assertTrue(sim.clock().nanos() > 0, "backoff waited on virtual time");
  }

  @Test
  void defaultClient_nineThrottles_surfacesAfterNineAttempts() {
    table("tbl");
    AtomicInteger calls = new AtomicInteger();
    TestThrottles.throttleKeys(sim.dynamoDb(), k -> calls.incrementAndGet() <= 9);
    ProvisionedThroughputExceededException e =
        assertThrows(ProvisionedThroughputExceededException.class, () -> put("tbl", "a", 1, "v"));
    assertEquals(9, calls.get());
    assertTrue(e.isThrottlingException());
  }

  @Test
  void noRetryClient_throttle_surfacesAtOnceWithReasons() {
    DynamoDbClient noRetry =
        SimulatedAws.builder(sim).retryMode(RetryMode.NONE).build().dynamoDbClient();
    table("tbl");
    AtomicInteger calls = new AtomicInteger();
    TestThrottles.throttleKeys(sim.dynamoDb(), k -> calls.incrementAndGet() <= 1);
    ProvisionedThroughputExceededException e =
        assertThrows(
            ProvisionedThroughputExceededException.class,
            () ->
                noRetry.putItem(b -> b.tableName("tbl").item(Map.of("pk", s("a"), "sk", n("1")))));
    assertEquals(1, calls.get());
    assertEquals(400, e.statusCode());
    assertTrue(e.isThrottlingException());
    assertEquals("TableWriteProvisionedThroughputExceeded", e.throttlingReasons().get(0).reason());
    assertEquals(Duration.ZERO.toNanos(), sim.clock().nanos());
  }

  @Test
  void queryPaginator_limit2_walksAllPagesInSortOrder() {
    table("tbl");
    for (int i = 5; i >= 1; i--) {
      put("tbl", "p", i, "v" + i);
    }
    put("tbl", "other", 1, "x");
    List<String> sks = new ArrayList<>();
    db.queryPaginator(
            b ->
                b.tableName("tbl")
                    .keyConditionExpression("pk = :p")
                    .expressionAttributeValues(Map.of(":p", s("p")))
                    .limit(2))
        .items()
        .forEach(i -> sks.add(i.get("sk").n()));
    assertEquals(List.of("1", "2", "3", "4", "5"), sks);
  }

  @Test
  void scanPaginator_limit2_threePagesThenDone() {
    table("tbl");
    for (int i = 0; i < 5; i++) {
      put("tbl", "p" + i, 1, "v");
    }
    List<Integer> pageSizes = new ArrayList<>();
    db.scanPaginator(b -> b.tableName("tbl").limit(2)).forEach(p -> pageSizes.add(p.count()));
    assertEquals(5, pageSizes.stream().mapToInt(Integer::intValue).sum());
    assertTrue(pageSizes.size() >= 3, "pages " + pageSizes);
  }

  @Test
  void waiter_tableExistsAtOnce_andGoneAfterDelete() {
    table("tbl");
    assertTrue(
        db.waiter().waitUntilTableExists(b -> b.tableName("tbl")).matched().response().isPresent());
    db.deleteTable(b -> b.tableName("tbl"));
    assertTrue(
        db.waiter()
            .waitUntilTableNotExists(b -> b.tableName("tbl"))
            .matched()
            .exception()
            .isPresent());
    assertEquals(0, sim.clock().nanos(), "no waiting");
  }

  @Test
  void updateAndDescribeTimeToLive_roundTrip() {
    table("tbl");
    db.updateTimeToLive(
        b -> b.tableName("tbl").timeToLiveSpecification(t -> t.enabled(true).attributeName("exp")));
    var d = db.describeTimeToLive(b -> b.tableName("tbl")).timeToLiveDescription();
    assertEquals("exp", d.attributeName());
    assertTrue(d.timeToLiveStatusAsString().startsWith("ENABL"), d.timeToLiveStatusAsString());
  }

  @Test
  void describeTable_missing_resourceNotFound() {
    ResourceNotFoundException e =
        assertThrows(
            ResourceNotFoundException.class, () -> db.describeTable(b -> b.tableName("missing")));
    assertEquals("ResourceNotFoundException", e.awsErrorDetails().errorCode());
  }

  @Test
  void describeAndListTables_reflectCreatedTables() {
    table("alpha");
    table("beta");
    assertEquals(
        "ACTIVE", db.describeTable(b -> b.tableName("alpha")).table().tableStatusAsString());
    assertEquals(List.of("alpha"), db.listTables(b -> b.limit(1)).tableNames());
    assertEquals("alpha", db.listTables(b -> b.limit(1)).lastEvaluatedTableName());
    assertEquals(
        List.of("beta"),
        db.listTables(b -> b.limit(1).exclusiveStartTableName("alpha")).tableNames());
    assertNull(db.listTables().lastEvaluatedTableName());
  }

  @Test
  void legacyParameter_attributesToGet_unsupportedNamingIt() {
    table("tbl");
    UnsupportedOperationException e =
        assertThrows(
            UnsupportedOperationException.class,
            () ->
                db.getItem(
                    b ->
                        b.tableName("tbl")
                            .key(Map.of("pk", s("a"), "sk", n("1")))
                            .attributesToGet("pk")));
    assertTrue(e.getMessage().contains("GetItem with the legacy parameter AttributesToGet"));
  }

  @Test
  void createBackup_notModelled_unsupportedNamingTheOperation() {
    UnsupportedOperationException e =
        assertThrows(
            UnsupportedOperationException.class,
            () -> db.createBackup(b -> b.tableName("tbl").backupName("b")));
    assertTrue(e.getMessage().contains("DynamoDB CreateBackup"), e.getMessage());
    assertNotNull(db.serviceName());
  }
}
