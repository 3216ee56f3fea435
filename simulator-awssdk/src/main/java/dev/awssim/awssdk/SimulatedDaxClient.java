package dev.awssim.awssdk;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.awssim.dax.DaxCluster;
import dev.awssim.dax.ItemUpdate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbServiceClientConfiguration;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Get;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The {@link DynamoDbClient} a DAX client offers, over a simulated {@link DaxCluster} in front of
 * the simulation's DynamoDB: GetItem and BatchGetItem through the item cache, Query and Scan
 * through the query cache, PutItem, UpdateItem, DeleteItem, BatchWriteItem and TransactWriteItems
 * written through, TransactGetItems and strongly consistent reads passed through ({@code
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DAX.consistency.html}). Table
 * management is not a DAX operation ({@code UnsupportedOperationException}). A miss reads DynamoDB
 * with an eventually consistent read, so the table's consumed capacity counts only the reads DAX
 * did not save.
 *
 * <p>Simplifications: the item cache holds whole items and applies a projection of top-level
 * attribute names itself; a GetItem with a nested projection passes through uncached. A
 * BatchGetItem reads its misses one GetItem at a time and returns no unprocessed keys. An
 * UpdateItem asking for {@code ALL_OLD}, {@code UPDATED_OLD} or {@code UPDATED_NEW} drops the
 * item's cache entry instead of storing the new item. Responses served by DAX carry no {@code
 * ConsumedCapacity}.
 */
final class SimulatedDaxClient implements DynamoDbClient {
  private static final Pattern TOP_LEVEL_NAME = Pattern.compile("#?[A-Za-z0-9_]+");

  private final DaxCluster cluster;
  private final DynamoDbClient dynamoDb;
  private final RetryExecutor retries;
  private final Map<String, List<String>> keyNames = new HashMap<>();

  /**
   * @param dynamoDb a one-attempt client of the simulation's DynamoDB: {@code retries} retries the
   *     whole DAX call, as the DAX client does, so that DynamoDB's throttling is not retried twice
   */
  SimulatedDaxClient(DaxCluster cluster, DynamoDbClient dynamoDb, RetryExecutor retries) {
    this.cluster = checkNotNull(cluster, "cluster");
    this.dynamoDb = checkNotNull(dynamoDb, "dynamoDb");
    this.retries = checkNotNull(retries, "retries");
  }

  @Override
  public String serviceName() {
    return SERVICE_NAME;
  }

  @Override
  public void close() {
    // Nothing to release: no connection was opened.
  }

  @Override
  public DynamoDbServiceClientConfiguration serviceClientConfiguration() {
    return DynamoDbServiceClientConfiguration.builder()
        .region(Region.of(retries.context().account().region()))
        .build();
  }

  @Override
  public GetItemResponse getItem(GetItemRequest request) {
    List<String> projection =
        projection(
            request.projectionExpression(),
            request.attributesToGet(),
            request.expressionAttributeNames());
    if (projection == null) {
      return retries.call(
          "GetItem", () -> cluster.passThrough("GetItem", () -> dynamoDb.getItem(request)));
    }
    Map<String, AttributeValue> item =
        retries.call(
            "GetItem",
            () ->
                cluster.getItem(
                    "GetItem",
                    request.tableName(),
                    request.key(),
                    Boolean.TRUE.equals(request.consistentRead()),
                    () -> readItem(request.tableName(), request.key(), request.consistentRead())));
    GetItemResponse.Builder b = GetItemResponse.builder();
    if (item != null) {
      b.item(project(item, projection));
    }
    return b.build();
  }

