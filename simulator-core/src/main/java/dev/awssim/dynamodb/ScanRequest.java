package dev.awssim.dynamodb;

import java.util.Map;

/**
 * The parameters of Scan.
 *
 * <pre>{@code
 * ScanRequest.of("Orders").withSegment(0).withTotalSegments(4)
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
  /** Copies collections; null placeholders become empty. */
  public ScanRequest {
    expressionAttributeNames = Records.copy(expressionAttributeNames);
    expressionAttributeValues = Records.copy(expressionAttributeValues);
    exclusiveStartKey = Records.copyOrNull(exclusiveStartKey);
  }

  /** A scan of the whole table. */
  public static ScanRequest of(String tableName) {
    return new ScanRequest(
        tableName, null, null, null, null, null, null, null, false, null, null, null, null);
  }

  /** This request with {@code indexName}. */
  public ScanRequest withIndexName(String indexName) {
    return Records.with(this, "indexName", indexName);
  }

  /** This request with {@code filterExpression}. */
  public ScanRequest withFilterExpression(String filterExpression) {
    return Records.with(this, "filterExpression", filterExpression);
  }

  /** This request with {@code projectionExpression}. */
  public ScanRequest withProjectionExpression(String projectionExpression) {
    return Records.with(this, "projectionExpression", projectionExpression);
  }

  /** This request with {@code expressionAttributeNames}. */
  public ScanRequest withExpressionAttributeNames(Map<String, String> expressionAttributeNames) {
    return Records.with(this, "expressionAttributeNames", expressionAttributeNames);
  }

  /** This request with {@code expressionAttributeValues}. */
  public ScanRequest withExpressionAttributeValues(
      Map<String, AttributeValue> expressionAttributeValues) {
    return Records.with(this, "expressionAttributeValues", expressionAttributeValues);
  }

  /** This request with {@code limit}. */
  public ScanRequest withLimit(Integer limit) {
    return Records.with(this, "limit", limit);
  }

  /** This request with {@code exclusiveStartKey}. */
  public ScanRequest withExclusiveStartKey(Map<String, AttributeValue> exclusiveStartKey) {
    return Records.with(this, "exclusiveStartKey", exclusiveStartKey);
  }

  /** This request with {@code consistentRead}. */
  public ScanRequest withConsistentRead(boolean consistentRead) {
    return Records.with(this, "consistentRead", consistentRead);
  }

  /** This request with {@code segment}. */
  public ScanRequest withSegment(Integer segment) {
    return Records.with(this, "segment", segment);
  }

  /** This request with {@code totalSegments}. */
  public ScanRequest withTotalSegments(Integer totalSegments) {
    return Records.with(this, "totalSegments", totalSegments);
  }

  /** This request with {@code select}. */
  public ScanRequest withSelect(Select select) {
    return Records.with(this, "select", select);
  }

  /** This request with {@code returnConsumedCapacity}. */
  public ScanRequest withReturnConsumedCapacity(ReturnConsumedCapacity returnConsumedCapacity) {
    return Records.with(this, "returnConsumedCapacity", returnConsumedCapacity);
  }
}
