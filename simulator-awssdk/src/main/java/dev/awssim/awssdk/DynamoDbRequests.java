package dev.awssim.awssdk;

import dev.awssim.dynamodb.AttributeValue;
import dev.awssim.dynamodb.ConditionCheck;
import dev.awssim.dynamodb.DeleteItemRequest;
import dev.awssim.dynamodb.GetItemRequest;
import dev.awssim.dynamodb.KeysAndAttributes;
import dev.awssim.dynamodb.PutItemRequest;
import dev.awssim.dynamodb.QueryRequest;
import dev.awssim.dynamodb.ReturnConsumedCapacity;
import dev.awssim.dynamodb.ReturnItemCollectionMetrics;
import dev.awssim.dynamodb.ReturnValue;
import dev.awssim.dynamodb.ReturnValuesOnConditionCheckFailure;
import dev.awssim.dynamodb.ScanRequest;
import dev.awssim.dynamodb.Select;
import dev.awssim.dynamodb.TransactWriteItem;
import dev.awssim.dynamodb.TransactWriteItemsRequest;
import dev.awssim.dynamodb.UpdateItemRequest;
import dev.awssim.dynamodb.WriteRequest;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * SDK DynamoDB requests to the simulator's, field by field. The legacy parameters that predate
 * expressions ({@code Expected}, {@code KeyConditions}, {@code QueryFilter}, {@code ScanFilter},
 * {@code AttributesToGet}, {@code AttributeUpdates}, {@code ConditionalOperator}) are not modelled
 * and fail with an {@link UnsupportedOperationException} naming them, except the write conditions
 * and updates ({@code Expected}, {@code ConditionalOperator} and {@code AttributeUpdates} on
 * PutItem, UpdateItem and DeleteItem), which {@link LegacyParameters} rewrites as the equivalent
 * expressions.
 */
final class DynamoDbRequests {
  private DynamoDbRequests() {}

  /** A ValidationException (400) raised while reading the request, as DynamoDB would. */
  static DynamoDbException validation(String message) {
    return (DynamoDbException) SdkErrors.DYNAMODB.validation(message);
  }

  static <T> T required(T value, String member) {
    return SdkErrors.DYNAMODB.required(value, member);
  }

  static void rejectLegacy(String operation, String parameter, boolean present) {
    if (present) {
      throw Unsupported.operation(
          "DynamoDB", operation + " with the legacy parameter " + parameter + " (use expressions)");
    }
  }

  /** The expression parameters a request carries, by AWS name, for the mixed-parameter check. */
  private static List<String> expressionParameters(
      String condition,
      String update,
      software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest r) {
    List<String> present = new java.util.ArrayList<>();
    if (update != null) {
      present.add("UpdateExpression");
    }
    if (condition != null) {
      present.add("ConditionExpression");
    }
    r.getValueForField("ExpressionAttributeNames", Map.class)
        .filter(m -> !(m instanceof software.amazon.awssdk.core.util.SdkAutoConstructMap))
        .ifPresent(m -> present.add("ExpressionAttributeNames"));
    r.getValueForField("ExpressionAttributeValues", Map.class)
        .filter(m -> !(m instanceof software.amazon.awssdk.core.util.SdkAutoConstructMap))
        .ifPresent(m -> present.add("ExpressionAttributeValues"));
    return present;
  }

  /** ExpressionAttributeValues, or null when absent; present but empty is a ValidationException. */
  static Map<String, AttributeValue> values(
      boolean present,
      Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> values) {
    if (present && values.isEmpty()) {
      throw validation("ExpressionAttributeValues must not be empty");
    }
    return present ? AttributeValues.toCore(values) : null;
  }

  /** An item or key: absent stays null (the simulator answers as AWS for a missing member). */
  static Map<String, AttributeValue> item(
      boolean present,
      Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item) {
    return present ? AttributeValues.toCore(item) : null;
  }

  /** ExpressionAttributeNames, or null when absent; present but empty is a ValidationException. */
  static Map<String, String> names(boolean present, Map<String, String> names) {
    if (present && names.isEmpty()) {
      throw validation("ExpressionAttributeNames must not be empty");
    }
    return present ? names : null;
  }

  static <E extends Enum<E>> E enumOf(Class<E> type, String value) {
    return SdkErrors.DYNAMODB.enumOf(type, value);
  }

