package dev.awssim.dynamodb;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameters of GetItem.
 *
 * <pre>{@code
 * GetItemRequest.builder("Orders", key).consistentRead(true).build()
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
    expressionAttributeNames =
        expressionAttributeNames == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(expressionAttributeNames));
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
    b.consistentRead = consistentRead;
    b.projectionExpression = projectionExpression;
    b.expressionAttributeNames = expressionAttributeNames;
    b.returnConsumedCapacity = returnConsumedCapacity;
    return b;
  }

  /** Builds a {@link GetItemRequest}. */
  public static final class Builder {
    private String tableName;
    private Map<String, AttributeValue> key;
    private boolean consistentRead;
    private String projectionExpression;
    private Map<String, String> expressionAttributeNames;
    private ReturnConsumedCapacity returnConsumedCapacity;

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

    /** Sets consistentRead: strongly consistent. */
    public Builder consistentRead(boolean consistentRead) {
      this.consistentRead = consistentRead;
      return this;
    }

    /** Sets projectionExpression: or null. */
    public Builder projectionExpression(String projectionExpression) {
      this.projectionExpression = projectionExpression;
      return this;
    }

    /** Sets expressionAttributeNames: #name placeholders. */
    public Builder expressionAttributeNames(Map<String, String> expressionAttributeNames) {
      this.expressionAttributeNames = expressionAttributeNames;
      return this;
    }

    /** Sets returnConsumedCapacity: or null. */
    public Builder returnConsumedCapacity(ReturnConsumedCapacity returnConsumedCapacity) {
      this.returnConsumedCapacity = returnConsumedCapacity;
      return this;
    }

    /** Builds the request. */
    public GetItemRequest build() {
      return new GetItemRequest(
          tableName,
          key,
          consistentRead,
          projectionExpression,
          expressionAttributeNames,
          returnConsumedCapacity);
    }
  }
}
