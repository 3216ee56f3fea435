package dev.awssim.awssdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.awssim.AwsSimulator;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The legacy write parameters (Expected, ConditionalOperator, AttributeUpdates), which the Kinesis
 * Client Library's lease table uses, evaluated as their equivalent expressions ({@code
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/LegacyConditionalParameters.html}).
 */
class DynamoDbLegacyParametersTest {
  private final DynamoDbClient ddb =
      SimulatedAws.builder(AwsSimulator.withSeed(1))
          .retryMode(RetryMode.NONE)
          .build()
          .dynamoDbClient();

  private static AttributeValue s(String v) {
    return AttributeValue.fromS(v);
  }

  private static AttributeValue n(String v) {
    return AttributeValue.fromN(v);
  }

  private static final Map<String, AttributeValue> KEY = Map.of("leaseKey", s("shard-0"));

  @BeforeEach
  void table() {
    ddb.createTable(
        b ->
            b.tableName("leases")
                .keySchema(k -> k.attributeName("leaseKey").keyType(KeyType.HASH))
                .attributeDefinitions(
                    a -> a.attributeName("leaseKey").attributeType(ScalarAttributeType.S))
                .billingMode("PAY_PER_REQUEST"));
  }

  private Map<String, AttributeValue> item() {
    return ddb.getItem(b -> b.tableName("leases").key(KEY).consistentRead(true)).item();
  }

  @Test
  void putItem_expectedExistsFalse_secondPutFailsTheCondition() {
    Map<String, ExpectedAttributeValue> absent =
        Map.of("leaseKey", ExpectedAttributeValue.builder().exists(false).build());
    ddb.putItem(
        b ->
            b.tableName("leases")
                .item(Map.of("leaseKey", s("shard-0"), "c", n("0")))
                .expected(absent));

    assertThrows(
        ConditionalCheckFailedException.class,
        () ->
            ddb.putItem(
                b ->
                    b.tableName("leases")
                        .item(Map.of("leaseKey", s("shard-0"), "c", n("9")))
                        .expected(absent)));
    assertEquals(n("0"), item().get("c"));
  }

  @Test
  void updateItem_attributeUpdatesUnderExpectedValue_appliesOnlyWhenTheValueMatches() {
    ddb.putItem(
        b ->
            b.tableName("leases")
                .item(Map.of("leaseKey", s("shard-0"), "c", n("1"), "owner", s("w1"))));
    Map<String, AttributeValueUpdate> updates =
        Map.of(
            "c", AttributeValueUpdate.builder().action(AttributeAction.ADD).value(n("1")).build(),
            "owner", AttributeValueUpdate.builder().action(AttributeAction.DELETE).build(),
            "checkpoint", AttributeValueUpdate.builder().value(s("TRIM_HORIZON")).build());

    assertThrows(
        ConditionalCheckFailedException.class,
        () ->
            ddb.updateItem(
                b ->
                    b.tableName("leases")
                        .key(KEY)
                        .attributeUpdates(updates)
                        .expected(
                            Map.of("c", ExpectedAttributeValue.builder().value(n("7")).build()))));
    ddb.updateItem(
        b ->
            b.tableName("leases")
                .key(KEY)
                .attributeUpdates(updates)
                .expected(Map.of("c", ExpectedAttributeValue.builder().value(n("1")).build())));

    assertEquals(n("2"), item().get("c"));
    assertFalse(item().containsKey("owner"));
    assertEquals(s("TRIM_HORIZON"), item().get("checkpoint"));
  }

  @Test
  void deleteItem_expectedComparisonOperatorOr_deletesWhenEitherHolds() {
    ddb.putItem(b -> b.tableName("leases").item(Map.of("leaseKey", s("shard-0"), "c", n("5"))));
    ddb.deleteItem(
        b ->
            b.tableName("leases")
                .key(KEY)
                .conditionalOperator("OR")
                .expected(
                    Map.of(
                        "c",
                        ExpectedAttributeValue.builder()
                            .comparisonOperator(ComparisonOperator.GT)
                            .attributeValueList(n("3"))
                            .build(),
                        "missing",
                        ExpectedAttributeValue.builder()
                            .comparisonOperator(ComparisonOperator.NOT_NULL)
                            .build())));
    assertFalse(ddb.getItem(b -> b.tableName("leases").key(KEY)).hasItem());
  }

  @Test
  void legacyAndExpressionParameters_together_areAValidationException() {
    DynamoDbException e =
        assertThrows(
            DynamoDbException.class,
            () ->
                ddb.putItem(
                    b ->
                        b.tableName("leases")
                            .item(Map.of("leaseKey", s("shard-0")))
                            .expected(
                                Map.of(
                                    "leaseKey",
                                    ExpectedAttributeValue.builder().exists(false).build()))
                            .conditionExpression("attribute_not_exists(leaseKey)")));
    assertEquals("ValidationException", e.awsErrorDetails().errorCode());
    assertEquals(400, e.statusCode());
    assertFalse(ddb.getItem(b -> b.tableName("leases").key(KEY)).hasItem());
  }
}