  static ReturnConsumedCapacity capacity(String value) {
    return enumOf(ReturnConsumedCapacity.class, value);
  }

  static PutItemRequest put(software.amazon.awssdk.services.dynamodb.model.PutItemRequest r) {
    if (r.hasExpected() && !r.expected().isEmpty()) {
      LegacyParameters.rejectMixed(
          List.of("Expected"), expressionParameters(r.conditionExpression(), null, r));
      LegacyParameters legacy = new LegacyParameters();
      String condition = legacy.condition(r.expected(), r.conditionalOperatorAsString());
      return put(
          r.toBuilder()
              .expected(null)
              .conditionalOperator((String) null)
              .conditionExpression(condition)
              .expressionAttributeNames(legacy.names())
              .expressionAttributeValues(legacy.values().isEmpty() ? null : legacy.values())
              .build());
    }
    return new PutItemRequest(
        r.tableName(),
        item(r.hasItem(), r.item()),
        r.conditionExpression(),
        names(r.hasExpressionAttributeNames(), r.expressionAttributeNames()),
        values(r.hasExpressionAttributeValues(), r.expressionAttributeValues()),
        enumOf(ReturnValue.class, r.returnValuesAsString()),
        capacity(r.returnConsumedCapacityAsString()),
        enumOf(
            ReturnValuesOnConditionCheckFailure.class,
            r.returnValuesOnConditionCheckFailureAsString()),
        enumOf(ReturnItemCollectionMetrics.class, r.returnItemCollectionMetricsAsString()));
  }

  static GetItemRequest get(software.amazon.awssdk.services.dynamodb.model.GetItemRequest r) {
    rejectLegacy("GetItem", "AttributesToGet", r.hasAttributesToGet());
    return new GetItemRequest(
        r.tableName(),
        item(r.hasKey(), r.key()),
        Boolean.TRUE.equals(r.consistentRead()),
        r.projectionExpression(),
        names(r.hasExpressionAttributeNames(), r.expressionAttributeNames()),
        capacity(r.returnConsumedCapacityAsString()));
  }

  static UpdateItemRequest update(
      software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest r) {
    boolean expected = r.hasExpected() && !r.expected().isEmpty();
    boolean updates = r.hasAttributeUpdates() && !r.attributeUpdates().isEmpty();
    if (expected || updates) {
      List<String> legacyNames = new java.util.ArrayList<>();
      if (expected) {
        legacyNames.add("Expected");
      }
      if (updates) {
        legacyNames.add("AttributeUpdates");
      }
      LegacyParameters.rejectMixed(
          legacyNames, expressionParameters(r.conditionExpression(), r.updateExpression(), r));
      LegacyParameters legacy = new LegacyParameters();
      String update = updates ? legacy.update(r.attributeUpdates()) : null;
      String condition =
          expected ? legacy.condition(r.expected(), r.conditionalOperatorAsString()) : null;
      return update(
          r.toBuilder()
              .expected(null)
              .attributeUpdates(null)
              .conditionalOperator((String) null)
              .updateExpression(update)
              .conditionExpression(condition)
              .expressionAttributeNames(legacy.names())
              .expressionAttributeValues(legacy.values().isEmpty() ? null : legacy.values())
              .build());
    }
    return new UpdateItemRequest(
        r.tableName(),
        item(r.hasKey(), r.key()),
        r.updateExpression(),
        r.conditionExpression(),
        names(r.hasExpressionAttributeNames(), r.expressionAttributeNames()),
        values(r.hasExpressionAttributeValues(), r.expressionAttributeValues()),
        enumOf(ReturnValue.class, r.returnValuesAsString()),
        capacity(r.returnConsumedCapacityAsString()),
        enumOf(
            ReturnValuesOnConditionCheckFailure.class,
            r.returnValuesOnConditionCheckFailureAsString()),
        enumOf(ReturnItemCollectionMetrics.class, r.returnItemCollectionMetricsAsString()));
  }

