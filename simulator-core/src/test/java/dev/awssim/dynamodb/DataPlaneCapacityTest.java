package dev.awssim.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The data plane throttles through the capacity model, with AWS's errors and reasons. */
class DataPlaneCapacityTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(1);
  private final DynamoDb db = sim.dynamoDb();

  private void table(long wcu) {
    db.createTable(
        CreateTableRequest.of("orders")
            .withKeySchema(List.of(new KeySchemaElement("pk", KeyType.HASH)))
            .withAttributeDefinitions(List.of(new AttributeDefinition("pk", ScalarAttributeType.S)))
            .withBillingMode(BillingMode.PROVISIONED)
            .withProvisionedThroughput(new ProvisionedThroughput(wcu, wcu)));
  }

  private static Map<String, AttributeValue> item(int i) {
    return Map.of("pk", AttributeValue.s("k" + i), "v", AttributeValue.s("x".repeat(500)));
  }

  @Test
  void putItem_overProvisionedWcu_isProvisionedThroughputExceeded_withReasonAndNothingWritten() {
    table(10);
    for (int i = 0; i < 10; i++) {
      db.putItem("orders", item(i));
    }
    DynamoDbException e =
        assertThrows(DynamoDbException.class, () -> db.putItem("orders", item(10)));
    assertEquals("ProvisionedThroughputExceededException", e.errorCode());
    assertEquals(400, e.statusCode());
    assertTrue(e.isThrottling());
    assertTrue(
        e.throttlingReasons().get(0).reason().startsWith("TableWrite"),
        e.throttlingReasons().toString());
    assertEquals(null, db.getItem("orders", Map.of("pk", AttributeValue.s("k10"))));

    sim.advanceBy(Duration.ofSeconds(1));
    db.putItem("orders", item(10));
  }

  private void onDemandTable(String name, OnDemandThroughput max) {
    db.createTable(
        CreateTableRequest.of(name)
            .withKeySchema(List.of(new KeySchemaElement("pk", KeyType.HASH)))
            .withAttributeDefinitions(List.of(new AttributeDefinition("pk", ScalarAttributeType.S)))
            .withBillingMode(BillingMode.PAY_PER_REQUEST)
            .withOnDemandThroughput(max));
  }

  private TransactWriteItemsRequest putBoth(String first, String second) {
    return new TransactWriteItemsRequest(
        List.of(
            TransactWriteItem.put(PutItemRequest.of(first, item(100))),
            TransactWriteItem.put(PutItemRequest.of(second, item(101)))),
        null,
        null);
  }

  @Test
  void transactWrite_provisionedTableOutOfWcu_provisionedThroughputExceededOnItsActionOnly() {
    table(10);
    onDemandTable("log", null);
    for (int i = 0; i < 9; i++) {
      db.putItem("orders", item(i));
    }
    // A transactional write of a 500-byte item costs 2 WCU; 1 is left this second.
    DynamoDbException e =
        assertThrows(
            DynamoDbException.class, () -> db.transactWriteItems(putBoth("log", "orders")));

    assertEquals("TransactionCanceledException", e.errorCode());
    assertEquals("None", e.cancellationReasons().get(0).code());
    assertEquals("ProvisionedThroughputExceeded", e.cancellationReasons().get(1).code());
    assertEquals(
        "The level of configured provisioned throughput for the table was exceeded. Consider"
            + " increasing your provisioning level with the UpdateTable API.",
        e.cancellationReasons().get(1).message());
    assertEquals(0, db.describeTable("log").itemCount(), "a cancelled transaction writes nothing");
    sim.advanceBy(Duration.ofSeconds(1));
    db.transactWriteItems(putBoth("log", "orders"));
    assertEquals(1, db.describeTable("log").itemCount());
  }

  @Test
  void transactWrite_onDemandTableAtItsMaximum_throttlingErrorOnItsActionOnly() {
    onDemandTable("capped", new OnDemandThroughput(null, 3L));
    onDemandTable("log", null);
    // 2 of the 3 write request units of this second spent; a transactional put needs 2.
    db.putItem("capped", item(0));
    db.putItem("capped", item(1));

    DynamoDbException e =
        assertThrows(
            DynamoDbException.class, () -> db.transactWriteItems(putBoth("log", "capped")));

    assertEquals("None", e.cancellationReasons().get(0).code());
    assertEquals("ThrottlingError", e.cancellationReasons().get(1).code());
    assertTrue(
        e.cancellationReasons()
            .get(1)
            .message()
            .startsWith("Throughput exceeds the current capacity"),
        e.cancellationReasons().get(1).message());
    assertEquals(0, db.describeTable("log").itemCount());
  }

  @Test
  void batchWriteItem_throttledEntries_comeBackAsUnprocessedItems() {
    table(5);
    List<WriteRequest> writes = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      writes.add(WriteRequest.put(item(i)));
    }
    BatchWriteItemResult result =
        db.batchWriteItem(Map.of("orders", writes), ReturnConsumedCapacity.NONE);
    assertEquals(3, result.unprocessedItems().get("orders").size());
  }

  @Test
  void updateTable_pastTheTableQuota_isLimitExceeded_andChangesNothing() {
    table(10);
    DynamoDbException e =
        assertThrows(
            DynamoDbException.class,
            () ->
                db.updateTable(
                    UpdateTableRequest.of("orders")
                        .withProvisionedThroughput(new ProvisionedThroughput(40_001, 10))));
    assertEquals("LimitExceededException", e.errorCode());
    assertEquals(10, db.describeTable("orders").provisionedThroughput().readCapacityUnits());
  }

  @Test
  void updateTable_badGsiThroughput_isRejected_andTheBillingModeIsUnchanged() {
    db.createTable(
        CreateTableRequest.of("indexed")
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
                        null))));
    assertThrows(
        DynamoDbException.class,
        () ->
            db.updateTable(
                UpdateTableRequest.of("indexed")
                    .withBillingMode(BillingMode.PROVISIONED)
                    .withProvisionedThroughput(new ProvisionedThroughput(5, 5))
                    .withGlobalSecondaryIndexUpdates(
                        List.of(
                            new GlobalSecondaryIndexUpdate(
                                null, "byG", new ProvisionedThroughput(0, 5), null)))));
    assertEquals(
        BillingMode.PAY_PER_REQUEST,
        db.describeTable("indexed").billingModeSummary().billingMode());
  }
}
