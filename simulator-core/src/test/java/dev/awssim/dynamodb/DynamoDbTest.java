package dev.awssim.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import dev.awssim.dynamodb.capacity.ThrottlingReason;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DynamoDbTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(1);
  private final DynamoDb db = sim.dynamoDb();

  private void createTable(String name, boolean withRange) {
    List<KeySchemaElement> keys =
        new ArrayList<>(List.of(new KeySchemaElement("pk", KeyType.HASH)));
    List<AttributeDefinition> defs =
        new ArrayList<>(List.of(new AttributeDefinition("pk", ScalarAttributeType.S)));
    if (withRange) {
      keys.add(new KeySchemaElement("sk", KeyType.RANGE));
      defs.add(new AttributeDefinition("sk", ScalarAttributeType.N));
    }
    db.createTable(
        CreateTableRequest.of(name)
            .withKeySchema(keys)
            .withAttributeDefinitions(defs)
            .withBillingMode(BillingMode.PAY_PER_REQUEST));
  }

  private static Map<String, AttributeValue> item(String pk, long sk, String data) {
    return Map.of(
        "pk", AttributeValue.s(pk), "sk", AttributeValue.n(sk), "data", AttributeValue.s(data));
  }

  @Test
  void itemSize_awsExample_is23Bytes() {
    assertEquals(
        23,
        Items.size(
            Map.of("shirt-color", AttributeValue.s("R"), "shirt-size", AttributeValue.s("M"))));
  }

  @Test
  void numbers_compareNumerically() {
    assertEquals(AttributeValue.n("1.50"), AttributeValue.n("1.5"));
    DynamoDbException e =
        assertThrows(
            DynamoDbException.class,
            () -> AttributeValue.n("1234567890123456789012345678901234567890"));
    assertEquals("ValidationException", e.errorCode());
  }

  @Test
  void createTable_twice_resourceInUse() {
    createTable("tbl1", false);
    assertEquals(TableStatus.ACTIVE, db.describeTable("tbl1").tableStatus());
    DynamoDbException e = assertThrows(DynamoDbException.class, () -> createTable("tbl1", false));
    assertEquals("ResourceInUseException", e.errorCode());
    assertEquals(
        "ResourceNotFoundException",
        assertThrows(DynamoDbException.class, () -> db.describeTable("nope")).errorCode());
  }

  @Test
  void putThenGet_returnsItem_andCountsStorage() {
    createTable("tbl", true);
    db.putItem("tbl", item("a", 1, "x"));
    assertEquals(
        AttributeValue.s("x"),
        db.getItem("tbl", Map.of("pk", AttributeValue.s("a"), "sk", AttributeValue.n(1)))
            .get("data"));
    assertEquals(1, db.describeTable("tbl").itemCount());
  }

  @Test
  void putItem_failedCondition_changesNothing() {
    createTable("tbl", false);
    db.putItem("tbl", Map.of("pk", AttributeValue.s("a"), "v", AttributeValue.n(1)));
    PutItemRequest put =
        PutItemRequest.of("tbl", Map.of("pk", AttributeValue.s("a"), "v", AttributeValue.n(2)))
            .withCondition(
                WriteCondition.of("attribute_not_exists(pk)")
                    .withReturnValuesOnConditionCheckFailure(
                        ReturnValuesOnConditionCheckFailure.ALL_OLD));
    DynamoDbException e = assertThrows(DynamoDbException.class, () -> db.putItem(put));
    assertEquals("ConditionalCheckFailedException", e.errorCode());
    assertEquals(AttributeValue.n(1), e.item().get("v"));
    assertEquals(
        AttributeValue.n(1), db.getItem("tbl", Map.of("pk", AttributeValue.s("a"))).get("v"));
  }

  @Test
  void updateItem_atomicCounter_addsAndSets() {
    createTable("tbl", false);
    Map<String, AttributeValue> key = Map.of("pk", AttributeValue.s("c"));
    for (int i = 0; i < 3; i++) {
      db.updateItem(
          UpdateItemRequest.of("tbl", key, "ADD hits :one SET #n = if_not_exists(#n, :zero) + :one")
              .withCondition(
                  WriteCondition.of(
                      null,
                      Map.of("#n", "n"),
                      Map.of(":one", AttributeValue.n(1), ":zero", AttributeValue.n(0)))));
    }
    Map<String, AttributeValue> got = db.getItem("tbl", key);
    assertEquals(AttributeValue.n(3), got.get("hits"));
    assertEquals(AttributeValue.n(3), got.get("n"));
  }

  @Test
  void expressions_reservedWordAndUnusedValue_validationException() {
    createTable("tbl", false);
    Map<String, AttributeValue> key = Map.of("pk", AttributeValue.s("c"));
    DynamoDbException reserved =
        assertThrows(
            DynamoDbException.class,
            () ->
                db.updateItem(
                    UpdateItemRequest.of("tbl", key, "SET status = :v")
                        .withCondition(
                            WriteCondition.of(null, null, Map.of(":v", AttributeValue.s("x"))))));
    assertTrue(
        reserved.errorMessage().contains("reserved keyword: status"), reserved.errorMessage());
    DynamoDbException unused =
        assertThrows(
            DynamoDbException.class,
            () ->
                db.updateItem(
                    UpdateItemRequest.of("tbl", key, "SET a = :v")
                        .withCondition(
                            WriteCondition.of(
                                null,
                                null,
                                Map.of(
                                    ":v", AttributeValue.s("x"), ":w", AttributeValue.s("y"))))));
    assertTrue(
        unused.errorMessage().contains("unused in expressions: keys: {:w}"), unused.errorMessage());
    assertNull(db.getItem("tbl", key));
  }

  @Test
  void query_onePartitionOver1Mb_cutsPageAtOneMegabyte() {
    createTable("tbl", true);
    String big = "x".repeat(100 * 1024);
    for (int i = 0; i < 15; i++) {
      db.putItem("tbl", item("p", i, big));
      // 100 WCU per write: one partition key takes at most 1,000 WCU per second
      // (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-partition-key-design.html).
      sim.advanceBy(java.time.Duration.ofMillis(200));
    }
    QueryResult page =
        db.query(
            QueryRequest.of("tbl", "pk = :p")
                .withExpressionAttributeValues(Map.of(":p", AttributeValue.s("p"))));
    assertTrue(
        page.scannedCount() >= 10 && page.scannedCount() <= 11,
        "items of ~100 KB in 1 MB: " + page.scannedCount());
    assertNotNull(page.lastEvaluatedKey());
  }

  @Test
  void query_randomItems_allPagesReturnExactlyTheMatchesInOrder() {
    for (long seed = 0; seed < 20; seed++) {
      AwsSimulator s = AwsSimulator.withSeed(seed);
      DynamoDb d = s.dynamoDb();
      d.createTable(TestTables.onDemandPkSk("tbl"));
      Random random = new Random(seed);
      Map<Long, String> expected = new java.util.TreeMap<>();
      for (int i = 0; i < 60; i++) {
        long sk = random.nextInt(200) - 100L;
        String pk = random.nextBoolean() ? "a" : "b";
        d.putItem("tbl", item(pk, sk, "v" + i));
        if (pk.equals("a")) {
          expected.put(sk, "v" + i);
        } else {
          expected.remove(sk, "never");
        }
      }
      List<Long> got = new ArrayList<>();
      Map<String, AttributeValue> start = null;
      do {
        QueryResult page =
            d.query(
                QueryRequest.of("tbl", "pk = :p AND sk BETWEEN :lo AND :hi")
                    .withExpressionAttributeValues(
                        Map.of(
                            ":p",
                            AttributeValue.s("a"),
                            ":lo",
                            AttributeValue.n(-50),
                            ":hi",
                            AttributeValue.n(50)))
                    .withLimit(1 + random.nextInt(7))
                    .withExclusiveStartKey(start));
        page.items().forEach(it -> got.add(Long.parseLong(it.get("sk").n())));
        start = page.lastEvaluatedKey();
      } while (start != null);
      List<Long> want =
          new ArrayList<>(
              ((java.util.TreeMap<Long, String>) expected).subMap(-50L, true, 50L, true).keySet());
      assertEquals(want, got, "seed " + seed);
    }
  }

  @Test
  void gate_throttle_raisesItsErrorAndChangesNothing() {
    createTable("tbl", false);
    List<CapacityCharge> seen = new ArrayList<>();
    db.throughputGate(
        charges -> {
          seen.addAll(charges);
          return CapacityDecision.throttled(
              "ProvisionedThroughputExceededException",
              "slow down",
              List.of(new ThrottlingReason("TableWriteProvisionedThroughputExceeded", "arn")));
        });
    DynamoDbException e =
        assertThrows(
            DynamoDbException.class, () -> db.putItem("tbl", Map.of("pk", AttributeValue.s("a"))));
    assertEquals("ProvisionedThroughputExceededException", e.errorCode());
    assertTrue(e.isThrottling());
    assertEquals(1.0, seen.get(0).units());
    db.throughputGate(null);
    assertNull(db.getItem("tbl", Map.of("pk", AttributeValue.s("a"))));
  }

  @Test
  void consumedCapacity_getOf8KbItem_is2Strong1Eventual() {
    createTable("tbl", false);
    db.putItem(
        "tbl",
        Map.of("pk", AttributeValue.s("a"), "d", AttributeValue.s("x".repeat(8 * 1024 - 10))));
    Map<String, AttributeValue> key = Map.of("pk", AttributeValue.s("a"));
    assertEquals(
        2.0,
        db.getItem(
                GetItemRequest.of("tbl", key)
                    .withConsistentRead(true)
                    .withReturnConsumedCapacity(ReturnConsumedCapacity.TOTAL))
            .consumedCapacity()
            .capacityUnits());
    assertEquals(
        1.0,
        db.getItem(
                GetItemRequest.of("tbl", key)
                    .withReturnConsumedCapacity(ReturnConsumedCapacity.TOTAL))
            .consumedCapacity()
            .capacityUnits());
    Map<String, AttributeValue> missing = new HashMap<>(Map.of("pk", AttributeValue.s("zz")));
    assertEquals(
        0.5,
        db.getItem(
                GetItemRequest.of("tbl", missing)
                    .withReturnConsumedCapacity(ReturnConsumedCapacity.TOTAL))
            .consumedCapacity()
            .capacityUnits());
  }
}