  static DeleteItemRequest delete(
      software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest r) {
    if (r.hasExpected() && !r.expected().isEmpty()) {
      LegacyParameters.rejectMixed(
          List.of("Expected"), expressionParameters(r.conditionExpression(), null, r));
      LegacyParameters legacy = new LegacyParameters();
      String condition = legacy.condition(r.expected(), r.conditionalOperatorAsString());
      return delete(
          r.toBuilder()
              .expected(null)
              .conditionalOperator((String) null)
              .conditionExpression(condition)
              .expressionAttributeNames(legacy.names())
              .expressionAttributeValues(legacy.values().isEmpty() ? null : legacy.values())
              .build());
    }
    return new DeleteItemRequest(
        r.tableName(),
        item(r.hasKey(), r.key()),
        r.conditionExpression(),
        names(r.hasExpressionAttributeNames(), r.expressionAttributeNames()),
        values(r.hasExpressionAttributeValues(), r.expressionAttributeValues()),
        enumOf(ReturnValue.class, r.returnValuesAsString()),
        capacity(r.returnConsumedCapacityAsString()),
        enumOf(
            ReturnValuesOnConditionCheckFailure.class,
            r.returnValuesOnConditionCheckFailureAsString()),
        enumOf(ReturnItemCollectionMetrics.class, r.returnItemCollectionMetricsAsString()));
  }

  static QueryRequest query(software.amazon.awssdk.services.dynamodb.model.QueryRequest r) {
    rejectLegacy("Query", "KeyConditions", r.hasKeyConditions());
    rejectLegacy("Query", "QueryFilter", r.hasQueryFilter());
    rejectLegacy("Query", "AttributesToGet", r.hasAttributesToGet());
    rejectLegacy("Query", "ConditionalOperator", r.conditionalOperator() != null);
    return new QueryRequest(
        r.tableName(),
        r.indexName(),
        r.keyConditionExpression(),
        r.filterExpression(),
        r.projectionExpression(),
        names(r.hasExpressionAttributeNames(), r.expressionAttributeNames()),
        values(r.hasExpressionAttributeValues(), r.expressionAttributeValues()),
        r.scanIndexForward(),
        r.limit(),
        item(r.hasExclusiveStartKey(), r.exclusiveStartKey()),
        Boolean.TRUE.equals(r.consistentRead()),
        enumOf(Select.class, r.selectAsString()),
        capacity(r.returnConsumedCapacityAsString()));
  }

  static ScanRequest scan(software.amazon.awssdk.services.dynamodb.model.ScanRequest r) {
    rejectLegacy("Scan", "ScanFilter", r.hasScanFilter());
    rejectLegacy("Scan", "AttributesToGet", r.hasAttributesToGet());
    rejectLegacy("Scan", "ConditionalOperator", r.conditionalOperator() != null);
    return new ScanRequest(
        r.tableName(),
        r.indexName(),
        r.filterExpression(),
        r.projectionExpression(),
        names(r.hasExpressionAttributeNames(), r.expressionAttributeNames()),
        values(r.hasExpressionAttributeValues(), r.expressionAttributeValues()),
        r.limit(),
        item(r.hasExclusiveStartKey(), r.exclusiveStartKey()),
        Boolean.TRUE.equals(r.consistentRead()),
        r.segment(),
        r.totalSegments(),
        enumOf(Select.class, r.selectAsString()),
        capacity(r.returnConsumedCapacityAsString()));
  }

  static Map<String, KeysAndAttributes> batchGet(
      Map<String, software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes> items) {
    return Convert.values(items, DynamoDbRequests::keysAndAttributes);
  }

  private static KeysAndAttributes keysAndAttributes(
      software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes k) {
    if (k == null) {
      throw validation("Supplied KeysAndAttributes is null");
    }
    rejectLegacy("BatchGetItem", "AttributesToGet", k.hasAttributesToGet());
    return new KeysAndAttributes(
        AttributeValues.itemsToCore(k.keys()),
        Boolean.TRUE.equals(k.consistentRead()),
        k.projectionExpression(),
        names(k.hasExpressionAttributeNames(), k.expressionAttributeNames()));
  }

  static Map<String, List<WriteRequest>> batchWrite(
      Map<String, List<software.amazon.awssdk.services.dynamodb.model.WriteRequest>> items) {
    return Convert.values(items, list -> Convert.list(list, DynamoDbRequests::writeRequest));
  }

