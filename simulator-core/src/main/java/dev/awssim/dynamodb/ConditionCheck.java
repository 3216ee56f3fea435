package dev.awssim.dynamodb;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A condition on an item that a transaction requires, without writing it.
 *
 * <pre>{@code
 * new ConditionCheck("Orders", key, "attribute_exists(id)", null, null, null)
 * }</pre>
 *
 * @param tableName the table
 * @param key the key
 * @param conditionExpression the condition
 * @param expressionAttributeNames #name placeholders
 * @param expressionAttributeValues :value placeholders
 * @param returnValuesOnConditionCheckFailure or null
 */
public record ConditionCheck(
    String tableName,
    Map<String, AttributeValue> key,
    String conditionExpression,
    Map<String, String> expressionAttributeNames,
    Map<String, AttributeValue> expressionAttributeValues,
    ReturnValuesOnConditionCheckFailure returnValuesOnConditionCheckFailure) {
  /** Copies collections; null collections become empty. */
  public ConditionCheck {
    key = key == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(key));
    expressionAttributeNames =
        expressionAttributeNames == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(expressionAttributeNames));
    expressionAttributeValues =
        expressionAttributeValues == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(expressionAttributeValues));
  }
}
