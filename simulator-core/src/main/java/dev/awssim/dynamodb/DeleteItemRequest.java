package dev.awssim.dynamodb;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameters of DeleteItem.
 *
 * <pre>{@code
 * DeleteItemRequest.builder("Orders", key).build()
 * }</pre>
 *
 * @param tableName the table
 * @param key the full primary key
 * @param conditionExpression or null
 * @param expressionAttributeNames #name placeholders
 * @param expressionAttributeValues :value placeholders
 * @param returnValues NONE or ALL_OLD
 * @param returnConsumedCapacity or null
 * @param returnValuesOnConditionCheckFailure or null
 * @param returnItemCollectionMetrics SIZE for the ItemCollectionMetrics of a table with local
 *     secondary indexes, or null
 */
public record DeleteItemRequest(
    String tableName,
    Map<String, AttributeValue> key,
    String conditionExpression,
    Map<String, String> expressionAttributeNames,
    Map<String, AttributeValue> expressionAttributeValues,
    ReturnValue returnValues,
    ReturnConsumedCapacity returnConsumedCapacity,
    ReturnValuesOnConditionCheckFailure returnValuesOnConditionCheckFailure,
    ReturnItemCollectionMetrics returnItemCollectionMetrics) {
  /** Copies collections; null collections become empty. */
  public DeleteItemRequest {
    key = key == null ? Map.of() : StoredItem.of(key);
    expressionAttributeNames =
        expressionAttributeNames == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(expressionAttributeNames));
    expressionAttributeValues =
        expressionAttributeValues == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(expressionAttributeValues));
  }

  /** A builder with the required tableName, key. */
  public static Builder builder(String tableName, Map<String, AttributeValue> key) {
    return new Builder().tableName(tableName).key(key);
  }

  /** A builder holding this request's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.tableName = tableName;
    b.key = key;
    b.conditionExpression = conditionExpression;
    b.expressionAttributeNames = expressionAttributeNames;
    b.expressionAttributeValues = expressionAttributeValues;
    b.returnValues = returnValues;
    b.returnConsumedCapacity = returnConsumedCapacity;
    b.returnValuesOnConditionCheckFailure = returnValuesOnConditionCheckFailure;
    b.returnItemCollectionMetrics = returnItemCollectionMetrics;
    return b;
  }

  /** Builds a {@link DeleteItemRequest}. */
  public static final class Builder {
    private String tableName;
    private Map<String, AttributeValue> key;
    private String conditionExpression;
    private Map<String, String> expressionAttributeNames;
    private Map<String, AttributeValue> expressionAttributeValues;
    private ReturnValue returnValues;
    private ReturnConsumedCapacity returnConsumedCapacity;
    private ReturnValuesOnConditionCheckFailure returnValuesOnConditionCheckFailure;
    private ReturnItemCollectionMetrics returnItemCollectionMetrics;

    private Builder() {}

    /** Sets tableName: the table. */
    public Builder tableName(String tableName) {
      this.tableName = tableName;
      return this;
    }

    /** Sets key: the full primary key. */
    public Builder key(Map<String, AttributeValue> key) {
      this.key = key;
      return this;
    }

    /** Sets conditionExpression: or null. */
    public Builder conditionExpression(String conditionExpression) {
      this.conditionExpression = conditionExpression;
      return this;
    }

    /** Sets expressionAttributeNames: #name placeholders. */
    public Builder expressionAttributeNames(Map<String, String> expressionAttributeNames) {
      this.expressionAttributeNames = expressionAttributeNames;
      return this;
    }

    /** Sets expressionAttributeValues: :value placeholders. */
    public Builder expressionAttributeValues(
        Map<String, AttributeValue> expressionAttributeValues) {
      this.expressionAttributeValues = expressionAttributeValues;
      return this;
    }

    /** Sets returnValues: NONE or ALL_OLD. */
    public Builder returnValues(ReturnValue returnValues) {
      this.returnValues = returnValues;
      return this;
    }

    /** Sets returnConsumedCapacity: or null. */
    public Builder returnConsumedCapacity(ReturnConsumedCapacity returnConsumedCapacity) {
      this.returnConsumedCapacity = returnConsumedCapacity;
      return this;
    }

    /** Sets returnValuesOnConditionCheckFailure: or null. */
    public Builder returnValuesOnConditionCheckFailure(
        ReturnValuesOnConditionCheckFailure returnValuesOnConditionCheckFailure) {
      this.returnValuesOnConditionCheckFailure = returnValuesOnConditionCheckFailure;
      return this;
    }

    /** Sets returnItemCollectionMetrics: SIZE, NONE or null. */
    public Builder returnItemCollectionMetrics(
        ReturnItemCollectionMetrics returnItemCollectionMetrics) {
      this.returnItemCollectionMetrics = returnItemCollectionMetrics;
      return this;
    }

    /** Builds the request. */
    public DeleteItemRequest build() {
      return new DeleteItemRequest(
          tableName,
          key,
          conditionExpression,
          expressionAttributeNames,
          expressionAttributeValues,
          returnValues,
          returnConsumedCapacity,
          returnValuesOnConditionCheckFailure,
          returnItemCollectionMetrics);
    }
  }
}