  private static WriteRequest writeRequest(
      software.amazon.awssdk.services.dynamodb.model.WriteRequest w) {
    if (w == null) {
      throw validation("Supplied WriteRequest is null");
    }
    if (w.putRequest() != null && w.deleteRequest() != null) {
      // "exactly one of PutRequest or DeleteRequest. Never Both."
      // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_WriteRequest.html
      throw validation(
          "Supplied WriteRequest has both a PutRequest and a DeleteRequest: it must contain exactly"
              + " one of them");
    }
    if (w.putRequest() != null) {
      return WriteRequest.put(AttributeValues.toCore(w.putRequest().item()));
    }
    if (w.deleteRequest() != null) {
      return WriteRequest.delete(AttributeValues.toCore(w.deleteRequest().key()));
    }
    throw validation("Supplied WriteRequest is empty: it needs a PutRequest or a DeleteRequest");
  }

  static TransactWriteItemsRequest transactWrite(
      software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest r) {
    return new TransactWriteItemsRequest(
        Convert.list(r.transactItems(), DynamoDbRequests::transactItem),
        r.clientRequestToken(),
        capacity(r.returnConsumedCapacityAsString()));
  }

  private static TransactWriteItem transactItem(
      software.amazon.awssdk.services.dynamodb.model.TransactWriteItem t) {
    if (t == null) {
      throw validation("Supplied TransactWriteItem is null");
    }
    if (t.put() != null) {
      var p = t.put();
      return TransactWriteItem.put(
          new PutItemRequest(
              p.tableName(),
              item(p.hasItem(), p.item()),
              p.conditionExpression(),
              names(p.hasExpressionAttributeNames(), p.expressionAttributeNames()),
              values(p.hasExpressionAttributeValues(), p.expressionAttributeValues()),
              null,
              null,
              onFailure(p.returnValuesOnConditionCheckFailureAsString()),
              null));
    }
    if (t.update() != null) {
      var u = t.update();
      return TransactWriteItem.update(
          new UpdateItemRequest(
              u.tableName(),
              item(u.hasKey(), u.key()),
              u.updateExpression(),
              u.conditionExpression(),
              names(u.hasExpressionAttributeNames(), u.expressionAttributeNames()),
              values(u.hasExpressionAttributeValues(), u.expressionAttributeValues()),
              null,
              null,
              onFailure(u.returnValuesOnConditionCheckFailureAsString()),
              null));
    }
    if (t.delete() != null) {
      var d = t.delete();
      return TransactWriteItem.delete(
          new DeleteItemRequest(
              d.tableName(),
              item(d.hasKey(), d.key()),
              d.conditionExpression(),
              names(d.hasExpressionAttributeNames(), d.expressionAttributeNames()),
              values(d.hasExpressionAttributeValues(), d.expressionAttributeValues()),
              null,
              null,
              onFailure(d.returnValuesOnConditionCheckFailureAsString()),
              null));
    }
    if (t.conditionCheck() != null) {
      var c = t.conditionCheck();
      return TransactWriteItem.conditionCheck(
          new ConditionCheck(
              c.tableName(),
              item(c.hasKey(), c.key()),
              c.conditionExpression(),
              names(c.hasExpressionAttributeNames(), c.expressionAttributeNames()),
              values(c.hasExpressionAttributeValues(), c.expressionAttributeValues()),
              onFailure(c.returnValuesOnConditionCheckFailureAsString())));
    }
    throw validation("TransactItems can only contain one of Check, Put, Update or Delete");
  }

  private static ReturnValuesOnConditionCheckFailure onFailure(String value) {
    return enumOf(ReturnValuesOnConditionCheckFailure.class, value);
  }

  static List<GetItemRequest> transactGet(
      List<software.amazon.awssdk.services.dynamodb.model.TransactGetItem> items) {
    Function<software.amazon.awssdk.services.dynamodb.model.TransactGetItem, GetItemRequest> f =
        t -> {
          var g = t == null ? null : t.get();
          if (g == null) {
            throw validation(
                "1 validation error detected: Value null at 'transactItems.member.get' failed to"
                    + " satisfy constraint: Member must not be null");
          }
          return new GetItemRequest(
              g.tableName(),
              item(g.hasKey(), g.key()),
              false,
              g.projectionExpression(),
              names(g.hasExpressionAttributeNames(), g.expressionAttributeNames()),
              null);
        };
    return Convert.list(items, f);
  }
}
