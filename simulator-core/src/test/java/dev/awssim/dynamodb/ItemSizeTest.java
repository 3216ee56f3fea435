package dev.awssim.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.awssim.AwsSimulator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Item size
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html)
 * and the size limits of
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html: 400 KB items
 * counting attribute names, 2,048-byte partition keys, 1,024-byte sort keys, 32 levels.
 */
class ItemSizeTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(2);
  private final DynamoDb db = sim.dynamoDb();

  ItemSizeTest() {
    db.createTable(TestTables.onDemandPkSk("tbl"));
    db.throughputGate(charges -> CapacityDecision.admitted());
  }

  private static long size(String name, AttributeValue value) {
    return Items.size(Map.of(name, value));
  }

  @Test
  void numbers_nameLengthPlusOneBytePerTwoSignificantDigitsPlusOne_zerosTrimmed() {
    assertEquals(1 + 3 + 1, size("n", AttributeValue.n("12345")));
    assertEquals(1 + 19 + 1, size("n", AttributeValue.n("1".repeat(38))));
    // leading and trailing zeros are trimmed: 1200, 0.0012 and -12 have two significant digits
    assertEquals(1 + 1 + 1, size("n", AttributeValue.n("1200")));
    assertEquals(1 + 1 + 1, size("n", AttributeValue.n("0.0012")));
    assertEquals(1 + 1 + 1, size("n", AttributeValue.n("-12")));
  }

  @Test
  void otherTypes_nameLengthPlusValueBytes() {
    assertEquals(3 + 4, size("bin", AttributeValue.b(new byte[] {1, 2, 3, 4})), "raw, not base64");
    assertEquals(2 + 1, size("ok", AttributeValue.bool(true)));
    assertEquals(2 + 1, size("no", AttributeValue.nul()));
    assertEquals(1 + 3, size("l", AttributeValue.l(List.of())), "an empty list is 3 bytes");
    assertEquals(1 + 3, size("m", AttributeValue.m(Map.of())), "an empty map is 3 bytes");
    // each element adds its size and 1 byte; a map element its name too
    assertEquals(
        1 + 3 + (1 + 1) + (1 + 1),
        size("l", AttributeValue.l(AttributeValue.s("a"), AttributeValue.bool(false))));
    assertEquals(
        1 + 3 + (1 + 2 + 1), size("m", AttributeValue.m(Map.of("k", AttributeValue.s("vv")))));
    assertEquals(2 + 3, size("é", AttributeValue.s("€")), "UTF-8 bytes of name and value");
  }

  /** An item of partition "p", sort key 1 and a {@code name} attribute, {@code bytes} in all. */
  private static Map<String, AttributeValue> item(String name, int bytes) {
    // "pk" "p" (3) + "sk" 1 (2 + 2) + the name + the value
    return Map.of(
        "pk",
        AttributeValue.s("p"),
        "sk",
        AttributeValue.n(1),
        name,
        AttributeValue.s("x".repeat(bytes - 7 - name.length())));
  }

  @Test
  void putItem_exactly400KbCountingAttributeNames_stored_oneByteMore_validationException() {
    assertEquals(400 * 1024, DynamoDbLimits.MAX_ITEM_BYTES);
    String longName = "n".repeat(255);
    db.putItem("tbl", item(longName, 409_600));
    assertEquals(409_600, Items.size(item(longName, 409_600)));

    DynamoDbException e =
        assertThrows(DynamoDbException.class, () -> db.putItem("tbl", item(longName, 409_601)));

    assertEquals("ValidationException", e.errorCode());
    assertEquals("Item size has exceeded the maximum allowed size", e.errorMessage());
  }

  @Test
  void keys_partition2048AndSort1024BytesStored_oneByteMore_validationException() {
    DynamoDb strings = db;
    strings.createTable(TestTables.onDemandPkSk("keys", ScalarAttributeType.S));
    Map<String, AttributeValue> max =
        Map.of(
            "pk", AttributeValue.s("p".repeat(2_048)), "sk", AttributeValue.s("s".repeat(1_024)));
    strings.putItem("keys", max);
    assertNotNull(strings.getItem("keys", max));

    for (Map<String, AttributeValue> over :
        List.of(
            Map.of("pk", AttributeValue.s("p".repeat(2_049)), "sk", AttributeValue.s("s")),
            Map.of("pk", AttributeValue.s("p"), "sk", AttributeValue.s("s".repeat(1_025))))) {
      assertEquals(
          "ValidationException",
          assertThrows(DynamoDbException.class, () -> strings.putItem("keys", over)).errorCode());
      assertEquals(
          "ValidationException",
          assertThrows(DynamoDbException.class, () -> strings.getItem("keys", over)).errorCode());
    }
  }

  private static AttributeValue nested(int levels) {
    AttributeValue value = AttributeValue.m(Map.of());
    for (int i = 1; i < levels; i++) {
      value = AttributeValue.m(Map.of("m", value));
    }
    return value;
  }

  @Test
  void putItem_32NestedLevels_stored_33_validationException() {
    Map<String, AttributeValue> deepest =
        Map.of("pk", AttributeValue.s("p"), "sk", AttributeValue.n(1), "d", nested(32));
    db.putItem("tbl", deepest);

    DynamoDbException e =
        assertThrows(
            DynamoDbException.class,
            () ->
                db.putItem(
                    "tbl",
                    Map.of(
                        "pk", AttributeValue.s("p"), "sk", AttributeValue.n(2), "d", nested(33))));

    assertEquals("Nesting Levels have exceeded supported limits", e.errorMessage());
    assertNull(db.getItem("tbl", Map.of("pk", AttributeValue.s("p"), "sk", AttributeValue.n(2))));
  }
}
