package dev.awssim.dynamodb;

import java.util.Map;

/**
 * The condition part that PutItem, UpdateItem, DeleteItem and a transaction's ConditionCheck all
 * carry, with the placeholders of the request's expressions: one record, so the four write shapes
 * share it rather than repeat it.
 *
 * <pre>{@code
 * WriteCondition.of("attribute_not_exists(id)")
 *     .withReturnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
 * }</pre>
 *
 * @param conditionExpression the condition the item must meet, or null for none
 * @param expressionAttributeNames #name placeholders of every expression of the request (the
 *     condition and, on UpdateItem, the update expression)
 * @param expressionAttributeValues :value placeholders of every expression of the request
 * @param returnValuesOnConditionCheckFailure ALL_OLD to get the item back in the
 *     ConditionalCheckFailedException, NONE or null
 */
public record WriteCondition(
    String conditionExpression,
    Map<String, String> expressionAttributeNames,
    Map<String, AttributeValue> expressionAttributeValues,
    ReturnValuesOnConditionCheckFailure returnValuesOnConditionCheckFailure) {
  /** No condition and no placeholders. */
  public static final WriteCondition NONE = new WriteCondition(null, null, null, null);

  /** Copies collections; null collections become empty. */
  public WriteCondition {
    expressionAttributeNames = Records.copy(expressionAttributeNames);
    expressionAttributeValues = Records.copy(expressionAttributeValues);
  }

  /** A condition without placeholders. */
  public static WriteCondition of(String conditionExpression) {
    return new WriteCondition(conditionExpression, null, null, null);
  }

  /**
   * A condition (or null, for placeholders that only an update expression uses) with its
   * placeholders.
   */
  public static WriteCondition of(
      String conditionExpression,
      Map<String, String> expressionAttributeNames,
      Map<String, AttributeValue> expressionAttributeValues) {
    return new WriteCondition(
        conditionExpression, expressionAttributeNames, expressionAttributeValues, null);
  }

  /** This condition with {@code expressionAttributeNames}. */
  public WriteCondition withExpressionAttributeNames(Map<String, String> names) {
    return Records.with(this, "expressionAttributeNames", names);
  }

  /** This condition with {@code expressionAttributeValues}. */
  public WriteCondition withExpressionAttributeValues(Map<String, AttributeValue> values) {
    return Records.with(this, "expressionAttributeValues", values);
  }

  /** This condition with {@code returnValuesOnConditionCheckFailure}. */
  public WriteCondition withReturnValuesOnConditionCheckFailure(
      ReturnValuesOnConditionCheckFailure returnValues) {
    return Records.with(this, "returnValuesOnConditionCheckFailure", returnValues);
  }

  /** The placeholders, for the expression parser. */
  ExpressionContext context() {
    return new ExpressionContext(expressionAttributeNames, expressionAttributeValues);
  }
}
