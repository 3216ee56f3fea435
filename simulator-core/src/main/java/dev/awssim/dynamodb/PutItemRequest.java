package dev.awssim.dynamodb;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameters of PutItem.
 *
 * <pre>{@code
 * PutItemRequest.builder("Orders", item).conditionExpression("attribute_not_exists(id)").build()
 * }</pre>
 *
 * @param tableName the table
 * @param item the item, with its key
 * @param conditionExpression or null
 * @param expressionAttributeNames #name placeholders
 * @param expressionAttributeValues :value placeholders
 * @param returnValues NONE or ALL_OLD
 * @param returnConsumedCapacity or null
 * @param returnValuesOnConditionCheckFailure or null
 * @param returnItemCollectionMetrics SIZE for the ItemCollectionMetrics of a table with local
 *     secondary indexes, or null
 */
public record PutItemRequest(
    String tableName,
    Map<String, AttributeValue> item,
    String conditionExpression,
    Map<String, String> expressionAttributeNames,
    Map<String, AttributeValue> expressionAttributeValues,
    ReturnValue returnValues,
    ReturnConsumedCapacity returnConsumedCapacity,
    ReturnValuesOnConditionCheckFailure returnValuesOnConditionCheckFailure,
    ReturnItemCollectionMetrics returnItemCollectionMetrics) {
  /** Copies collections; null collections become empty. */
  public PutItemRequest {
    item = item == null ? null : StoredItem.of(item);
    expressionAttributeNames =
        expressionAttributeNames == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(expressionAttributeNames));
    expressionAttributeValues =
        expressionAttributeValues == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(expressionAttributeValues));
  }

  /** A builder with the required tableName, item. */
  public static Builder builder(String tableName, Map<String, AttributeValue> item) {
    return new Builder().tableName(tableName).item(item);
  }

  /** A builder holding this request's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.tableName = tableName;
    b.item = item;
    b.conditionExpression = conditionExpression;
    b.expressionAttributeNames = expressionAttributeNames;
    b.expressionAttributeValues = expressionAttributeValues;
    b.returnValues = returnValues;
    b.returnConsumedCapacity = returnConsumedCapacity;
    b.returnValuesOnConditionCheckFailure = returnValuesOnConditionCheckFailure;
    b.returnItemCollectionMetrics = returnItemCollectionMetrics;
    return b;
  }

  /** Builds a {@link PutItemRequest}. */
  public static final class Builder {
    private String tableName;
    private Map<String, AttributeValue> item;
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

    /** Sets item: the item, with its key. */
    public Builder item(Map<String, AttributeValue> item) {
      this.item = item;
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
    public PutItemRequest build() {
      return new PutItemRequest(
          tableName,
          item,
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
