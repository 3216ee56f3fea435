package dev.awssim.dynamodb;

import java.util.Map;

/**
 * The parameters of GetItem.
 *
 * <pre>{@code
 * GetItemRequest.of("Orders", key).withConsistentRead(true)
 * }</pre>
 *
 * @param tableName the table
 * @param key the full primary key
 * @param consistentRead strongly consistent
 * @param projectionExpression or null
 * @param expressionAttributeNames #name placeholders
 * @param returnConsumedCapacity or null
 */
public record GetItemRequest(
    String tableName,
    Map<String, AttributeValue> key,
    boolean consistentRead,
    String projectionExpression,
    Map<String, String> expressionAttributeNames,
    ReturnConsumedCapacity returnConsumedCapacity) {
  /** Copies collections; null collections become empty. */
  public GetItemRequest {
    key = key == null ? Map.of() : StoredItem.of(key);
    expressionAttributeNames = Records.copy(expressionAttributeNames);
  }

  /** An eventually consistent read of the whole item. */
  public static GetItemRequest of(String tableName, Map<String, AttributeValue> key) {
    return new GetItemRequest(tableName, key, false, null, null, null);
  }

  /** This request with {@code consistentRead}. */
  public GetItemRequest withConsistentRead(boolean consistentRead) {
    return Records.with(this, "consistentRead", consistentRead);
  }

  /** This request with {@code projectionExpression}. */
  public GetItemRequest withProjectionExpression(String projectionExpression) {
    return Records.with(this, "projectionExpression", projectionExpression);
  }

  /** This request with {@code expressionAttributeNames}. */
  public GetItemRequest withExpressionAttributeNames(Map<String, String> names) {
    return Records.with(this, "expressionAttributeNames", names);
  }

  /** This request with {@code returnConsumedCapacity}. */
  public GetItemRequest withReturnConsumedCapacity(ReturnConsumedCapacity returnConsumedCapacity) {
    return Records.with(this, "returnConsumedCapacity", returnConsumedCapacity);
  }
}
