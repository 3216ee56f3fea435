package dev.awssim.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BatchAndTransactionTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(3);
  private final DynamoDb db = sim.dynamoDb();

  @BeforeEach
  void createTable() {
    db.createTable(
        CreateTableRequest.of("accounts")
            .withKeySchema(List.of(new KeySchemaElement("id", KeyType.HASH)))
            .withAttributeDefinitions(List.of(new AttributeDefinition("id", ScalarAttributeType.S)))
            .withBillingMode(BillingMode.PAY_PER_REQUEST));
  }

  private static Map<String, AttributeValue> key(String id) {
    return Map.of("id", AttributeValue.s(id));
  }

  private static Map<String, AttributeValue> account(String id, long balance) {
    return Map.of("id", AttributeValue.s(id), "balance", AttributeValue.n(balance));
  }

  @Test
  void batchWrite_26Requests_rejectedWholeAndChangesNothing() {
    List<WriteRequest> requests = new ArrayList<>();
    for (int i = 0; i < 26; i++) {
      requests.add(WriteRequest.put(account("a" + i, i)));
    }
    DynamoDbException e =
        assertThrows(
            DynamoDbException.class, () -> db.batchWriteItem(Map.of("accounts", requests), null));
    assertEquals("ValidationException", e.errorCode());
    assertEquals(0, db.describeTable("accounts").itemCount());
    db.batchWriteItem(Map.of("accounts", requests.subList(0, 25)), null);
    assertEquals(25, db.describeTable("accounts").itemCount());
  }

  @Test
  void batchWrite_twoRequestsOnOneItem_validationException() {
    DynamoDbException e =
        assertThrows(
            DynamoDbException.class,
            () ->
                db.batchWriteItem(
                    Map.of(
                        "accounts",
                        List.of(WriteRequest.put(account("a", 1)), WriteRequest.delete(key("a")))),
                    null));
    assertEquals("ValidationException", e.errorCode());
  }

  @Test
  void batchGet_101Keys_tooManyItems() {
    List<Map<String, AttributeValue>> keys = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      keys.add(key("k" + i));
    }
    DynamoDbException e =
        assertThrows(
            DynamoDbException.class,
            () ->
                db.batchGetItem(
                    Map.of("accounts", new KeysAndAttributes(keys, false, null, null)), null));
    assertEquals("Too many items requested for the BatchGetItem call", e.errorMessage());
    BatchGetItemResult hundred =
        db.batchGetItem(
            Map.of("accounts", new KeysAndAttributes(keys.subList(0, 100), false, null, null)),
            null);
    assertTrue(hundred.unprocessedKeys().isEmpty());
  }

  @Test
  void batchGet_hundredItemsOf400Kb_returnsWhatFits16Mb_restUnprocessed() {
    BatchGetItemResult result = batchGetHundredItemsOf(409_600); // the largest item, 400 KB

    // 16 MB, read as AWS's example below reads it (16,000,000 bytes), holds 39 items of 409,600
    // bytes (15,974,400), not 40.
    assertEquals(39, result.responses().get("accounts").size());
    assertEquals(61, result.unprocessedKeys().get("accounts").keys().size());
  }

  @Test
  void batchGet_hundredItemsOf300Kb_returns52_asAwssOwnExample() {
    // API_BatchGetItem.html: "if you ask to retrieve 100 items, but each individual item is 300 KB
    // in size, the system returns 52 items (so as not to exceed the 16 MB limit)".
    BatchGetItemResult result = batchGetHundredItemsOf(307_200);

    assertEquals(52, result.responses().get("accounts").size());
    assertEquals(48, result.unprocessedKeys().get("accounts").keys().size());
  }

  /** Puts 100 items of {@code itemBytes} each (DynamoDB's item size) and batch-gets them all. */
  private BatchGetItemResult batchGetHundredItemsOf(int itemBytes) {
    db.throughputGate(charges -> CapacityDecision.admitted());
    List<Map<String, AttributeValue>> keys = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      String id = String.format("k%02d", i);
      // "id" + "kNN" + "v" + value = itemBytes
      db.putItem(
          "accounts",
          Map.of("id", AttributeValue.s(id), "v", AttributeValue.s("x".repeat(itemBytes - 6))));
      keys.add(key(id));
    }
    return db.batchGetItem(
        Map.of("accounts", new KeysAndAttributes(keys, false, null, null)), null);
  }

  @Test
  void batchGet_throttledKeys_comeBackUnprocessed_andAllThrottledThrows() {
    db.putItem("accounts", account("a", 1));
    db.putItem("accounts", account("b", 2));
    throttleKeyB("ProvisionedThroughputExceededException");
    BatchGetItemResult result =
        db.batchGetItem(
            Map.of(
                "accounts", new KeysAndAttributes(List.of(key("a"), key("b")), false, null, null)),
            null);
    assertEquals(1, result.responses().get("accounts").size());
    assertEquals(List.of(key("b")), result.unprocessedKeys().get("accounts").keys());
    DynamoDbException e =
        assertThrows(
            DynamoDbException.class,
            () ->
                db.batchGetItem(
                    Map.of("accounts", new KeysAndAttributes(List.of(key("b")), false, null, null)),
                    null));
    assertEquals("ProvisionedThroughputExceededException", e.errorCode());
  }

  @Test
  void batchWrite_throttledRequests_comeBackUnprocessed() {
    throttleKeyB("ThrottlingException");
    BatchWriteItemResult result =
        db.batchWriteItem(
            Map.of(
                "accounts",
                List.of(WriteRequest.put(account("a", 1)), WriteRequest.put(account("b", 2)))),
            null);
    assertEquals(
        List.of(WriteRequest.put(account("b", 2))), result.unprocessedItems().get("accounts"));
    assertEquals(1, db.describeTable("accounts").itemCount());
  }

  /** Every call whose first charge is on partition key "b" is throttled with {@code code}. */
  private void throttleKeyB(String code) {
    CapacityDecision throttle = CapacityDecision.throttled(code, "too fast", List.of());
    db.throughputGate(
        charges ->
            charges.get(0).partitionKey().text().equals("S:b")
                ? throttle
                : CapacityDecision.admitted());
  }

  private TransactWriteItemsRequest transfer(String token) {
    Map<String, AttributeValue> values = Map.of(":amount", AttributeValue.n(30));
    return new TransactWriteItemsRequest(
        List.of(
            TransactWriteItem.update(
                UpdateItemRequest.of("accounts", key("a"), "SET balance = balance - :amount")
                    .withCondition(WriteCondition.of("balance >= :amount", null, values))),
            TransactWriteItem.update(
                UpdateItemRequest.of("accounts", key("b"), "SET balance = balance + :amount")
                    .withCondition(
                        WriteCondition.of("balance < :amount", null, values)
                            .withReturnValuesOnConditionCheckFailure(
                                ReturnValuesOnConditionCheckFailure.ALL_OLD)))),
        token,
        ReturnConsumedCapacity.TOTAL);
  }

  @Test
  void transactWrite_secondConditionFails_bothItemsUnchanged() {
    db.putItem("accounts", account("a", 100));
    db.putItem("accounts", account("b", 50));
    DynamoDbException e =
        assertThrows(DynamoDbException.class, () -> db.transactWriteItems(transfer(null)));
    assertEquals("TransactionCanceledException", e.errorCode());
    assertEquals("None", e.cancellationReasons().get(0).code());
    assertEquals("ConditionalCheckFailed", e.cancellationReasons().get(1).code());
    assertEquals(AttributeValue.n(50), e.cancellationReasons().get(1).item().get("balance"));
    assertEquals(AttributeValue.n(100), db.getItem("accounts", key("a")).get("balance"));
    assertEquals(AttributeValue.n(50), db.getItem("accounts", key("b")).get("balance"));
  }

  @Test
  void transactWrite_success_appliesBoth_andCostsTwoUnitsPerKb() {
    db.putItem("accounts", account("a", 100));
    db.putItem("accounts", account("b", 10));
    TransactWriteItemsResult result = db.transactWriteItems(transfer(null));
    assertEquals(4.0, result.consumedCapacity().get(0).capacityUnits());
    assertEquals(AttributeValue.n(70), db.getItem("accounts", key("a")).get("balance"));
    assertEquals(AttributeValue.n(40), db.getItem("accounts", key("b")).get("balance"));
  }

  @Test
  void transactWrite_sameToken_within10Minutes_appliesOnce_mismatchRejected() {
    db.putItem("accounts", account("a", 100));
    db.putItem("accounts", account("b", 0));
    db.transactWriteItems(transfer("tok"));
    sim.advanceBy(Duration.ofMinutes(10).minusMillis(1));
    db.transactWriteItems(transfer("tok"));
    assertEquals(AttributeValue.n(70), db.getItem("accounts", key("a")).get("balance"));
    TransactWriteItemsRequest other =
        new TransactWriteItemsRequest(
            List.of(TransactWriteItem.put(PutItemRequest.of("accounts", account("c", 1)))),
            "tok",
            null);
    assertEquals(
        "IdempotentParameterMismatchException",
        assertThrows(DynamoDbException.class, () -> db.transactWriteItems(other)).errorCode());
    sim.advanceBy(Duration.ofMillis(1));
    db.transactWriteItems(other);
    assertEquals(AttributeValue.n(1), db.getItem("accounts", key("c")).get("balance"));
  }

  private DynamoDbException transactWriteFails(TransactWriteItem... actions) {
    return assertThrows(
        DynamoDbException.class,
        () -> db.transactWriteItems(new TransactWriteItemsRequest(List.of(actions), null, null)));
  }

  @Test
  void transactWrite_updateTheStoredItemMakesInvalid_validationErrorReason_andNothingChanges() {
    db.putItem("accounts", account("a", 10));
    db.putItem("accounts", Map.of("id", AttributeValue.s("b"), "balance", AttributeValue.s("ten")));
    db.putItem(
        "accounts",
        Map.of("id", AttributeValue.s("c"), "note", AttributeValue.s("x".repeat(400 * 1024 - 20))));
    WriteCondition one = WriteCondition.of(null, null, Map.of(":one", AttributeValue.n(1)));
    WriteCondition more =
        WriteCondition.of(null, null, Map.of(":more", AttributeValue.s("y".repeat(100))));

    DynamoDbException e =
        transactWriteFails(
            TransactWriteItem.update(
                UpdateItemRequest.of("accounts", key("a"), "ADD balance :one").withCondition(one)),
            TransactWriteItem.update(
                UpdateItemRequest.of("accounts", key("b"), "ADD balance :one").withCondition(one)),
            TransactWriteItem.update(
                UpdateItemRequest.of("accounts", key("c"), "SET more = :more")
                    .withCondition(more)));

    assertEquals("TransactionCanceledException", e.errorCode());
    List<CancellationReason> reasons = e.cancellationReasons();
    assertEquals("None", reasons.get(0).code());
    assertEquals("ValidationError", reasons.get(1).code());
    assertEquals(
        "An operand in the update expression has an incorrect data type", reasons.get(1).message());
    assertEquals("ValidationError", reasons.get(2).code());
    assertEquals(
        "Item size to update has exceeded the maximum allowed size", reasons.get(2).message());
    assertEquals(account("a", 10), db.getItem("accounts", key("a")));
  }

  @Test
  void transactWrite_100Actions_accepted_101_validationException() {
    List<TransactWriteItem> actions = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      actions.add(TransactWriteItem.put(PutItemRequest.of("accounts", account("t" + i, i))));
    }
    DynamoDbException e =
        assertThrows(
            DynamoDbException.class,
            () -> db.transactWriteItems(new TransactWriteItemsRequest(actions, null, null)));
    assertTrue(e.errorMessage().contains("less than or equal to 100"), e.errorMessage());
    assertEquals(0, db.describeTable("accounts").itemCount());

    db.transactWriteItems(new TransactWriteItemsRequest(actions.subList(0, 100), null, null));
    assertEquals(100, db.describeTable("accounts").itemCount());
  }

  @Test
  void transactWrite_exactly4Mb_accepted_oneByteMore_validationException() {
    db.throughputGate(charges -> CapacityDecision.admitted());
    // "id" + "tNN" + "v" = 6 bytes of names and key: ten items of 409,600 bytes and one of
    // 98,304 make 4,194,304 bytes, 4 MB.
    DynamoDbException e =
        assertThrows(
            DynamoDbException.class,
            () ->
                db.transactWriteItems(new TransactWriteItemsRequest(puts(98_304 + 1), null, null)));
    assertEquals("ValidationException", e.errorCode());
    assertEquals(0, db.describeTable("accounts").itemCount());

    db.transactWriteItems(new TransactWriteItemsRequest(puts(98_304), null, null));
    assertEquals(11, db.describeTable("accounts").itemCount());
  }

  /** Ten puts of 400 KB items and one of {@code lastBytes}. */
  private static List<TransactWriteItem> puts(int lastBytes) {
    List<TransactWriteItem> puts = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      int bytes = i < 10 ? 409_600 : lastBytes;
      puts.add(
          TransactWriteItem.put(
              PutItemRequest.of(
                  "accounts",
                  Map.of(
                      "id",
                      AttributeValue.s(String.format("t%02d", i)),
                      "v",
                      AttributeValue.s("x".repeat(bytes - 6))))));
    }
    return puts;
  }

  @Test
  void transactWrite_twoActionsOnOneItem_validationException() {
    TransactWriteItemsRequest request =
        new TransactWriteItemsRequest(
            List.of(
                TransactWriteItem.put(PutItemRequest.of("accounts", account("a", 1))),
                TransactWriteItem.delete(DeleteItemRequest.of("accounts", key("a")))),
            null,
            null);
    DynamoDbException e =
        assertThrows(DynamoDbException.class, () -> db.transactWriteItems(request));
    assertEquals("ValidationException", e.errorCode());
    assertNull(db.getItem("accounts", key("a")));
  }

  @Test
  void transactGet_readsInRequestOrder_nullForMissing() {
    db.putItem("accounts", account("a", 1));
    TransactGetItemsResult result =
        db.transactGetItems(
            List.of(
                GetItemRequest.of("accounts", key("zz")), GetItemRequest.of("accounts", key("a"))),
            ReturnConsumedCapacity.TOTAL);
    assertNull(result.responses().get(0));
    assertEquals(AttributeValue.n(1), result.responses().get(1).get("balance"));
    assertTrue(result.consumedCapacity().get(0).capacityUnits() == 4.0);
  }
}
