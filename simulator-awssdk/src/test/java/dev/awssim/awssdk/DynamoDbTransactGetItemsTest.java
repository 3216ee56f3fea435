package dev.awssim.awssdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.awssim.AwsSimulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * TransactGetItems through the SDK's {@link DynamoDbClient}
 * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactGetItems.html).
 */
class DynamoDbTransactGetItemsTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(21);
  private final DynamoDbClient db = SimulatedAws.from(sim).dynamoDbClient();

  private void table(String name, boolean provisioned) {
    db.createTable(
        b -> {
          b.tableName(name)
              .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
              .attributeDefinitions(
                  a -> a.attributeName("id").attributeType(ScalarAttributeType.S));
          if (provisioned) {
            b.billingMode("PROVISIONED")
                .provisionedThroughput(p -> p.readCapacityUnits(10L).writeCapacityUnits(10L));
          } else {
            b.billingMode("PAY_PER_REQUEST");
          }
        });
  }

  private static TransactGetItem get(String table, String id) {
    return TransactGetItem.builder()
        .get(g -> g.tableName(table).key(Map.of("id", AttributeValue.fromS(id))))
        .build();
  }

  @Test
  void transactGet_8KbItem_consumes4Units_inRequestOrder() {
    table("accounts", false);
    db.putItem(
        b ->
            b.tableName("accounts")
                .item(
                    Map.of(
                        "id",
                        AttributeValue.fromS("a"),
                        "v",
                        AttributeValue.fromS("x".repeat(8 * 1024 - 4)))));

    TransactGetItemsResponse r =
        db.transactGetItems(
            b ->
                b.transactItems(get("accounts", "none"), get("accounts", "a"))
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));

    assertFalse(r.responses().get(0).hasItem());
    assertEquals("a", r.responses().get(1).item().get("id").s());
    // 2 units per 4 KB: 4 for the 8 KB item, the minimum 2 for the missing one
    assertEquals(6.0, r.consumedCapacity().get(0).capacityUnits());
  }

  @Test
  void transactGet_101Gets_validationException400() {
    table("accounts", false);
    List<TransactGetItem> gets = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      gets.add(get("accounts", "k" + i));
    }

    DynamoDbException e =
        assertThrows(
            DynamoDbException.class, () -> db.transactGetItems(b -> b.transactItems(gets)));

    assertEquals("ValidationException", e.awsErrorDetails().errorCode());
    assertEquals(400, e.statusCode());
    assertEquals(
        100, db.transactGetItems(b -> b.transactItems(gets.subList(0, 100))).responses().size());
  }

  @Test
  void transactGet_provisionedTableOutOfRcu_canceledWithItsReasonOnly() {
    table("orders", true);
    table("log", false);
    for (int i = 0; i < 9; i++) {
      db.getItem(
          b ->
              b.tableName("orders")
                  .key(Map.of("id", AttributeValue.fromS("o")))
                  .consistentRead(true));
    }

    TransactionCanceledException e =
        assertThrows(
            TransactionCanceledException.class,
            () -> db.transactGetItems(b -> b.transactItems(get("log", "l"), get("orders", "o"))));

    assertEquals(400, e.statusCode());
    assertEquals("None", e.cancellationReasons().get(0).code());
    assertEquals("ProvisionedThroughputExceeded", e.cancellationReasons().get(1).code());
  }
}
