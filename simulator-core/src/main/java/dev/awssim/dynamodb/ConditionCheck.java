package dev.awssim.dynamodb;

import java.util.Map;

/**
 * A condition on an item that a transaction requires, without writing it.
 *
 * <pre>{@code
 * new ConditionCheck("Orders", key, WriteCondition.of("attribute_exists(id)"))
 * }</pre>
 *
 * @param tableName the table
 * @param key the key
 * @param condition the condition (required), its placeholders and
 *     ReturnValuesOnConditionCheckFailure; null is {@link WriteCondition#NONE}
 */
public record ConditionCheck(
    String tableName, Map<String, AttributeValue> key, WriteCondition condition) {
  /** Copies the key; a null key becomes empty. */
  public ConditionCheck {
    key = Records.copy(key);
    condition = condition == null ? WriteCondition.NONE : condition;
  }
}
