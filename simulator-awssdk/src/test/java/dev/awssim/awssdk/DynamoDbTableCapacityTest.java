package dev.awssim.awssdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.awssim.AwsSimulator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * CreateTable, UpdateTable and DescribeTable through {@link DynamoDbClient}: on-demand maximums,
 * warm throughput, and AWS's ValidationException for bad table changes.
 */
class DynamoDbTableCapacityTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(5);
  private final DynamoDbClient db =
      SimulatedAws.builder(sim).retryMode(RetryMode.NONE).build().dynamoDbClient();

  private static CreateTableRequest.Builder table(CreateTableRequest.Builder b, String name) {
    return b.tableName(name)
        .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
        .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S));
  }

  private void put(String table, String key) {
    db.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS(key))));
  }

  @Test
  void createTable_onDemandThroughput_isDescribedAndEnforced() {
    db.createTable(
        b ->
            table(b, "capped")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .onDemandThroughput(o -> o.maxWriteRequestUnits(10L)));
    TableDescription d = db.describeTable(b -> b.tableName("capped")).table();
    assertEquals(10L, d.onDemandThroughput().maxWriteRequestUnits());
    assertEquals(-1L, d.onDemandThroughput().maxReadRequestUnits());
    for (int i = 0; i < 10; i++) {
      put("capped", "k" + i);
    }
    DynamoDbException e = assertThrows(DynamoDbException.class, () -> put("capped", "k10"));
    assertEquals("ThrottlingException", e.awsErrorDetails().errorCode());
  }

  @Test
  void updateTable_withoutOnDemandThroughput_keepsIt() {
    db.createTable(
        b ->
            table(b, "kept")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .onDemandThroughput(o -> o.maxReadRequestUnits(50L)));
    db.updateTable(
        b ->
            b.tableName("kept")
                .streamSpecification(s -> s.streamEnabled(true).streamViewType("KEYS_ONLY")));
    assertEquals(
        50L,
        db.describeTable(b -> b.tableName("kept"))
            .table()
            .onDemandThroughput()
            .maxReadRequestUnits());
  }

  @Test
  void createTable_warmThroughput_isDescribed() {
    db.createTable(
        b ->
            table(b, "warm")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .warmThroughput(w -> w.readUnitsPerSecond(20_000L)));
    TableDescription d = db.describeTable(b -> b.tableName("warm")).table();
    assertEquals(20_000L, d.warmThroughput().readUnitsPerSecond());
    assertEquals(4_000L, d.warmThroughput().writeUnitsPerSecond());
    assertEquals("ACTIVE", d.warmThroughput().statusAsString());
  }

  @Test
  void createTable_nullName_isValidationException() {
    DynamoDbException e =
        assertThrows(
            DynamoDbException.class,
            () -> db.createTable(b -> table(b, null).billingMode(BillingMode.PAY_PER_REQUEST)));
    assertEquals("ValidationException", e.awsErrorDetails().errorCode());
    assertEquals(400, e.statusCode());
  }

  @Test
  void updateTable_negativeCapacity_isValidationException() {
    db.createTable(
        b ->
            table(b, "neg")
                .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L)));
    DynamoDbException e =
        assertThrows(
            DynamoDbException.class,
            () ->
                db.updateTable(
                    b ->
                        b.tableName("neg")
                            .provisionedThroughput(
                                p -> p.readCapacityUnits(-1L).writeCapacityUnits(5L))));
    assertEquals("ValidationException", e.awsErrorDetails().errorCode());
  }

  @Test
  void updateTable_nothingToChange_isValidationException() {
    db.createTable(b -> table(b, "same").billingMode(BillingMode.PAY_PER_REQUEST));
    DynamoDbException e =
        assertThrows(DynamoDbException.class, () -> db.updateTable(b -> b.tableName("same")));
    assertEquals("ValidationException", e.awsErrorDetails().errorCode());
  }
}
