package dev.awssim.awssdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.awssim.AwsSimulator;
import dev.awssim.dynamodb.DynamoDbLimits;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ItemCollectionSizeLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnItemCollectionMetrics;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Item collections through {@link DynamoDbClient}: ReturnItemCollectionMetrics and
 * ItemCollectionSizeLimitExceededException on a table with a local secondary index.
 */
class DynamoDbItemCollectionTest {
  private final AwsSimulator sim =
      AwsSimulator.builder()
          .seed(7)
          .dynamoDbLimits(DynamoDbLimits.defaults().withMaxItemCollectionBytes(20_480))
          .build();
  private final DynamoDbClient db =
      SimulatedAws.builder(sim).retryMode(RetryMode.NONE).build().dynamoDbClient();

  private void createTable() {
    db.createTable(
        b ->
            b.tableName("lsi")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .attributeDefinitions(string("pk"), string("sk"), string("l"))
                .localSecondaryIndexes(
                    i ->
                        i.indexName("byL")
                            .keySchema(key("pk", KeyType.HASH), key("l", KeyType.RANGE))
                            .projection(p -> p.projectionType(ProjectionType.ALL))));
  }

  private static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }

  private static AttributeDefinition string(String name) {
    return AttributeDefinition.builder()
        .attributeName(name)
        .attributeType(ScalarAttributeType.S)
        .build();
  }

  /** "pk" + "p" (3 bytes) + "sk" + 2 (4) + "l" + "x" (2) + "v" + padding = 10 + padding bytes. */
  private PutItemResponse put(String sk, int padding, ReturnItemCollectionMetrics metrics) {
    return db.putItem(
        b ->
            b.tableName("lsi")
                .returnItemCollectionMetrics(metrics)
                .item(
                    Map.of(
                        "pk", AttributeValue.fromS("p"),
                        "sk", AttributeValue.fromS(sk),
                        "l", AttributeValue.fromS("x"),
                        "v", AttributeValue.fromS("x".repeat(padding)))));
  }

  @Test
  void putItem_returnItemCollectionMetricsSize_reportsKeyAndSizeRange() {
    createTable();
    PutItemResponse r = put("s0", 10, ReturnItemCollectionMetrics.SIZE);
    assertEquals(
        Map.of("pk", AttributeValue.fromS("p")), r.itemCollectionMetrics().itemCollectionKey());
    assertEquals(List.of(0.0, 1.0), r.itemCollectionMetrics().sizeEstimateRangeGB());
    assertFalse(put("s1", 10, null).itemCollectionMetrics() != null, "not asked for");
  }

  @Test
  void putItem_pastTheItemCollectionLimit_isTheSdksModelledException() {
    createTable();
    put("s0", 5_110, null);
    put("s1", 5_110, null);
    ItemCollectionSizeLimitExceededException e =
        assertThrows(ItemCollectionSizeLimitExceededException.class, () -> put("s2", 0, null));
    assertEquals(400, e.statusCode());
  }
}
