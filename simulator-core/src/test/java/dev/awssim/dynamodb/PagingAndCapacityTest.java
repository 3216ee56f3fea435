package dev.awssim.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.awssim.AwsSimulator;
import dev.awssim.engine.metrics.Dimensions;
import dev.awssim.engine.metrics.MetricKey;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Query paging (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html: 1 MB
 * or Limit items read, the filter after the read) and the unit rules of
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html
 * (Query rounded once, filters do not reduce the cost, a failed conditional write still consumes).
 */
class PagingAndCapacityTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(11);
  private final DynamoDb db = sim.dynamoDb();

  @BeforeEach
  void createTable() {
    db.createTable(TestTables.onDemandPkSk("tbl"));
    // the sizes below, not the per-key write ceiling, are under test
    db.throughputGate(charges -> CapacityDecision.admitted());
  }

  /** An item of partition "p", sort key {@code sk} (< 10) and exactly {@code bytes} bytes. */
  private static Map<String, AttributeValue> item(int sk, int bytes) {
    // "pk" "p" (3) + "sk" and a one-digit number (2 + 2) + "v" (1) + the value
    return Map.of(
        "pk",
        AttributeValue.s("p"),
        "sk",
        AttributeValue.n(sk),
        "v",
        AttributeValue.s("x".repeat(bytes - 8)));
  }

  private QueryRequest queryP() {
    return QueryRequest.of("tbl", "pk = :p")
        .withExpressionAttributeValues(Map.of(":p", AttributeValue.s("p")));
  }

  @Test
  void query_nineItemsOfAnEighthMegabyte_firstPageReadsExactly1Mb_thenOne() {
    assertEquals(1024 * 1024, DynamoDbLimits.MAX_PAGE_BYTES);
    for (int i = 0; i < 9; i++) {
      db.putItem("tbl", item(i, 131_072));
    }
    assertEquals(131_072, Items.size(item(0, 131_072)));

    QueryResult first = db.query(queryP());

    assertEquals(8, first.scannedCount());
    assertEquals(AttributeValue.n(7), first.lastEvaluatedKey().get("sk"));
    QueryResult second = db.query(queryP().withExclusiveStartKey(first.lastEvaluatedKey()));
    assertEquals(1, second.count());
    assertNull(second.lastEvaluatedKey());
  }

  @Test
  void query_limitCountsItemsReadBeforeTheFilter_emptyPageStillHasLastEvaluatedKey() {
    for (int i = 0; i < 5; i++) {
      db.putItem("tbl", item(i, 100));
    }
    db.putItem(
        "tbl",
        Map.of(
            "pk",
            AttributeValue.s("p"),
            "sk",
            AttributeValue.n(5),
            "hit",
            AttributeValue.bool(true)));
    QueryRequest filtered = queryP().withFilterExpression("attribute_exists(hit)").withLimit(2);

    QueryResult page = db.query(filtered);

    assertEquals(0, page.count());
    assertEquals(2, page.scannedCount());
    assertNotNull(page.lastEvaluatedKey(), "the end is reached only without a LastEvaluatedKey");
    int matches = 0;
    int pages = 1;
    while (page.lastEvaluatedKey() != null) {
      page = db.query(filtered.withExclusiveStartKey(page.lastEvaluatedKey()));
      matches += page.count();
      pages++;
    }
    assertEquals(1, matches);
    // six items two at a time, and the page that stopped at Limit on the last item still has a
    // LastEvaluatedKey: an empty fourth page ends the walk
    assertEquals(4, pages);
  }

  @Test
  void query_itemsOf40point8Kb_roundedOnceTo44Kb_11Strong5point5Eventual_filterChangesNothing() {
    // ten items of 4,178 bytes: 41,780 bytes (40.8 KB), rounded up to 44 KB once
    for (int i = 0; i < 10; i++) {
      db.putItem("tbl", item(i, 4_178));
    }
    QueryRequest none =
        queryP()
            .withFilterExpression("attribute_exists(nothing)")
            .withReturnConsumedCapacity(ReturnConsumedCapacity.TOTAL);

    QueryResult strong = db.query(none.withConsistentRead(true));
    QueryResult eventual = db.query(none);

    assertEquals(0, strong.count());
    assertEquals(11.0, strong.consumedCapacity().capacityUnits());
    assertEquals(5.5, eventual.consumedCapacity().capacityUnits());
  }

  @Test
  void scan_costIsTheItemsEvaluated_notTheItemsReturned() {
    for (int i = 0; i < 10; i++) {
      db.putItem("tbl", item(i, 4_178));
    }
    ScanRequest all =
        ScanRequest.of("tbl")
            .withConsistentRead(true)
            .withReturnConsumedCapacity(ReturnConsumedCapacity.TOTAL);

    QueryResult none = db.scan(all.withFilterExpression("attribute_exists(nothing)"));

    assertEquals(0, none.count());
    assertEquals(10, none.scannedCount());
    assertEquals(11.0, none.consumedCapacity().capacityUnits(), "41,780 bytes evaluated: 44 KB");
    assertEquals(11.0, db.scan(all).consumedCapacity().capacityUnits());
  }

  private static Map<String, AttributeValue> key(int sk) {
    return Map.of("pk", AttributeValue.s("p"), "sk", AttributeValue.n(sk));
  }

  @Test
  void
      batchGet_items1point5And6point5Kb_eachRoundedTo4Kb_3Strong1point5Eventual_duplicateKeyRejected() {
    db.putItem("tbl", item(0, 1_536));
    db.putItem("tbl", item(1, 6_656));
    List<Map<String, AttributeValue>> keys = List.of(key(0), key(1));

    BatchGetItemResult strong =
        db.batchGetItem(
            Map.of("tbl", new KeysAndAttributes(keys, true, null, null)),
            ReturnConsumedCapacity.TOTAL);
    BatchGetItemResult eventual =
        db.batchGetItem(
            Map.of("tbl", new KeysAndAttributes(keys, false, null, null)),
            ReturnConsumedCapacity.TOTAL);

    assertEquals(3.0, strong.consumedCapacity().get(0).capacityUnits(), "4 KB + 8 KB");
    assertEquals(1.5, eventual.consumedCapacity().get(0).capacityUnits());
    DynamoDbException e =
        assertThrows(
            DynamoDbException.class,
            () ->
                db.batchGetItem(
                    Map.of(
                        "tbl", new KeysAndAttributes(List.of(key(0), key(0)), false, null, null)),
                    null));
    assertEquals("ValidationException", e.errorCode());
  }

  private double consumedWrites() {
    return sim.metrics()
        .total(
            new MetricKey(
                "AWS/DynamoDB", "ConsumedWriteCapacityUnits", Dimensions.of("TableName", "tbl")));
  }

  @Test
  void putItem_failedCondition_consumesTheNewItemsUnitsOverAnItem_and1WhereNoneIs() {
    db.putItem("tbl", item(0, 1_536)); // 1.5 KB: 2 WCU
    assertEquals(2.0, consumedWrites());
    PutItemRequest bigger =
        PutItemRequest.of("tbl", item(0, 3_584)) // 3.5 KB: 4 WCU
            .withCondition(WriteCondition.of("attribute_not_exists(pk)"));
    PutItemRequest absent =
        PutItemRequest.of("tbl", item(1, 3_584))
            .withCondition(WriteCondition.of("attribute_exists(pk)"));

    assertEquals(
        "ConditionalCheckFailedException",
        assertThrows(DynamoDbException.class, () -> db.putItem(bigger)).errorCode());
    assertEquals(6.0, consumedWrites(), "the new item's 4 WCU");
    assertEquals(
        "ConditionalCheckFailedException",
        assertThrows(DynamoDbException.class, () -> db.putItem(absent)).errorCode());
    assertEquals(7.0, consumedWrites(), "1 WCU when there is no item");
  }
}
