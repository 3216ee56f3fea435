package dev.awssim.awssdk;

import dev.awssim.dynamodb.DeleteItemRequest;
import dev.awssim.dynamodb.GetItemRequest;
import dev.awssim.dynamodb.KeysAndAttributes;
import dev.awssim.dynamodb.PutItemRequest;
import dev.awssim.dynamodb.QueryRequest;
import dev.awssim.dynamodb.ReturnConsumedCapacity;
import dev.awssim.dynamodb.ScanRequest;
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

  static <E extends Enum<E>> E enumOf(Class<E> type, String value) {
    return SdkErrors.DYNAMODB.enumOf(type, value);
  }

  static ReturnConsumedCapacity capacity(String value) {
    return enumOf(ReturnConsumedCapacity.class, value);
  }

  static PutItemRequest put(software.amazon.awssdk.services.dynamodb.model.PutItemRequest r) {
    return write(r, PutItemRequest.class);
  }

  static GetItemRequest get(software.amazon.awssdk.services.dynamodb.model.GetItemRequest r) {
    rejectLegacy("GetItem", "AttributesToGet", r.hasAttributesToGet());
    return SdkToCore.convert(r, GetItemRequest.class);
  }

  static UpdateItemRequest update(
      software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest r) {
    return write(r, UpdateItemRequest.class);
  }

  static DeleteItemRequest delete(
      software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest r) {
    return write(r, DeleteItemRequest.class);
  }

  /**
   * PutItem, UpdateItem or DeleteItem, with their legacy {@code Expected}/{@code
   * ConditionalOperator} (and UpdateItem's {@code AttributeUpdates}) first rewritten as the
   * expressions {@link LegacyParameters} derives.
   */
  private static <R extends Record> R write(
      software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest r, Class<R> type) {
    return SdkToCore.convert(LegacyParameters.rewrite(r), type);
  }

  static QueryRequest query(software.amazon.awssdk.services.dynamodb.model.QueryRequest r) {
    rejectLegacy("Query", "KeyConditions", r.hasKeyConditions());
    rejectLegacy("Query", "QueryFilter", r.hasQueryFilter());
    rejectLegacy("Query", "AttributesToGet", r.hasAttributesToGet());
    rejectLegacy("Query", "ConditionalOperator", r.conditionalOperator() != null);
    return SdkToCore.convert(r, QueryRequest.class);
  }

  static ScanRequest scan(software.amazon.awssdk.services.dynamodb.model.ScanRequest r) {
    rejectLegacy("Scan", "ScanFilter", r.hasScanFilter());
    rejectLegacy("Scan", "AttributesToGet", r.hasAttributesToGet());
    rejectLegacy("Scan", "ConditionalOperator", r.conditionalOperator() != null);
    return SdkToCore.convert(r, ScanRequest.class);
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
    return SdkToCore.convert(k, KeysAndAttributes.class);
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
    return SdkToCore.convert(r, TransactWriteItemsRequest.class);
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
          return SdkToCore.convert(g, GetItemRequest.class);
        };
    return Convert.list(items, f);
  }
}
