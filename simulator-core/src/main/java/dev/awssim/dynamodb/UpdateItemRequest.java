package dev.awssim.dynamodb;

import java.util.Map;

/**
 * The parameters of UpdateItem.
 *
 * <pre>{@code
 * UpdateItemRequest.of("Orders", key, "ADD hits :one")
 *     .withCondition(WriteCondition.of(null, null, Map.of(":one", AttributeValue.n(1))))
 * }</pre>
 *
 * @param tableName the table
 * @param key the full primary key
 * @param updateExpression SET/REMOVE/ADD/DELETE clauses, or null
 * @param condition ConditionExpression, the placeholders of both expressions and
 *     ReturnValuesOnConditionCheckFailure; null is {@link WriteCondition#NONE}
 * @param returnValues any ReturnValue
 * @param returnConsumedCapacity or null
 * @param returnItemCollectionMetrics SIZE for the ItemCollectionMetrics of a table with local
 *     secondary indexes, or null
 */
public record UpdateItemRequest(
    String tableName,
    Map<String, AttributeValue> key,
    String updateExpression,
    WriteCondition condition,
    ReturnValue returnValues,
    ReturnConsumedCapacity returnConsumedCapacity,
    ReturnItemCollectionMetrics returnItemCollectionMetrics) {
  /** Copies the key; a null key becomes empty. */
  public UpdateItemRequest {
    key = key == null ? Map.of() : StoredItem.of(key);
    condition = condition == null ? WriteCondition.NONE : condition;
  }

  /** An unconditional update. */
  public static UpdateItemRequest of(
      String tableName, Map<String, AttributeValue> key, String updateExpression) {
    return new UpdateItemRequest(tableName, key, updateExpression, null, null, null, null);
  }

  /** This request with {@code condition}. */
  public UpdateItemRequest withCondition(WriteCondition condition) {
    return Records.with(this, "condition", condition);
  }

  /** This request with {@code returnValues}. */
  public UpdateItemRequest withReturnValues(ReturnValue returnValues) {
    return Records.with(this, "returnValues", returnValues);
  }

  /** This request with {@code returnConsumedCapacity}. */
  public UpdateItemRequest withReturnConsumedCapacity(
      ReturnConsumedCapacity returnConsumedCapacity) {
    return Records.with(this, "returnConsumedCapacity", returnConsumedCapacity);
  }

  /** This request with {@code returnItemCollectionMetrics}. */
  public UpdateItemRequest withReturnItemCollectionMetrics(ReturnItemCollectionMetrics metrics) {
    return Records.with(this, "returnItemCollectionMetrics", metrics);
  }
}
