package dev.awssim.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * AWS's expression parameter limits, each at its boundary: 4 KB per expression string, 255 bytes
 * per placeholder, 2 MB of substitution variables, 300 operators or functions
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Constraints.html#limits-expression-parameters).
 */
class ExpressionLimitsTest {
  private static final Map<String, AttributeValue> KEY = Map.of("id", AttributeValue.s("x"));
  private static final Map<String, AttributeValue> ITEM =
      Map.of("id", AttributeValue.s("x"), "n", AttributeValue.n(10));
  private final DynamoDb db = AwsSimulator.withSeed(3).dynamoDb();

  @BeforeEach
  void createItem() {
    ExpressionTest.createThings(db);
    db.putItem("things", ITEM);
  }

  private DynamoDbException rejected(WriteCondition condition) {
    DynamoDbException e =
        assertThrows(
            DynamoDbException.class,
            () -> db.putItem(PutItemRequest.of("things", ITEM).withCondition(condition)));
    assertEquals("ValidationException", e.errorCode());
    assertEquals(ITEM, db.getItem("things", KEY), "a rejected write changes nothing");
    return e;
  }

  @Test
  void condition_4096Utf8Bytes_accepted_4097_validationException() {
    // "attribute_not_exists(" + ")" is 22 bytes; each "é" is 2 bytes in UTF-8 but one char.
    String at4096 = "attribute_not_exists(" + "é".repeat(2037) + ")";
    String at4097 = "attribute_not_exists(a" + "é".repeat(2037) + ")";
    assertEquals(4096, at4096.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);

    db.putItem(PutItemRequest.of("things", ITEM).withCondition(WriteCondition.of(at4096)));
    DynamoDbException e = rejected(WriteCondition.of(at4097));

    assertEquals(
        "Invalid ConditionExpression: Expression size has exceeded the maximum allowed size;"
            + " expression size: 4097",
        e.errorMessage());
  }

  @Test
  void updateAndQuery_over4Kb_validationException() {
    String longName = "a".repeat(4096);
    DynamoDbException update =
        assertThrows(
            DynamoDbException.class,
            () -> db.updateItem(UpdateItemRequest.of("things", KEY, "REMOVE " + longName)));
    assertTrue(update.errorMessage().startsWith("Invalid UpdateExpression: Expression size"));
    DynamoDbException query =
        assertThrows(
            DynamoDbException.class,
            () ->
                db.query(
                    QueryRequest.of("things", "id = :id AND " + longName + " = :id")
                        .withExpressionAttributeValues(Map.of(":id", AttributeValue.s("x")))));
    assertTrue(query.errorMessage().contains("expression size: 4115"), query.errorMessage());
    assertEquals(ITEM, db.getItem("things", KEY));
  }

  @Test
  void condition_300OperatorsAndFunctions_accepted_301_validationException() {
    // NOT (1) + 150 functions + 149 ANDs = 300.
    String at300 = "NOT attribute_not_exists(id)" + " AND attribute_exists(id)".repeat(149);
    // A second NOT makes 301.
    String at301 =
        "NOT attribute_not_exists(id) AND NOT attribute_not_exists(id)"
            + " AND attribute_exists(id)".repeat(148);

    db.putItem(PutItemRequest.of("things", ITEM).withCondition(WriteCondition.of(at300)));
    DynamoDbException e = rejected(WriteCondition.of(at301));

    assertTrue(e.errorMessage().startsWith("Invalid ConditionExpression:"), e.errorMessage());
    assertTrue(e.errorMessage().endsWith("operator count: 301"), e.errorMessage());
  }

  @Test
  void update_setAssignmentIsNoOperator_300PlusSigns_accepted_301_validationException() {
    Map<String, AttributeValue> one = Map.of(":o", AttributeValue.n(1));
    // Written tight to stay under 4 KB: "SET a0=:o+:o,a1=:o+:o,...".
    StringBuilder at300 = new StringBuilder("SET a0=:o+:o");
    for (int i = 1; i < 300; i++) {
      at300.append(",a").append(i).append("=:o+:o");
    }
    String at301 = at300 + ",a300=:o+:o";

    db.updateItem(
        UpdateItemRequest.of("things", KEY, at300.toString())
            .withCondition(WriteCondition.of(null, null, one)));
    Map<String, AttributeValue> before = db.getItem("things", KEY);
    DynamoDbException e =
        assertThrows(
            DynamoDbException.class,
            () ->
                db.updateItem(
                    UpdateItemRequest.of("things", KEY, at301)
                        .withCondition(WriteCondition.of(null, null, one))));

    assertEquals(AttributeValue.n(2), before.get("a299"));
    assertTrue(e.errorMessage().endsWith("operator count: 301"), e.errorMessage());
    assertEquals(before, db.getItem("things", KEY));
  }

  @Test
  void placeholder_255Bytes_accepted_256_validationException() {
    String name255 = "#" + "p".repeat(254);
    String name256 = "#" + "p".repeat(255);
    db.putItem(
        PutItemRequest.of("things", ITEM)
            .withCondition(
                WriteCondition.of(
                    "attribute_exists(" + name255 + ")", Map.of(name255, "n"), null)));

    DynamoDbException name =
        rejected(
            WriteCondition.of("attribute_exists(" + name256 + ")", Map.of(name256, "n"), null));
    DynamoDbException value =
        rejected(
            WriteCondition.of(
                "n <> :" + "v".repeat(255),
                null,
                Map.of(":" + "v".repeat(255), AttributeValue.n(1))));

    assertTrue(name.errorMessage().contains("255 bytes; key length: 256"), name.errorMessage());
    assertTrue(value.errorMessage().startsWith("ExpressionAttributeValues"), value.errorMessage());
  }

  @Test
  void substitutionVariables_2MbInAll_accepted_oneByteMore_validationException() {
    // Six ":vN" keys (3 bytes each) and string values: 2,097,152 bytes in all.
    Map<String, AttributeValue> at2Mb = values(2L * 1024 * 1024);
    Map<String, AttributeValue> over = values(2L * 1024 * 1024 + 1);
    String condition = "n <> :v0 AND n <> :v1 AND n <> :v2 AND n <> :v3 AND n <> :v4 AND n <> :v5";

    db.putItem(
        PutItemRequest.of("things", ITEM).withCondition(WriteCondition.of(condition, null, at2Mb)));
    DynamoDbException e = rejected(WriteCondition.of(condition, null, over));

    assertTrue(e.errorMessage().contains("size: 2097153"), e.errorMessage());
  }

  private static Map<String, AttributeValue> values(long total) {
    Map<String, AttributeValue> values = new LinkedHashMap<>();
    long left = total - 6 * 3;
    for (int i = 0; i < 6; i++) {
      int length = (int) (i < 5 ? 400_000 : left);
      values.put(":v" + i, AttributeValue.s("s".repeat(length)));
      left -= length;
    }
    return values;
  }
}
