package dev.awssim.awssdk;

import dev.awssim.dynamodb.BatchGetItemResult;
import dev.awssim.dynamodb.BatchWriteItemResult;
import dev.awssim.dynamodb.CancellationReason;
import dev.awssim.dynamodb.Capacity;
import dev.awssim.dynamodb.ConsumedCapacity;
import dev.awssim.dynamodb.DeleteItemResult;
import dev.awssim.dynamodb.GetItemResult;
import dev.awssim.dynamodb.KeysAndAttributes;
import dev.awssim.dynamodb.PutItemResult;
import dev.awssim.dynamodb.QueryResult;
import dev.awssim.dynamodb.TransactGetItemsResult;
import dev.awssim.dynamodb.TransactWriteItemsResult;
import dev.awssim.dynamodb.UpdateItemResult;
import dev.awssim.dynamodb.WriteRequest;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/** The simulator's DynamoDB results to the SDK's responses, field by field. */
final class DynamoDbResponses {
  private DynamoDbResponses() {}

  static PutItemResponse put(PutItemResult r) {
    return PutItemResponse.builder()
        .attributes(attributes(r.attributes()))
        .consumedCapacity(capacity(r.consumedCapacity()))
        .itemCollectionMetrics(collection(r.itemCollectionMetrics()))
        .build();
  }

  /**
   * Attributes, left out when there are none: AWS sends {@code Attributes} only when ReturnValues
   * asks for them and there are some, so {@code hasAttributes()} is false otherwise
   * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_PutItem.html#API_PutItem_ResponseSyntax).
   */
  private static java.util.Map<
          String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>
      attributes(java.util.Map<String, dev.awssim.dynamodb.AttributeValue> attributes) {
    return attributes == null || attributes.isEmpty() ? null : AttributeValues.toSdk(attributes);
  }

  /** ItemCollectionMetrics, left out when the model returns none (not asked for, or no LSI). */
  private static software.amazon.awssdk.services.dynamodb.model.ItemCollectionMetrics collection(
      dev.awssim.dynamodb.ItemCollectionMetrics m) {
    return m == null
        ? null
        : software.amazon.awssdk.services.dynamodb.model.ItemCollectionMetrics.builder()
            .itemCollectionKey(AttributeValues.toSdk(m.itemCollectionKey()))
            .sizeEstimateRangeGB(m.sizeEstimateRangeGB())
            .build();
  }

  static GetItemResponse get(GetItemResult r) {
    return GetItemResponse.builder()
        .item(AttributeValues.toSdk(r.item()))
        .consumedCapacity(capacity(r.consumedCapacity()))
        .build();
  }

  static UpdateItemResponse update(UpdateItemResult r) {
    return UpdateItemResponse.builder()
        .attributes(attributes(r.attributes()))
        .consumedCapacity(capacity(r.consumedCapacity()))
        .itemCollectionMetrics(collection(r.itemCollectionMetrics()))
        .build();
  }

  static DeleteItemResponse delete(DeleteItemResult r) {
    return DeleteItemResponse.builder()
        .attributes(attributes(r.attributes()))
        .consumedCapacity(capacity(r.consumedCapacity()))
        .itemCollectionMetrics(collection(r.itemCollectionMetrics()))
        .build();
  }

  /**
   * The SDK's response to a Query; with {@code countOnly} ({@code Select=COUNT}) without {@code
   * Items}, as AWS answers it: "the number of matching items, rather than the matching items
   * themselves" (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html).
   */
  static QueryResponse query(QueryResult r, boolean countOnly) {
    return QueryResponse.builder()
        .items(countOnly ? null : AttributeValues.itemsToSdk(r.items()))
        .count(r.count())
        .scannedCount(r.scannedCount())
        .lastEvaluatedKey(AttributeValues.toSdk(r.lastEvaluatedKey()))
        .consumedCapacity(capacity(r.consumedCapacity()))
        .build();
  }

  /** The SDK's response to a Scan; as {@link #query}. */
  static ScanResponse scan(QueryResult r, boolean countOnly) {
    return ScanResponse.builder()
        .items(countOnly ? null : AttributeValues.itemsToSdk(r.items()))
        .count(r.count())
        .scannedCount(r.scannedCount())
        .lastEvaluatedKey(AttributeValues.toSdk(r.lastEvaluatedKey()))
        .consumedCapacity(capacity(r.consumedCapacity()))
        .build();
  }

