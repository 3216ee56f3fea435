package dev.awssim.dynamodb;

import java.util.Map;

/**
 * The parameters of Query.
 *
 * <pre>{@code
 * QueryRequest.of("Orders", "pk = :p").withExpressionAttributeValues(Map.of(":p", AttributeValue.s("a")))
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
  /** Copies collections; null placeholders become empty. */
  public QueryRequest {
    expressionAttributeNames = Records.copy(expressionAttributeNames);
    expressionAttributeValues = Records.copy(expressionAttributeValues);
    exclusiveStartKey = Records.copyOrNull(exclusiveStartKey);
  }

  /** A query of the table by its key condition. */
  public static QueryRequest of(String tableName, String keyConditionExpression) {
    return new QueryRequest(
        tableName,
        null,
        keyConditionExpression,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        false,
        null,
        null);
  }

  /** This request with {@code indexName}. */
  public QueryRequest withIndexName(String indexName) {
    return Records.with(this, "indexName", indexName);
  }

  /** This request with {@code filterExpression}. */
  public QueryRequest withFilterExpression(String filterExpression) {
    return Records.with(this, "filterExpression", filterExpression);
  }

  /** This request with {@code projectionExpression}. */
  public QueryRequest withProjectionExpression(String projectionExpression) {
    return Records.with(this, "projectionExpression", projectionExpression);
  }

  /** This request with {@code expressionAttributeNames}. */
  public QueryRequest withExpressionAttributeNames(Map<String, String> expressionAttributeNames) {
    return Records.with(this, "expressionAttributeNames", expressionAttributeNames);
  }

  /** This request with {@code expressionAttributeValues}. */
  public QueryRequest withExpressionAttributeValues(
      Map<String, AttributeValue> expressionAttributeValues) {
    return Records.with(this, "expressionAttributeValues", expressionAttributeValues);
  }

  /** This request with {@code scanIndexForward}. */
  public QueryRequest withScanIndexForward(Boolean scanIndexForward) {
    return Records.with(this, "scanIndexForward", scanIndexForward);
  }

  /** This request with {@code limit}. */
  public QueryRequest withLimit(Integer limit) {
    return Records.with(this, "limit", limit);
  }

  /** This request with {@code exclusiveStartKey}. */
  public QueryRequest withExclusiveStartKey(Map<String, AttributeValue> exclusiveStartKey) {
    return Records.with(this, "exclusiveStartKey", exclusiveStartKey);
  }

  /** This request with {@code consistentRead}. */
  public QueryRequest withConsistentRead(boolean consistentRead) {
    return Records.with(this, "consistentRead", consistentRead);
  }

  /** This request with {@code select}. */
  public QueryRequest withSelect(Select select) {
    return Records.with(this, "select", select);
  }

  /** This request with {@code returnConsumedCapacity}. */
  public QueryRequest withReturnConsumedCapacity(ReturnConsumedCapacity returnConsumedCapacity) {
    return Records.with(this, "returnConsumedCapacity", returnConsumedCapacity);
  }
}
