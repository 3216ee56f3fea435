package dev.awssim.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpressionTest {
  private static final Map<String, AttributeValue> KEY = Map.of("id", AttributeValue.s("x"));
  private final DynamoDb db = AwsSimulator.withSeed(2).dynamoDb();

  /** An on-demand table "things" keyed by the string {@code id}. */
  static void createThings(DynamoDb db) {
    db.createTable(
        CreateTableRequest.of("things")
            .withKeySchema(List.of(new KeySchemaElement("id", KeyType.HASH)))
            .withAttributeDefinitions(List.of(new AttributeDefinition("id", ScalarAttributeType.S)))
            .withBillingMode(BillingMode.PAY_PER_REQUEST));
  }

  @BeforeEach
  void createItem() {
    createThings(db);
    db.putItem(
        "things",
        Map.of(
            "id", AttributeValue.s("x"),
            "n", AttributeValue.n(10),
            "title", AttributeValue.s("hello world"),
            "tags", AttributeValue.ss("a", "b"),
            "arr",
                AttributeValue.l(AttributeValue.n(1), AttributeValue.s("two"), AttributeValue.n(3)),
            "doc",
                AttributeValue.m(
                    Map.of("mid", AttributeValue.m(Map.of("deep", AttributeValue.s("d"))))),
            "flag", AttributeValue.bool(true)));
  }

  private boolean holds(String condition) {
    Map<String, AttributeValue> values =
        Map.of(
            ":lo", AttributeValue.n(5),
            ":hi", AttributeValue.n(10),
            ":s", AttributeValue.s("hello"),
            ":a", AttributeValue.s("a"),
            ":type", AttributeValue.s("SS"),
            ":two", AttributeValue.n(2));
    Map<String, AttributeValue> used = new java.util.LinkedHashMap<>();
    values.forEach(
        (k, v) -> {
          if (condition.contains(k)) {
            used.put(k, v);
          }
        });
    try {
      db.updateItem(
          UpdateItemRequest.of("things", KEY, null)
              .withCondition(WriteCondition.of(condition, null, used)));
      return true;
    } catch (DynamoDbException e) {
      if (!e.errorCode().equals("ConditionalCheckFailedException")) {
        throw e;
      }
      return false;
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "n BETWEEN :lo AND :hi|true",
        "n > :hi|false",
        "n IN (:lo, :hi)|true",
        "begins_with(title, :s)|true",
        "contains(tags, :a)|true",
        "contains(title, :a)|false",
        "attribute_type(tags, :type)|true",
        "size(tags) = :two|true",
        "size(arr) > :two|true",
        "NOT attribute_exists(absent) AND (n = :hi OR n = :lo)|true",
        "attribute_exists(doc.mid.deep)|true",
        "attribute_exists(arr[5])|false",
        "n < :s|false",
      })
  void condition_evaluatesAsAws(String condition, boolean expected) {
    assertEquals(expected, holds(condition), condition);
  }

  @Test
  void update_setRemoveAddDelete_onNestedPathsAndSets() {
    db.updateItem(
        UpdateItemRequest.of(
                "things",
                KEY,
                "SET doc.mid.deep = :v, arr[1] = :v, #l2 = list_append(arr, :more) REMOVE title ADD tags :c DELETE #t :a")
            .withCondition(
                WriteCondition.of(
                    null,
                    Map.of("#l2", "list2", "#t", "tags2"),
                    Map.of(
                        ":v", AttributeValue.s("new"),
                        ":more", AttributeValue.l(AttributeValue.n(4)),
                        ":c", AttributeValue.ss("c"),
                        ":a", AttributeValue.ss("a")))));
    Map<String, AttributeValue> item = db.getItem("things", KEY);
    assertEquals(AttributeValue.s("new"), item.get("doc").m().get("mid").m().get("deep"));
    assertEquals(AttributeValue.s("new"), item.get("arr").l().get(1));
    assertEquals(4, item.get("list2").l().size());
    assertTrue(!item.containsKey("title"));
    assertEquals(AttributeValue.ss("a", "b", "c"), item.get("tags"));
  }

  @Test
  void update_overlappingPaths_validationException() {
    DynamoDbException e =
        assertThrows(
            DynamoDbException.class,
            () ->
                db.updateItem(
                    UpdateItemRequest.of("things", KEY, "SET doc.mid = :v REMOVE doc")
                        .withCondition(
                            WriteCondition.of(null, null, Map.of(":v", AttributeValue.s("v"))))));
    assertTrue(e.errorMessage().contains("Two document paths overlap"), e.errorMessage());
  }

  @Test
  void update_addToString_validationException_itemUnchanged() {
    DynamoDbException e =
        assertThrows(
            DynamoDbException.class,
            () ->
                db.updateItem(
                    UpdateItemRequest.of("things", KEY, "ADD title :one")
                        .withCondition(
                            WriteCondition.of(null, null, Map.of(":one", AttributeValue.n(1))))));
    assertEquals("ValidationException", e.errorCode());
    assertEquals(AttributeValue.s("hello world"), db.getItem("things", KEY).get("title"));
  }

  @Test
  void update_keyAttribute_validationException() {
    DynamoDbException e =
        assertThrows(
            DynamoDbException.class,
            () ->
                db.updateItem(
                    UpdateItemRequest.of("things", KEY, "SET id = :v")
                        .withCondition(
                            WriteCondition.of(null, null, Map.of(":v", AttributeValue.s("y"))))));
    assertTrue(e.errorMessage().contains("This attribute is part of the key"), e.errorMessage());
  }

  @Test
  void projection_nestedPathsAndListIndexes() {
    Map<String, AttributeValue> item =
        db.getItem(
                GetItemRequest.of("things", KEY)
                    .withProjectionExpression("doc.mid.deep, arr[2], arr[0], #f")
                    .withExpressionAttributeNames(Map.of("#f", "flag")))
            .item();
    assertEquals(
        Map.of(
            "doc",
                AttributeValue.m(
                    Map.of("mid", AttributeValue.m(Map.of("deep", AttributeValue.s("d"))))),
            "arr", AttributeValue.l(AttributeValue.n(1), AttributeValue.n(3)),
            "flag", AttributeValue.bool(true)),
        item);
  }

  @Test
  void expression_undefinedPlaceholder_and_syntaxError_validationException() {
    assertTrue(
        assertThrows(DynamoDbException.class, () -> holds("n = :nope"))
            .errorMessage()
            .contains("An expression attribute value used in expression is not defined"));
    assertTrue(
        assertThrows(DynamoDbException.class, () -> holds("n = = :hi"))
            .errorMessage()
            .contains("Syntax error"));
  }

  @Test
  void item_emptySetOr400KbPlusOne_validationException() {
    assertEquals(
        "ValidationException",
        assertThrows(
                DynamoDbException.class,
                () ->
                    db.putItem(
                        "things",
                        Map.of("id", AttributeValue.s("e"), "s", AttributeValue.ss(List.of()))))
            .errorCode());
    // 2 bytes for "id" + "e" 1 byte + "v" 1 byte => value of 409,600 - 4 bytes fits exactly.
    db.putItem(
        "things",
        Map.of("id", AttributeValue.s("e"), "v", AttributeValue.s("x".repeat(409_600 - 4))));
    DynamoDbException tooLarge =
        assertThrows(
            DynamoDbException.class,
            () ->
                db.putItem(
                    "things",
                    Map.of(
                        "id",
                        AttributeValue.s("e"),
                        "v",
                        AttributeValue.s("x".repeat(409_600 - 3)))));
    assertEquals("Item size has exceeded the maximum allowed size", tooLarge.errorMessage());
  }
}
