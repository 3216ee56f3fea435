package dev.awssim.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IndexAndScanTest {
  private final DynamoDb db = AwsSimulator.withSeed(5).dynamoDb();

  @BeforeEach
  void createTable() {
    db.createTable(
        CreateTableRequest.of("orders")
            .withKeySchema(List.of(new KeySchemaElement("id", KeyType.HASH)))
            .withAttributeDefinitions(
                List.of(
                    new AttributeDefinition("id", ScalarAttributeType.S),
                    new AttributeDefinition("status", ScalarAttributeType.S),
                    new AttributeDefinition("total", ScalarAttributeType.N)))
            .withBillingMode(BillingMode.PAY_PER_REQUEST)
            .withGlobalSecondaryIndexes(
                List.of(
                    new GlobalSecondaryIndex(
                        "byStatus",
                        List.of(
                            new KeySchemaElement("status", KeyType.HASH),
                            new KeySchemaElement("total", KeyType.RANGE)),
                        Projection.all(),
                        null))));
  }

  private void put(String id, String status, long total) {
    db.putItem(
        "orders",
        Map.of(
            "id", AttributeValue.s(id),
            "status", AttributeValue.s(status),
            "total", AttributeValue.n(total)));
  }

  private QueryRequest byStatus(String status) {
    return QueryRequest.of("orders", "#s = :s")
        .withIndexName("byStatus")
        .withExpressionAttributeNames(Map.of("#s", "status"))
        .withExpressionAttributeValues(Map.of(":s", AttributeValue.s(status)));
  }

  @Test
  void queryGsi_returnsItemsInSortKeyOrder_descendingWhenAsked() {
    put("a", "open", 30);
    put("b", "open", 10);
    put("c", "shipped", 20);
    put("d", "open", 20);
    db.putItem("orders", Map.of("id", AttributeValue.s("sparse")));
    List<String> ids = new ArrayList<>();
    db.query(byStatus("open")).items().forEach(i -> ids.add(i.get("id").s()));
    assertEquals(List.of("b", "d", "a"), ids);
    QueryResult reversed = db.query(byStatus("open").withScanIndexForward(false).withLimit(1));
    assertEquals("a", reversed.items().get(0).get("id").s());
    assertEquals(
        Set.of("id", "status", "total"),
        reversed.lastEvaluatedKey().keySet(),
        "table and index key");
    assertEquals(
        4, db.describeTable("orders").globalSecondaryIndexes().get(0).itemCount(), "sparse");
  }

  @Test
  void queryGsi_consistentRead_validationException() {
    DynamoDbException e =
        assertThrows(
            DynamoDbException.class, () -> db.query(byStatus("open").withConsistentRead(true)));
    assertEquals("ValidationException", e.errorCode());
  }

  @Test
  void update_movingGsiKey_chargesDeleteAndPutOnTheIndex() {
    put("a", "open", 30);
    UpdateItemResult result =
        db.updateItem(
            UpdateItemRequest.of("orders", Map.of("id", AttributeValue.s("a")), "SET #s = :s")
                .withCondition(
                    WriteCondition.of(
                        null, Map.of("#s", "status"), Map.of(":s", AttributeValue.s("shipped"))))
                .withReturnConsumedCapacity(ReturnConsumedCapacity.INDEXES));
    assertEquals(1.0, result.consumedCapacity().table().capacityUnits());
    assertEquals(
        2.0, result.consumedCapacity().globalSecondaryIndexes().get("byStatus").capacityUnits());
    assertEquals(3.0, result.consumedCapacity().capacityUnits());
    assertEquals(1, db.query(byStatus("shipped")).count());
    assertEquals(0, db.query(byStatus("open")).count());
  }

  @Test
  void scan_parallelSegments_coverEveryItemOnce_acrossPages() {
    for (int i = 0; i < 100; i++) {
      put("o" + i, i % 2 == 0 ? "open" : "shipped", i);
    }
    Set<String> seen = new HashSet<>();
    int total = 0;
    for (int segment = 0; segment < 4; segment++) {
      Map<String, AttributeValue> start = null;
      do {
        QueryResult page =
            db.scan(
                ScanRequest.of("orders")
                    .withSegment(segment)
                    .withTotalSegments(4)
                    .withLimit(7)
                    .withExclusiveStartKey(start)
                    .withFilterExpression("#s = :s")
                    .withExpressionAttributeNames(Map.of("#s", "status"))
                    .withExpressionAttributeValues(Map.of(":s", AttributeValue.s("open"))));
        assertTrue(page.scannedCount() <= 7);
        page.items().forEach(i -> seen.add(i.get("id").s()));
        total += page.count();
        start = page.lastEvaluatedKey();
      } while (start != null);
    }
    assertEquals(50, total);
    assertEquals(50, seen.size());
  }

  @Test
  void putItem_wrongIndexKeyType_validationException() {
    DynamoDbException e =
        assertThrows(
            DynamoDbException.class,
            () ->
                db.putItem(
                    "orders",
                    Map.of(
                        "id", AttributeValue.s("x"), "total", AttributeValue.s("not a number"))));
    assertEquals("ValidationException", e.errorCode());
  }
}
