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
import org.junit.jupiter.api.Test;

/**
 * TransactGetItems
 * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactGetItems.html): up to
 * 100 gets, at most 4 MB of items, 2 read units per 4 KB, cancelled whole when a get is throttled.
 */
class TransactGetItemsTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(5);
  private final DynamoDb db = sim.dynamoDb();

  private void table(String name, BillingMode mode) {
    CreateTableRequest request =
        CreateTableRequest.of(name)
            .withKeySchema(List.of(new KeySchemaElement("id", KeyType.HASH)))
            .withAttributeDefinitions(List.of(new AttributeDefinition("id", ScalarAttributeType.S)))
            .withBillingMode(mode);
    db.createTable(
        mode == BillingMode.PROVISIONED
            ? request.withProvisionedThroughput(new ProvisionedThroughput(10L, 10L))
            : request);
  }

  private static Map<String, AttributeValue> key(String id) {
    return Map.of("id", AttributeValue.s(id));
  }

  /** An item of exactly {@code bytes}: "id" (2) + the id + "v" (1) + the value. */
  private static Map<String, AttributeValue> item(String id, int bytes) {
    return Map.of(
        "id", AttributeValue.s(id), "v", AttributeValue.s("x".repeat(bytes - 3 - id.length())));
  }

  private static List<GetItemRequest> gets(String table, int count) {
    List<GetItemRequest> gets = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      gets.add(GetItemRequest.of(table, key(String.format("t%03d", i))));
    }
    return gets;
  }

  @Test
  void transactGet_100Gets_accepted_101_validationException() {
    assertEquals(100, DynamoDbLimits.MAX_TRANSACTION_ACTIONS);
    table("accounts", BillingMode.PAY_PER_REQUEST);

    DynamoDbException e =
        assertThrows(
            DynamoDbException.class, () -> db.transactGetItems(gets("accounts", 101), null));

    assertEquals("ValidationException", e.errorCode());
    assertEquals(400, e.statusCode());
    assertTrue(e.errorMessage().contains("less than or equal to 100"), e.errorMessage());
    assertEquals(100, db.transactGetItems(gets("accounts", 100), null).responses().size());
  }

  @Test
  void transactGet_itemsOfExactly4Mb_accepted_oneByteMore_validationException() {
    table("accounts", BillingMode.PAY_PER_REQUEST);
    db.throughputGate(charges -> CapacityDecision.admitted());
    // ten items of 400 KB (409,600 bytes) and one of 98,304 bytes: 4,194,304 bytes, 4 MB
    for (int i = 0; i < 10; i++) {
      db.putItem("accounts", item(String.format("t%03d", i), 409_600));
    }
    db.putItem("accounts", item("t010", 98_304));

    assertEquals(11, db.transactGetItems(gets("accounts", 11), null).responses().size());

    db.putItem("accounts", item("t010", 98_305));
    DynamoDbException e =
        assertThrows(
            DynamoDbException.class, () -> db.transactGetItems(gets("accounts", 11), null));
    assertEquals("ValidationException", e.errorCode());
    assertEquals(
        "Transaction size has exceeded the maximum allowed size of 4 MB", e.errorMessage());
  }

  @Test
  void transactGet_8KbItem_costs4Units_missingItem_costs2() {
    table("accounts", BillingMode.PAY_PER_REQUEST);
    db.putItem("accounts", item("a", 8 * 1024));

    // "An 8 KB item costs 4 read units in a transactional read" (2 per 4 KB;
    // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html)
    TransactGetItemsResult one =
        db.transactGetItems(
            List.of(GetItemRequest.of("accounts", key("a"))), ReturnConsumedCapacity.TOTAL);
    assertEquals(4.0, one.consumedCapacity().get(0).capacityUnits());
    assertEquals(4.0, one.consumedCapacity().get(0).readCapacityUnits());

    TransactGetItemsResult missing =
        db.transactGetItems(
            List.of(GetItemRequest.of("accounts", key("none"))), ReturnConsumedCapacity.TOTAL);
    assertNull(missing.responses().get(0));
    assertEquals(2.0, missing.consumedCapacity().get(0).capacityUnits());
  }

  @Test
  void transactGet_provisionedTableOutOfRcu_provisionedThroughputExceededOnItsGetOnly() {
    table("orders", BillingMode.PROVISIONED);
    table("log", BillingMode.PAY_PER_REQUEST);
    // nine strongly consistent reads of a missing item cost 1 RCU each: 1 of 10 is left, and a
    // transactional read needs 2
    for (int i = 0; i < 9; i++) {
      db.getItem(GetItemRequest.of("orders", key("o")).withConsistentRead(true));
    }
    List<GetItemRequest> both =
        List.of(GetItemRequest.of("log", key("l")), GetItemRequest.of("orders", key("o")));

    DynamoDbException e =
        assertThrows(DynamoDbException.class, () -> db.transactGetItems(both, null));

    assertEquals("TransactionCanceledException", e.errorCode());
    assertEquals(400, e.statusCode());
    assertEquals(2, e.cancellationReasons().size());
    assertEquals("None", e.cancellationReasons().get(0).code());
    assertEquals("ProvisionedThroughputExceeded", e.cancellationReasons().get(1).code());
    sim.advanceBy(Duration.ofSeconds(1));
    assertEquals(2, db.transactGetItems(both, null).responses().size());
  }

  @Test
  void transactGet_twoGetsOfOneItem_validationException() {
    table("accounts", BillingMode.PAY_PER_REQUEST);
    List<GetItemRequest> twice =
        List.of(GetItemRequest.of("accounts", key("a")), GetItemRequest.of("accounts", key("a")));

    DynamoDbException e =
        assertThrows(DynamoDbException.class, () -> db.transactGetItems(twice, null));

    assertEquals("ValidationException", e.errorCode());
  }
}