  static BatchGetItemResponse batchGet(BatchGetItemResult r) {
    return BatchGetItemResponse.builder()
        .responses(Convert.values(r.responses(), AttributeValues::itemsToSdk))
        .unprocessedKeys(Convert.values(r.unprocessedKeys(), DynamoDbResponses::keysAndAttributes))
        .consumedCapacity(capacities(r.consumedCapacity()))
        .build();
  }

  private static software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes keysAndAttributes(
      KeysAndAttributes k) {
    return software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes.builder()
        .keys(AttributeValues.itemsToSdk(k.keys()))
        .consistentRead(k.consistentRead())
        .projectionExpression(k.projectionExpression())
        .expressionAttributeNames(
            k.expressionAttributeNames().isEmpty() ? null : k.expressionAttributeNames())
        .build();
  }

  static BatchWriteItemResponse batchWrite(BatchWriteItemResult r) {
    return BatchWriteItemResponse.builder()
        .unprocessedItems(
            Convert.values(
                r.unprocessedItems(), list -> Convert.list(list, DynamoDbResponses::writeRequest)))
        .consumedCapacity(capacities(r.consumedCapacity()))
        .build();
  }

  private static software.amazon.awssdk.services.dynamodb.model.WriteRequest writeRequest(
      WriteRequest w) {
    var b = software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder();
    if (w.putItem() != null) {
      b.putRequest(PutRequest.builder().item(AttributeValues.toSdk(w.putItem())).build());
    } else {
      b.deleteRequest(DeleteRequest.builder().key(AttributeValues.toSdk(w.deleteKey())).build());
    }
    return b.build();
  }

  static TransactWriteItemsResponse transactWrite(TransactWriteItemsResult r) {
    return TransactWriteItemsResponse.builder()
        .consumedCapacity(capacities(r.consumedCapacity()))
        .build();
  }

  static TransactGetItemsResponse transactGet(TransactGetItemsResult r) {
    return TransactGetItemsResponse.builder()
        .responses(
            Convert.list(
                r.responses(),
                item -> ItemResponse.builder().item(AttributeValues.toSdk(item)).build()))
        .consumedCapacity(capacities(r.consumedCapacity()))
        .build();
  }

  static List<software.amazon.awssdk.services.dynamodb.model.CancellationReason> reasons(
      List<CancellationReason> reasons) {
    return Convert.list(
        reasons,
        c ->
            software.amazon.awssdk.services.dynamodb.model.CancellationReason.builder()
                .code(c.code())
                .message(c.message())
                .item(AttributeValues.toSdk(c.item()))
                .build());
  }

  private static List<software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity> capacities(
      List<ConsumedCapacity> list) {
    return list == null ? null : Convert.list(list, DynamoDbResponses::capacity);
  }

  /** ConsumedCapacity; the read and write split and the per-index maps only when present. */
  static software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity capacity(
      ConsumedCapacity c) {
    if (c == null) {
      return null;
    }
    return software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity.builder()
        .tableName(c.tableName())
        .capacityUnits(c.capacityUnits())
        .readCapacityUnits(nonZero(c.readCapacityUnits()))
        .writeCapacityUnits(nonZero(c.writeCapacityUnits()))
        .table(units(c.table()))
        .localSecondaryIndexes(
            c.localSecondaryIndexes().isEmpty()
                ? null
                : Convert.values(c.localSecondaryIndexes(), DynamoDbResponses::units))
        .globalSecondaryIndexes(
            c.globalSecondaryIndexes().isEmpty()
                ? null
                : Convert.values(c.globalSecondaryIndexes(), DynamoDbResponses::units))
        .build();
  }

  private static software.amazon.awssdk.services.dynamodb.model.Capacity units(Capacity c) {
    return c == null
        ? null
        : software.amazon.awssdk.services.dynamodb.model.Capacity.builder()
            .capacityUnits(c.capacityUnits())
            .readCapacityUnits(nonZero(c.readCapacityUnits()))
            .writeCapacityUnits(nonZero(c.writeCapacityUnits()))
            .build();
  }

  private static Double nonZero(double units) {
    return units == 0 ? null : units;
  }
}
