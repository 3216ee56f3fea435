package dev.awssim.dynamodb;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameters of Query.
 *
 * <pre>{@code
 * QueryRequest.builder("Orders", "customer = :c").expressionAttributeValues(Map.of(":c", AttributeValue.s("ann"))).build()
 * }</pre>
 *
 * @param tableName the table
 * @param indexName a GSI or LSI, or null
 * @param keyConditionExpression pk = :v [AND sort-key condition]
 * @param filterExpression or null
 * @param projectionExpression or null
 * @param expressionAttributeNames #name placeholders
 * @param expressionAttributeValues :value placeholders
 * @param scanIndexForward ascending (default true)
 * @param limit items to evaluate, or null
 * @param exclusiveStartKey a previous LastEvaluatedKey, or null
 * @param consistentRead strongly consistent (not on a GSI)
 * @param select or null
 * @param returnConsumedCapacity or null
 */
public record QueryRequest(
    String tableName,
    String indexName,
    String keyConditionExpression,
    String filterExpression,
    String projectionExpression,
    Map<String, String> expressionAttributeNames,
    Map<String, AttributeValue> expressionAttributeValues,
    Boolean scanIndexForward,
    Integer limit,
    Map<String, AttributeValue> exclusiveStartKey,
    boolean consistentRead,
    Select select,
    ReturnConsumedCapacity returnConsumedCapacity) {
  /** Copies collections; null collections become empty. */
  public QueryRequest {
    expressionAttributeNames =
        expressionAttributeNames == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(expressionAttributeNames));
    expressionAttributeValues =
        expressionAttributeValues == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(expressionAttributeValues));
    exclusiveStartKey =
        exclusiveStartKey == null
            ? null
            : Collections.unmodifiableMap(new LinkedHashMap<>(exclusiveStartKey));
  }

  /** A builder with the required tableName, keyConditionExpression. */
  public static Builder builder(String tableName, String keyConditionExpression) {
    return new Builder().tableName(tableName).keyConditionExpression(keyConditionExpression);
  }

  /** A builder holding this request's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.tableName = tableName;
    b.indexName = indexName;
    b.keyConditionExpression = keyConditionExpression;
    b.filterExpression = filterExpression;
    b.projectionExpression = projectionExpression;
    b.expressionAttributeNames = expressionAttributeNames;
    b.expressionAttributeValues = expressionAttributeValues;
    b.scanIndexForward = scanIndexForward;
    b.limit = limit;
    b.exclusiveStartKey = exclusiveStartKey;
    b.consistentRead = consistentRead;
    b.select = select;
    b.returnConsumedCapacity = returnConsumedCapacity;
    return b;
  }

  /** Builds a {@link QueryRequest}. */
  public static final class Builder {
    private String tableName;
    private String indexName;
    private String keyConditionExpression;
    private String filterExpression;
    private String projectionExpression;
    private Map<String, String> expressionAttributeNames;
    private Map<String, AttributeValue> expressionAttributeValues;
    private Boolean scanIndexForward;
    private Integer limit;
    private Map<String, AttributeValue> exclusiveStartKey;
    private boolean consistentRead;
    private Select select;
    private ReturnConsumedCapacity returnConsumedCapacity;

    private Builder() {}

    /** Sets tableName: the table. */
    public Builder tableName(String tableName) {
      this.tableName = tableName;
      return this;
    }

    /** Sets indexName: a GSI or LSI, or null. */
    public Builder indexName(String indexName) {
      this.indexName = indexName;
      return this;
    }

    /** Sets keyConditionExpression: pk = :v [AND sort-key condition]. */
    public Builder keyConditionExpression(String keyConditionExpression) {
      this.keyConditionExpression = keyConditionExpression;
      return this;
    }

    /** Sets filterExpression: or null. */
    public Builder filterExpression(String filterExpression) {
      this.filterExpression = filterExpression;
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

    /** Sets expressionAttributeValues: :value placeholders. */
    public Builder expressionAttributeValues(
        Map<String, AttributeValue> expressionAttributeValues) {
      this.expressionAttributeValues = expressionAttributeValues;
      return this;
    }

    /** Sets scanIndexForward: ascending (default true). */
    public Builder scanIndexForward(Boolean scanIndexForward) {
      this.scanIndexForward = scanIndexForward;
      return this;
    }

    /** Sets limit: items to evaluate, or null. */
    public Builder limit(Integer limit) {
      this.limit = limit;
      return this;
    }

    /** Sets exclusiveStartKey: a previous LastEvaluatedKey, or null. */
    public Builder exclusiveStartKey(Map<String, AttributeValue> exclusiveStartKey) {
      this.exclusiveStartKey = exclusiveStartKey;
      return this;
    }

    /** Sets consistentRead: strongly consistent (not on a GSI). */
    public Builder consistentRead(boolean consistentRead) {
      this.consistentRead = consistentRead;
      return this;
    }

    /** Sets select: or null. */
    public Builder select(Select select) {
      this.select = select;
      return this;
    }

    /** Sets returnConsumedCapacity: or null. */
    public Builder returnConsumedCapacity(ReturnConsumedCapacity returnConsumedCapacity) {
      this.returnConsumedCapacity = returnConsumedCapacity;
      return this;
    }

    /** Builds the request. */
    public QueryRequest build() {
      return new QueryRequest(
          tableName,
          indexName,
          keyConditionExpression,
          filterExpression,
          projectionExpression,
          expressionAttributeNames,
          expressionAttributeValues,
          scanIndexForward,
          limit,
          exclusiveStartKey,
          consistentRead,
          select,
          returnConsumedCapacity);
    }
  }
}
