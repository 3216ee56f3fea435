package dev.awssim.dynamodb;

import java.util.Map;

/**
 * The parameters of PutItem.
 *
 * <pre>{@code
 * PutItemRequest.of("Orders", item).withCondition(WriteCondition.of("attribute_not_exists(id)"))
 * }</pre>
 *
 * @param tableName the table
 * @param item the item, with its key
 * @param condition ConditionExpression, its placeholders and ReturnValuesOnConditionCheckFailure;
 *     null is {@link WriteCondition#NONE}
 * @param returnValues NONE or ALL_OLD
 * @param returnConsumedCapacity or null
 * @param returnItemCollectionMetrics SIZE for the ItemCollectionMetrics of a table with local
 *     secondary indexes, or null
 */
public record PutItemRequest(
    String tableName,
    Map<String, AttributeValue> item,
    WriteCondition condition,
    ReturnValue returnValues,
    ReturnConsumedCapacity returnConsumedCapacity,
    ReturnItemCollectionMetrics returnItemCollectionMetrics) {
  /** Copies the item. */
  public PutItemRequest {
    item = item == null ? null : StoredItem.of(item);
    condition = condition == null ? WriteCondition.NONE : condition;
  }

  /** An unconditional put. */
  public static PutItemRequest of(String tableName, Map<String, AttributeValue> item) {
    return new PutItemRequest(tableName, item, null, null, null, null);
  }

  /** This request with {@code condition}. */
  public PutItemRequest withCondition(WriteCondition condition) {
    return Records.with(this, "condition", condition);
  }

  /** This request with {@code returnValues}. */
  public PutItemRequest withReturnValues(ReturnValue returnValues) {
    return Records.with(this, "returnValues", returnValues);
  }

  /** This request with {@code returnConsumedCapacity}. */
  public PutItemRequest withReturnConsumedCapacity(ReturnConsumedCapacity returnConsumedCapacity) {
    return Records.with(this, "returnConsumedCapacity", returnConsumedCapacity);
  }

  /** This request with {@code returnItemCollectionMetrics}. */
  public PutItemRequest withReturnItemCollectionMetrics(ReturnItemCollectionMetrics metrics) {
    return Records.with(this, "returnItemCollectionMetrics", metrics);
  }
}
