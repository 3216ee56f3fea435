package dev.awssim.awssdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * {@code Select=COUNT} returns "the number of matching items, rather than the matching items
 * themselves": no {@code Items} member
 * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html).
 */
class DynamoDbSelectCountTest {
  private final DynamoDbClient db = SimulatedAws.from(AwsSimulator.withSeed(3)).dynamoDbClient();

  DynamoDbSelectCountTest() {
    db.createTable(
        b ->
            b.tableName("orders")
                .billingMode("PAY_PER_REQUEST")
                .keySchema(
                    k -> k.attributeName("pk").keyType(KeyType.HASH),
                    k -> k.attributeName("sk").keyType(KeyType.RANGE))
                .attributeDefinitions(
                    a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                    a -> a.attributeName("sk").attributeType(ScalarAttributeType.N)));
    for (int i = 0; i < 3; i++) {
      String sk = Integer.toString(i);
      db.putItem(
          b ->
              b.tableName("orders")
                  .item(Map.of("pk", AttributeValue.fromS("a"), "sk", AttributeValue.fromN(sk))));
    }
  }

  @Test
  void queryAndScan_selectCount_countWithoutItems_otherwiseItems() {
    QueryResponse count =
        db.query(
            b ->
                b.tableName("orders")
                    .select(Select.COUNT)
                    .keyConditionExpression("pk = :p")
                    .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("a"))));
    assertEquals(3, count.count());
    assertEquals(3, count.scannedCount());
    assertFalse(count.hasItems());
    ScanResponse scanCount = db.scan(b -> b.tableName("orders").select(Select.COUNT));
    assertEquals(3, scanCount.count());
    assertFalse(scanCount.hasItems());
    ScanResponse scan = db.scan(b -> b.tableName("orders"));
    assertTrue(scan.hasItems());
    assertEquals(3, scan.items().size());
  }
}
