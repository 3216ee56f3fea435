package dev.awssim.dynamodb;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameters of Scan.
 *
 * <pre>{@code
 * ScanRequest.builder("Orders").limit(100).build()
 * }</pre>
 *
 * @param tableName the table
 * @param indexName or null
 * @param filterExpression or null
 * @param projectionExpression or null
 * @param expressionAttributeNames #name placeholders
 * @param expressionAttributeValues :value placeholders
 * @param limit items to evaluate, or null
 * @param exclusiveStartKey a previous LastEvaluatedKey, or null
 * @param consistentRead strongly consistent
 * @param segment 0..TotalSegments-1, or null
 * @param totalSegments 1..1,000,000, or null
 * @param select or null
 * @param returnConsumedCapacity or null
 */
public record ScanRequest(
    String tableName,
    String indexName,
    String filterExpression,
    String projectionExpression,
    Map<String, String> expressionAttributeNames,
    Map<String, AttributeValue> expressionAttributeValues,
    Integer limit,
    Map<String, AttributeValue> exclusiveStartKey,
    boolean consistentRead,
    Integer segment,
    Integer totalSegments,
    Select select,
    ReturnConsumedCapacity returnConsumedCapacity) {
  /** Copies collections; null collections become empty. */
  public ScanRequest {
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

  /** A builder with the required tableName. */
  public static Builder builder(String tableName) {
    return new Builder().tableName(tableName);
  }

  /** A builder holding this request's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.tableName = tableName;
    b.indexName = indexName;
    b.filterExpression = filterExpression;
    b.projectionExpression = projectionExpression;
    b.expressionAttributeNames = expressionAttributeNames;
    b.expressionAttributeValues = expressionAttributeValues;
    b.limit = limit;
    b.exclusiveStartKey = exclusiveStartKey;
    b.consistentRead = consistentRead;
    b.segment = segment;
    b.totalSegments = totalSegments;
    b.select = select;
    b.returnConsumedCapacity = returnConsumedCapacity;
    return b;
  }

  /** Builds a {@link ScanRequest}. */
  public static final class Builder {
    private String tableName;
    private String indexName;
    private String filterExpression;
    private String projectionExpression;
    private Map<String, String> expressionAttributeNames;
    private Map<String, AttributeValue> expressionAttributeValues;
    private Integer limit;
    private Map<String, AttributeValue> exclusiveStartKey;
    private boolean consistentRead;
    private Integer segment;
    private Integer totalSegments;
    private Select select;
    private ReturnConsumedCapacity returnConsumedCapacity;

    private Builder() {}

    /** Sets tableName: the table. */
    public Builder tableName(String tableName) {
      this.tableName = tableName;
      return this;
    }

    /** Sets indexName: or null. */
    public Builder indexName(String indexName) {
      this.indexName = indexName;
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

    /** Sets consistentRead: strongly consistent. */
    public Builder consistentRead(boolean consistentRead) {
      this.consistentRead = consistentRead;
      return this;
    }

    /** Sets segment: 0..TotalSegments-1, or null. */
    public Builder segment(Integer segment) {
      this.segment = segment;
      return this;
    }

    /** Sets totalSegments: 1..1,000,000, or null. */
    public Builder totalSegments(Integer totalSegments) {
      this.totalSegments = totalSegments;
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
    public ScanRequest build() {
      return new ScanRequest(
          tableName,
          indexName,
          filterExpression,
          projectionExpression,
          expressionAttributeNames,
          expressionAttributeValues,
          limit,
          exclusiveStartKey,
          consistentRead,
          segment,
          totalSegments,
          select,
          returnConsumedCapacity);
    }
  }
}
