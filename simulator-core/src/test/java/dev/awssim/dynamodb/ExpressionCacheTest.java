package dev.awssim.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The parsed-expression cache: one parse per text and names, each request's own values, and the
 * parser's own errors.
 */
class ExpressionCacheTest {
  private static final String KEY_CONDITION = "KeyConditionExpression";
  private final ExpressionCache cache = new ExpressionCache();

  private static ExpressionContext values(String placeholder, AttributeValue value) {
    return new ExpressionContext(Map.of(), Map.of(placeholder, value));
  }

  @Test
  void condition_sameTextWithNewValues_parsesOnceAndTestsEachRequestsValue() {
    Condition first =
        cache.condition("pk = :pk", KEY_CONDITION, values(":pk", AttributeValue.s("a")));
    Condition second =
        cache.condition("pk = :pk", KEY_CONDITION, values(":pk", AttributeValue.s("b")));

    assertEquals(1, cache.misses());
    assertEquals(1, cache.hits());
    Map<String, AttributeValue> itemB = Map.of("pk", AttributeValue.s("b"));
    assertFalse(first.test(itemB));
    assertTrue(second.test(itemB));
  }

  @Test
  void condition_cachedTextWithAMissingValue_failsWithTheParsersError() {
    String text = "pk = :pk AND sk BETWEEN :lo AND :hi";
    Map<String, AttributeValue> all =
        Map.of(
            ":pk", AttributeValue.s("a"), ":lo", AttributeValue.n(1), ":hi", AttributeValue.n(2));
    cache.condition(text, KEY_CONDITION, new ExpressionContext(Map.of(), all));
    Map<String, AttributeValue> noLow = new HashMap<>(all);
    noLow.remove(":lo");

    DynamoDbException cached =
        assertThrows(
            DynamoDbException.class,
            () -> cache.condition(text, KEY_CONDITION, new ExpressionContext(Map.of(), noLow)));
    DynamoDbException parsed =
        assertThrows(
            DynamoDbException.class,
            () ->
                ExpressionParser.condition(
                    text, KEY_CONDITION, new ExpressionContext(Map.of(), noLow)));

    assertEquals(parsed.getMessage(), cached.getMessage());
    assertEquals(1, cache.hits());
  }

  @Test
  void condition_textThatDoesNotParse_isNotKeptAndFailsAsTheParserDoes() {
    String text = "pk = = :pk";
    ExpressionContext ctx = values(":pk", AttributeValue.s("a"));
    DynamoDbException cached =
        assertThrows(DynamoDbException.class, () -> cache.condition(text, KEY_CONDITION, ctx));
    DynamoDbException parsed =
        assertThrows(
            DynamoDbException.class,
            () ->
                ExpressionParser.condition(
                    text, KEY_CONDITION, values(":pk", AttributeValue.s("a"))));

    assertEquals(parsed.getMessage(), cached.getMessage());
    assertThrows(DynamoDbException.class, () -> cache.condition(text, KEY_CONDITION, ctx));
    assertEquals(0, cache.hits());
  }

  @Test
  void condition_sameTextWithOtherNames_isParsedForEachNames() {
    ExpressionContext toA =
        new ExpressionContext(Map.of("#n", "a"), Map.of(":v", AttributeValue.n(1)));
    ExpressionContext toB =
        new ExpressionContext(Map.of("#n", "b"), Map.of(":v", AttributeValue.n(1)));
    Condition onA = cache.condition("#n = :v", "ConditionExpression", toA);
    Condition onB = cache.condition("#n = :v", "ConditionExpression", toB);

    assertEquals(2, cache.misses());
    assertTrue(onA.test(Map.of("a", AttributeValue.n(1))));
    assertTrue(onB.test(Map.of("b", AttributeValue.n(1))));
    assertFalse(onB.test(Map.of("a", AttributeValue.n(1))));
  }

  @Test
  void condition_cachedText_marksItsPlaceholdersUsed() {
    cache.condition("pk = :pk", KEY_CONDITION, values(":pk", AttributeValue.s("a")));
    ExpressionContext ctx =
        new ExpressionContext(
            Map.of(), Map.of(":pk", AttributeValue.s("a"), ":extra", AttributeValue.s("b")));
    cache.condition("pk = :pk", KEY_CONDITION, ctx);

    DynamoDbException e = assertThrows(DynamoDbException.class, () -> ctx.checkAllUsed(true));
    assertEquals(
        "Value provided in ExpressionAttributeValues unused in expressions: keys: {:extra}",
        e.errorMessage());
  }

  @Test
  void update_sameTextWithNewValues_appliesEachRequestsValues() {
    String text = "SET n = n + :d, t = if_not_exists(t, :t)";
    Map<String, AttributeValue> item = Map.of("n", AttributeValue.n(10));
    cache.update(
        text,
        new ExpressionContext(
            Map.of(), Map.of(":d", AttributeValue.n(1), ":t", AttributeValue.s("one"))));
    UpdateExpression second =
        cache.update(
            text,
            new ExpressionContext(
                Map.of(), Map.of(":d", AttributeValue.n(5), ":t", AttributeValue.s("two"))));

    Map<String, AttributeValue> updated = second.apply(item);
    assertEquals(AttributeValue.n(15), updated.get("n"));
    assertEquals(AttributeValue.s("two"), updated.get("t"));
    assertEquals(1, cache.hits());
  }

  @Test
  void condition_pastMaxEntries_leastRecentlyUsedIsParsedAgain() {
    ExpressionContext ctx = values(":v", AttributeValue.n(1));
    for (int i = 0; i <= ExpressionCache.MAX_ENTRIES; i++) {
      cache.condition("a" + i + " = :v", "ConditionExpression", values(":v", AttributeValue.n(1)));
    }
    int misses = cache.misses();
    cache.condition("a" + ExpressionCache.MAX_ENTRIES + " = :v", "ConditionExpression", ctx);
    assertEquals(misses, cache.misses());
    cache.condition("a0 = :v", "ConditionExpression", values(":v", AttributeValue.n(1)));
    assertEquals(misses + 1, cache.misses());
  }

  @Test
  void projection_sameText_parsedOnce() {
    List<DocumentPath> first =
        cache.projection("a, #b", new ExpressionContext(Map.of("#b", "b"), Map.of()));
    List<DocumentPath> second =
        cache.projection("a, #b", new ExpressionContext(Map.of("#b", "b"), Map.of()));
    assertEquals(first, second);
    assertEquals(1, cache.hits());
  }
}
