package dev.awssim.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.awssim.AwsSimulator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Atomic counters and conditional updates under retry
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/WorkingWithItems.html): a
 * counter increments on every call, retries included; an update conditioned on the attribute it
 * changes applies once.
 */
class ConditionalWritesTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(6);
  private final DynamoDb db = sim.dynamoDb();
  private final Map<String, AttributeValue> key =
      Map.of("pk", AttributeValue.s("item"), "sk", AttributeValue.n(1));

  ConditionalWritesTest() {
    db.createTable(TestTables.onDemandPkSk("tbl"));
    db.putItem(
        "tbl",
        Map.of(
            "pk", AttributeValue.s("item"),
            "sk", AttributeValue.n(1),
            "hits", AttributeValue.n(0),
            "price", AttributeValue.n(10)));
  }

  @Test
  void updateItem_atomicCounterSentTwice_incrementsTwice() {
    UpdateItemRequest increment =
        UpdateItemRequest.of("tbl", key, "SET hits = hits + :one")
            .withCondition(WriteCondition.of(null, null, Map.of(":one", AttributeValue.n(1))));

    db.updateItem(increment);
    db.updateItem(increment); // a retry of the same request

    assertEquals(AttributeValue.n(2), db.getItem("tbl", key).get("hits"));
  }

  @Test
  void updateItem_conditionOnTheChangedAttributeSentTwice_appliesOnce() {
    UpdateItemRequest reprice =
        UpdateItemRequest.of("tbl", key, "SET price = :new")
            .withCondition(
                WriteCondition.of(
                    "price = :old",
                    null,
                    Map.of(":old", AttributeValue.n(10), ":new", AttributeValue.n(8))));

    db.updateItem(reprice);
    DynamoDbException retry = assertThrows(DynamoDbException.class, () -> db.updateItem(reprice));

    assertEquals("ConditionalCheckFailedException", retry.errorCode());
    assertEquals(AttributeValue.n(8), db.getItem("tbl", key).get("price"));
  }
}
