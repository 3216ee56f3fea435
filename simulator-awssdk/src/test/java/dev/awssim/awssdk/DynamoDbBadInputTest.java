package dev.awssim.awssdk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Bad input through the SDK client surfaces only as the SDK's exceptions, with AWS's codes. */
class DynamoDbBadInputTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(8);
  private final DynamoDbClient db = SimulatedAws.from(sim).dynamoDbClient();

  DynamoDbBadInputTest() {
    db.createTable(
        b ->
            b.tableName("tbl")
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .attributeDefinitions(
                    a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                .billingMode("PAY_PER_REQUEST"));
  }

  private static Map<String, AttributeValue> item(String pk, AttributeValue v) {
    return Map.of("pk", AttributeValue.fromS(pk), "v", v);
  }

  private static Map<String, AttributeValue> key(String pk) {
    return Map.of("pk", AttributeValue.fromS(pk));
  }

  /** The SDK's own exception class (not a subclass for another code), ValidationException, 400. */
  private static DynamoDbException assertValidation(Executable call) {
    DynamoDbException e = assertThrows(DynamoDbException.class, call);
    assertEquals(DynamoDbException.class, e.getClass());
    assertEquals("ValidationException", e.awsErrorDetails().errorCode());
    assertEquals(400, e.statusCode());
    return e;
  }

  private void assertNothingStored() {
    assertEquals(0, db.scan(b -> b.tableName("tbl")).count());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "abc",
        "NaN",
        "Infinity",
        "1E+126",
        "-1E+126",
        "1E-131",
        "1E+2147483648",
        "12345678901234567890123456789012345678.9"
      })
  void putItem_numberDynamoDbRejects_sdkValidationException(String number) {
    assertValidation(
        () -> db.putItem(b -> b.tableName("tbl").item(item("a", AttributeValue.fromN(number)))));
    assertValidation(
        () ->
            db.putItem(
                b ->
                    b.tableName("tbl")
                        .item(item("a", AttributeValue.fromNs(List.of("1", number))))));
    assertNothingStored();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "9.9999999999999999999999999999999999999E+125",
        "-9.9999999999999999999999999999999999999E+125",
        "1E-130",
        "12345678901234567890123456789012345678"
      })
  void putItem_numberAtDynamoDbsLimits_stored(String number) {
    db.putItem(b -> b.tableName("tbl").item(item("a", AttributeValue.fromN(number))));
    assertEquals(1, db.scan(b -> b.tableName("tbl")).count());
  }

  @Test
  void putItem_attributeValueWithTwoTypes_sdkValidationException() {
    AttributeValue two = AttributeValue.builder().s("x").n("1").build();
    assertValidation(() -> db.putItem(b -> b.tableName("tbl").item(item("a", two))));
    assertValidation(
        () ->
            db.putItem(
                b ->
                    b.tableName("tbl")
                        .item(item("a", AttributeValue.fromM(Map.of("inner", two))))));
    assertValidation(
        () ->
            db.putItem(
                b ->
                    b.tableName("tbl")
                        .item(item("a", AttributeValue.builder().nul(false).build()))));
    assertNothingStored();
  }

  @Test
  void batchWriteItem_writeRequestWithPutAndDelete_validationExceptionAndNothingApplied() {
    db.putItem(b -> b.tableName("tbl").item(item("old", AttributeValue.fromS("keep"))));
    WriteRequest both =
        WriteRequest.builder()
            .putRequest(p -> p.item(item("new", AttributeValue.fromS("x"))))
            .deleteRequest(d -> d.key(key("old")))
            .build();
    assertValidation(() -> db.batchWriteItem(b -> b.requestItems(Map.of("tbl", List.of(both)))));
    assertTrue(db.getItem(b -> b.tableName("tbl").key(key("old"))).hasItem());
    assertFalse(db.getItem(b -> b.tableName("tbl").key(key("new"))).hasItem());
  }

  @Test
  void writes_withoutReturnValues_attributesLeftOut() {
    assertFalse(
        db.putItem(b -> b.tableName("tbl").item(item("a", AttributeValue.fromS("1"))))
            .hasAttributes());
    assertFalse(
        db.updateItem(
                b ->
                    b.tableName("tbl")
                        .key(key("a"))
                        .updateExpression("SET v = :v")
                        .expressionAttributeValues(Map.of(":v", AttributeValue.fromS("2"))))
            .hasAttributes());
    assertFalse(db.deleteItem(b -> b.tableName("tbl").key(key("a"))).hasAttributes());
    // ALL_OLD over no item: nothing to return, still left out.
    assertFalse(
        db.deleteItem(b -> b.tableName("tbl").key(key("a")).returnValues("ALL_OLD"))
            .hasAttributes());
    db.putItem(b -> b.tableName("tbl").item(item("a", AttributeValue.fromS("3"))));
    assertEquals(
        AttributeValue.fromS("3"),
        db.deleteItem(b -> b.tableName("tbl").key(key("a")).returnValues("ALL_OLD"))
            .attributes()
            .get("v"));
  }

  @Test
  void putItem_explicitlyEmptyExpressionAttributeValues_validationNotConditionFailure() {
    db.putItem(b -> b.tableName("tbl").item(item("a", AttributeValue.fromS("1"))));
    DynamoDbException e =
        assertValidation(
            () ->
                db.putItem(
                    b ->
                        b.tableName("tbl")
                            .item(item("a", AttributeValue.fromS("2")))
                            .conditionExpression("attribute_not_exists(pk)")
                            .expressionAttributeValues(Map.of())));
    assertEquals("ExpressionAttributeValues must not be empty", e.awsErrorDetails().errorMessage());
    assertValidation(
        () ->
            db.getItem(
                b ->
                    b.tableName("tbl")
                        .key(key("a"))
                        .projectionExpression("v")
                        .expressionAttributeNames(Map.of())));
  }

  @Test
  void binaryValues_callerChangesBytesInOrOut_storedItemUnchanged() {
    byte[] raw = {1, 2, 3};
    db.putItem(
        b ->
            b.tableName("tbl")
                .item(
                    Map.of(
                        "pk", AttributeValue.fromS("a"),
                        "b", AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(raw)),
                        "bs", AttributeValue.fromBs(List.of(SdkBytes.fromByteArrayUnsafe(raw))),
                        "m",
                            AttributeValue.fromM(
                                Map.of(
                                    "b",
                                    AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(raw)))))));
    raw[0] = 9;
    Map<String, AttributeValue> read = db.getItem(b -> b.tableName("tbl").key(key("a"))).item();
    read.get("b").b().asByteArrayUnsafe()[1] = 9;
    read.get("bs").bs().get(0).asByteArrayUnsafe()[1] = 9;
    read.get("m").m().get("b").b().asByteArrayUnsafe()[1] = 9;
    Map<String, AttributeValue> again = db.getItem(b -> b.tableName("tbl").key(key("a"))).item();
    assertArrayEquals(new byte[] {1, 2, 3}, again.get("b").b().asByteArray());
    assertArrayEquals(new byte[] {1, 2, 3}, again.get("bs").bs().get(0).asByteArray());
    assertArrayEquals(new byte[] {1, 2, 3}, again.get("m").m().get("b").b().asByteArray());
    assertNull(again.get("missing"));
  }

  @Test
  void putItem_conditionExpressionOver4Kb_sdkValidationExceptionAndNothingStored() {
    String condition = "attribute_not_exists(" + "a".repeat(4096 - 21) + ")";
    DynamoDbException e =
        assertValidation(
            () ->
                db.putItem(
                    b ->
                        b.tableName("tbl")
                            .item(item("a", AttributeValue.fromS("v")))
                            .conditionExpression(condition)));
    assertTrue(e.getMessage().contains("expression size: 4097"), e.getMessage());
    assertNothingStored();
  }
}