  @Override
  public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
    return retries.call(
        "BatchGetItem",
        () -> {
          Map<String, List<Map<String, AttributeValue>>> out = new LinkedHashMap<>();
          for (Map.Entry<String, KeysAndAttributes> e : request.requestItems().entrySet()) {
            KeysAndAttributes ka = e.getValue();
            List<String> projection =
                projection(
                    ka.projectionExpression(), ka.attributesToGet(), ka.expressionAttributeNames());
            List<Map<String, AttributeValue>> found = new ArrayList<>();
            for (Map<String, AttributeValue> key : ka.keys()) {
              Map<String, AttributeValue> item =
                  projection == null
                      ? cluster.passThrough(
                          "BatchGetItem", () -> readProjected(e.getKey(), key, ka))
                      : cluster.getItem(
                          "BatchGetItem",
                          e.getKey(),
                          key,
                          Boolean.TRUE.equals(ka.consistentRead()),
                          () -> readItem(e.getKey(), key, ka.consistentRead()));
              if (item != null) {
                found.add(projection == null ? item : project(item, projection));
              }
            }
            out.put(e.getKey(), found);
          }
          return BatchGetItemResponse.builder().responses(out).unprocessedKeys(Map.of()).build();
        });
  }

  @Override
  public QueryResponse query(QueryRequest request) {
    QueryRequest key = request.toBuilder().returnConsumedCapacity((String) null).build();
    QueryResponse r =
        retries.call(
            "Query",
            () ->
                cluster.query(
                    "Query",
                    key,
                    Boolean.TRUE.equals(request.consistentRead()),
                    () -> dynamoDb.query(request)));
    return Boolean.TRUE.equals(request.consistentRead())
        ? r
        : r.toBuilder().consumedCapacity((ConsumedCapacity) null).build();
  }

  @Override
  public ScanResponse scan(ScanRequest request) {
    ScanRequest key = request.toBuilder().returnConsumedCapacity((String) null).build();
    ScanResponse r =
        retries.call(
            "Scan",
            () ->
                cluster.query(
                    "Scan",
                    key,
                    Boolean.TRUE.equals(request.consistentRead()),
                    () -> dynamoDb.scan(request)));
    return Boolean.TRUE.equals(request.consistentRead())
        ? r
        : r.toBuilder().consumedCapacity((ConsumedCapacity) null).build();
  }

  @Override
  public PutItemResponse putItem(PutItemRequest request) {
    return retries.call(
        "PutItem",
        () ->
            cluster.write(
                "PutItem",
                () -> dynamoDb.putItem(request),
                r ->
                    List.of(
                        ItemUpdate.written(
                            request.tableName(),
                            keyOf(request.tableName(), request.item()),
                            request.item()))));
  }

  @Override
  public UpdateItemResponse updateItem(UpdateItemRequest request) {
    String asked = request.returnValuesAsString();
    boolean knowsNewItem =
        asked == null
            || ReturnValue.NONE.toString().equals(asked)
            || ReturnValue.ALL_NEW.toString().equals(asked);
    UpdateItemRequest sent =
        knowsNewItem ? request.toBuilder().returnValues(ReturnValue.ALL_NEW).build() : request;
    UpdateItemResponse r =
        retries.call(
            "UpdateItem",
            () ->
                cluster.write(
                    "UpdateItem",
                    () -> dynamoDb.updateItem(sent),
                    res ->
                        List.of(
                            knowsNewItem
                                ? ItemUpdate.written(
                                    request.tableName(), request.key(), res.attributes())
                                : ItemUpdate.evicted(request.tableName(), request.key()))));
    if (knowsNewItem && !ReturnValue.ALL_NEW.toString().equals(asked)) {
      return r.toBuilder().attributes(null).build();
    }
    return r;
  }

  @Override
  public DeleteItemResponse deleteItem(DeleteItemRequest request) {
    return retries.call(
        "DeleteItem",
        () ->
            cluster.write(
                "DeleteItem",
                () -> dynamoDb.deleteItem(request),
                r -> List.of(ItemUpdate.deleted(request.tableName(), request.key()))));
  }

  @Override
  public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
    return retries.call(
        "BatchWriteItem",
        () ->
            cluster.write(
                "BatchWriteItem",
                () -> dynamoDb.batchWriteItem(request),
                r -> {
                  List<ItemUpdate> updates = new ArrayList<>();
                  for (Map.Entry<String, List<WriteRequest>> e :
                      request.requestItems().entrySet()) {
                    Collection<WriteRequest> unprocessed =
                        r.unprocessedItems().getOrDefault(e.getKey(), List.of());
                    for (WriteRequest w : e.getValue()) {
                      if (unprocessed.contains(w)) {
                        continue;
                      }
                      if (w.putRequest() != null) {
                        Map<String, AttributeValue> item = w.putRequest().item();
                        updates.add(ItemUpdate.written(e.getKey(), keyOf(e.getKey(), item), item));
                      } else if (w.deleteRequest() != null) {
                        updates.add(ItemUpdate.deleted(e.getKey(), w.deleteRequest().key()));
                      }
                    }
                  }
                  return updates;
                }));
  }

  /**
   * Sends the transaction to DynamoDB and, once it commits, refreshes the item cache with a
   * TransactGetItems of every item written (DAX does so in the background; here at the same virtual
   * instant, right after the commit), which consumes transactional read capacity.
   */
  @Override
  public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
    return retries.call(
        "TransactWriteItems",
        () ->
            cluster.write(
                "TransactWriteItems",
                () -> dynamoDb.transactWriteItems(request),
                r -> refreshAfterTransaction(request.transactItems())));
  }

  @Override
  public TransactGetItemsResponse transactGetItems(TransactGetItemsRequest request) {
    return retries.call(
        "TransactGetItems",
        () -> cluster.passThrough("TransactGetItems", () -> dynamoDb.transactGetItems(request)));
  }

  private List<ItemUpdate> refreshAfterTransaction(List<TransactWriteItem> items) {
    List<TransactGetItem> gets = new ArrayList<>();
    for (TransactWriteItem t : items) {
      String table = null;
      Map<String, AttributeValue> key = null;
      if (t.put() != null) {
        table = t.put().tableName();
        key = keyOf(table, t.put().item());
      } else if (t.update() != null) {
        table = t.update().tableName();
        key = t.update().key();
      } else if (t.delete() != null) {
        table = t.delete().tableName();
        key = t.delete().key();
      }
      if (table != null) {
        gets.add(
            TransactGetItem.builder().get(Get.builder().tableName(table).key(key).build()).build());
      }
    }
    if (gets.isEmpty()) {
      return List.of();
    }
    List<ItemResponse> read = dynamoDb.transactGetItems(b -> b.transactItems(gets)).responses();
    List<ItemUpdate> updates = new ArrayList<>();
    for (int i = 0; i < gets.size(); i++) {
      Get g = gets.get(i).get();
      ItemResponse r = read.get(i);
      updates.add(
          r.hasItem() && !r.item().isEmpty()
              ? ItemUpdate.written(g.tableName(), g.key(), r.item())
              : ItemUpdate.deleted(g.tableName(), g.key()));
    }
    return updates;
  }

  /** The whole item, read eventually consistent unless asked otherwise; null if there is none. */
  private Map<String, AttributeValue> readItem(
      String table, Map<String, AttributeValue> key, Boolean consistentRead) {
    GetItemResponse r =
        dynamoDb.getItem(b -> b.tableName(table).key(key).consistentRead(consistentRead));
    return r.hasItem() ? r.item() : null;
  }

  private Map<String, AttributeValue> readProjected(
      String table, Map<String, AttributeValue> key, KeysAndAttributes ka) {
    GetItemResponse r =
        dynamoDb.getItem(
            b ->
                b.tableName(table)
                    .key(key)
                    .consistentRead(ka.consistentRead())
                    .projectionExpression(ka.projectionExpression())
                    .expressionAttributeNames(
                        ka.hasExpressionAttributeNames() ? ka.expressionAttributeNames() : null)
                    .attributesToGet(ka.hasAttributesToGet() ? ka.attributesToGet() : null));
    return r.hasItem() ? r.item() : null;
  }

  /** The item's primary key, by the table's key schema (DescribeTable consumes no capacity). */
  private Map<String, AttributeValue> keyOf(String table, Map<String, AttributeValue> item) {
    List<String> names =
        keyNames.computeIfAbsent(
            table,
            t ->
                dynamoDb.describeTable(b -> b.tableName(t)).table().keySchema().stream()
                    .map(KeySchemaElement::attributeName)
                    .toList());
    Map<String, AttributeValue> key = new LinkedHashMap<>();
    for (String n : names) {
      key.put(n, item.get(n));
    }
    return Map.copyOf(key);
  }

  /**
   * The top-level attribute names to project (empty: the whole item), or null when the projection
   * has nested paths, which this client passes through uncached.
   */
  private static List<String> projection(
      String expression, List<String> attributesToGet, Map<String, String> names) {
    if (expression == null) {
      return attributesToGet == null ? List.of() : attributesToGet;
    }
    List<String> out = new ArrayList<>();
    for (String part : expression.split(",", -1)) {
      String p = part.trim();
      if (!TOP_LEVEL_NAME.matcher(p).matches()) {
        return null;
      }
      if (p.startsWith("#")) {
        if (names == null || !names.containsKey(p)) {
          return null; // DynamoDB reports the missing name: let the pass-through read do it
        }
        p = names.get(p);
      }
      out.add(p);
    }
    return out;
  }

  private static Map<String, AttributeValue> project(
      Map<String, AttributeValue> item, List<String> projection) {
    if (projection.isEmpty()) {
      return item;
    }
    Set<String> wanted = Set.copyOf(projection);
    Map<String, AttributeValue> out = new LinkedHashMap<>();
    item.forEach(
        (k, v) -> {
          if (wanted.contains(k)) {
            out.put(k, v);
          }
        });
    return out;
  }
}
