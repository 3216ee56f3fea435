package dev.awssim.dynamodb;

import java.util.Map;

/**
 * The parameters of DeleteItem.
 *
 * <pre>{@code
 * DeleteItemRequest.of("Orders", key).withReturnValues(ReturnValue.ALL_OLD)
 * }</pre>
 *
 * @param tableName the table
 * @param key the full primary key
 * @param condition ConditionExpression, its placeholders and ReturnValuesOnConditionCheckFailure;
 *     null is {@link WriteCondition#NONE}
 * @param returnValues NONE or ALL_OLD
 * @param returnConsumedCapacity or null
 * @param returnItemCollectionMetrics SIZE for the ItemCollectionMetrics of a table with local
 *     secondary indexes, or null
 */
public record DeleteItemRequest(
    String tableName,
    Map<String, AttributeValue> key,
    WriteCondition condition,
    ReturnValue returnValues,
    ReturnConsumedCapacity returnConsumedCapacity,
    ReturnItemCollectionMetrics returnItemCollectionMetrics) {
  /** Copies the key; a null key becomes empty. */
  public DeleteItemRequest {
    key = key == null ? Map.of() : StoredItem.of(key);
    condition = condition == null ? WriteCondition.NONE : condition;
  }

  /** An unconditional delete. */
  public static DeleteItemRequest of(String tableName, Map<String, AttributeValue> key) {
    return new DeleteItemRequest(tableName, key, null, null, null, null);
  }

  /** This request with {@code condition}. */
  public DeleteItemRequest withCondition(WriteCondition condition) {
    return Records.with(this, "condition", condition);
  }

  /** This request with {@code returnValues}. */
  public DeleteItemRequest withReturnValues(ReturnValue returnValues) {
    return Records.with(this, "returnValues", returnValues);
  }

  /** This request with {@code returnConsumedCapacity}. */
  public DeleteItemRequest withReturnConsumedCapacity(
      ReturnConsumedCapacity returnConsumedCapacity) {
    return Records.with(this, "returnConsumedCapacity", returnConsumedCapacity);
  }

  /** This request with {@code returnItemCollectionMetrics}. */
  public DeleteItemRequest withReturnItemCollectionMetrics(ReturnItemCollectionMetrics metrics) {
    return Records.with(this, "returnItemCollectionMetrics", metrics);
  }
}
