package dev.awssim.awssdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.awssim.AwsSimulator;
import dev.awssim.dax.DaxCluster;
import dev.awssim.dax.DaxClusterConfig;
import dev.awssim.engine.metrics.Dimensions;
import dev.awssim.engine.metrics.MetricKey;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ThrottlingException;

/**
 * The DynamoDbClient of a DAX cluster over simulated DynamoDB: stale reads after a write that
 * bypassed DAX, pass-through of strongly consistent reads, write-through, and the table capacity
 * DAX saves.
 */
class SimulatedDaxClientTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(3);
  private final SimulatedAws aws = SimulatedAws.builder(sim).retryMode(RetryMode.NONE).build();
  private final DynamoDbClient db = aws.dynamoDbClient();
  private final DaxCluster cluster = sim.dax().createCluster("cache", DaxClusterConfig.defaults());
  private final DynamoDbClient dax = aws.daxClient("cache");

  SimulatedDaxClientTest() {
    db.createTable(
        b ->
            b.tableName("Tbl")
                .keySchema(
                    k -> k.attributeName("pk").keyType(KeyType.HASH),
                    k -> k.attributeName("sk").keyType(KeyType.RANGE))
                .attributeDefinitions(
                    a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                    a -> a.attributeName("sk").attributeType(ScalarAttributeType.S))
                .provisionedThroughput(p -> p.readCapacityUnits(1000L).writeCapacityUnits(1000L)));
    put(db, "v1");
  }

  private static Map<String, AttributeValue> key() {
    return Map.of("pk", AttributeValue.fromS("a"), "sk", AttributeValue.fromS("1"));
  }

  private static Map<String, AttributeValue> item(String value) {
    return Map.of(
        "pk", AttributeValue.fromS("a"),
        "sk", AttributeValue.fromS("1"),
        "v", AttributeValue.fromS(value));
  }

  private static void put(DynamoDbClient client, String value) {
    client.putItem(b -> b.tableName("Tbl").item(item(value)));
  }

  private String read(DynamoDbClient client) {
    return client.getItem(b -> b.tableName("Tbl").key(key())).item().get("v").s();
  }

  private double tableReadUnits() {
    return sim.metrics()
        .total(
            new MetricKey(
                "AWS/DynamoDB", "ConsumedReadCapacityUnits", Dimensions.of("TableName", "Tbl")));
  }

  private double daxMetric(String name) {
    return sim.metrics()
        .total(new MetricKey(DaxCluster.NAMESPACE, name, Dimensions.of("ClusterId", "cache")));
  }

  @Test
  void getItem_afterWriteThatBypassedDax_staleUntilExactlyFiveMinutes() {
    assertEquals("v1", read(dax));
    put(db, "v2"); // straight to DynamoDB
    sim.advanceBy(Duration.ofMinutes(5).minusNanos(1));
    assertEquals("v1", read(dax), "the item cache's 5-minute TTL has not run out");
    assertEquals("v2", read(db));
    sim.advanceBy(Duration.ofNanos(1));
    assertEquals("v2", read(dax), "at exactly 5 minutes the entry is expired: a miss");
  }

  @Test
  void getItem_stronglyConsistent_passesThroughNeverCached() {
    for (int i = 0; i < 4; i++) {
      assertEquals(
          "v1",
          dax.getItem(b -> b.tableName("Tbl").key(key()).consistentRead(true)).item().get("v").s());
    }
    assertEquals(0, cluster.itemCacheSize());
    assertEquals(4.0, tableReadUnits(), "4 strongly consistent reads of a small item: 1 RCU each");
    put(db, "v2");
    assertEquals(
        "v2",
        dax.getItem(b -> b.tableName("Tbl").key(key()).consistentRead(true)).item().get("v").s());
  }

  @Test
  void getItem_hundredEventuallyConsistentReads_tableChargedForOneMiss() {
    for (int i = 0; i < 100; i++) {
      read(dax);
    }
    assertEquals(0.5, tableReadUnits(), "one eventually consistent read: 0.5 RCU");
    assertEquals(99.0, daxMetric("ItemCacheHits"));
    assertEquals(1.0, daxMetric("ItemCacheMisses"));
    assertEquals(100.0, daxMetric("GetItemRequestCount"));
  }

  @Test
  void putItem_throughDax_writesThrough() {
    read(dax);
    put(dax, "v2");
    assertEquals("v2", read(dax));
    assertEquals("v2", read(db));
    assertEquals(1.0, daxMetric("ItemCacheMisses"));
  }

  @Test
  void updateAndDelete_throughDax_cacheNewItemAndNegativeEntry() {
    dax.updateItem(
        b ->
            b.tableName("Tbl")
                .key(key())
                .updateExpression("SET v = :v")
                .expressionAttributeValues(Map.of(":v", AttributeValue.fromS("v3"))));
    assertEquals("v3", read(dax));
    dax.deleteItem(b -> b.tableName("Tbl").key(key()));
    put(db, "v4"); // bypassing DAX: the negative entry stays
    assertFalse(dax.getItem(b -> b.tableName("Tbl").key(key())).hasItem());
    assertEquals(2.0, daxMetric("ItemCacheHits"));
    assertEquals(0.0, tableReadUnits());
  }

  @Test
  void getItem_missingItem_cachedAsAbsent() {
    Map<String, AttributeValue> other =
        Map.of("pk", AttributeValue.fromS("b"), "sk", AttributeValue.fromS("1"));
    assertFalse(dax.getItem(b -> b.tableName("Tbl").key(other)).hasItem());
    db.putItem(b -> b.tableName("Tbl").item(other));
    assertFalse(dax.getItem(b -> b.tableName("Tbl").key(other)).hasItem());
    assertEquals(0.5, tableReadUnits());
  }

  @Test
  void query_cachedByExactRequest_writeThroughDaxDoesNotInvalidate() {
    QueryRequest q =
        QueryRequest.builder()
            .tableName("Tbl")
            .keyConditionExpression("pk = :p")
            .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("a")))
            .build();
    assertEquals("v1", dax.query(q).items().get(0).get("v").s());
    put(dax, "v2");
    assertEquals("v1", dax.query(q).items().get(0).get("v").s());
    assertEquals(
        "v2",
        dax.query(q.toBuilder().scanIndexForward(false).build()).items().get(0).get("v").s(),
        "another request is another entry");
    assertEquals("v2", read(dax), "the write went to the item cache");
    assertEquals(1.0, daxMetric("QueryCacheHits"));
  }

  @Test
  void createTable_throughDax_unsupported() {
    assertThrows(UnsupportedOperationException.class, () -> dax.createTable(b -> b.tableName("X")));
  }

  @Test
  void getItem_projection_appliedToTheCachedItem() {
    read(dax);
    Map<String, AttributeValue> item =
        dax.getItem(
                b ->
                    b.tableName("Tbl")
                        .key(key())
                        .projectionExpression("#v")
                        .expressionAttributeNames(Map.of("#v", "v")))
            .item();
    assertEquals(Map.of("v", AttributeValue.fromS("v1")), item);
    assertEquals(1.0, daxMetric("ItemCacheHits"));
  }

  @Test
  void daxClient_unknownCluster_clusterNotFound() {
    assertEquals(
        "ClusterNotFoundFault",
        assertThrows(dev.awssim.dax.DaxException.class, () -> aws.daxClient("nope")).errorCode());
  }

  private QueryRequest queryA() {
    return QueryRequest.builder()
        .tableName("Tbl")
        .keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("a")))
        .build();
  }

  @Test
  void query_afterWriteThatBypassedDax_staleUntilExactlyFiveMinutes_strongQueryPassesThrough() {
    assertEquals(Duration.ofMinutes(5), DaxClusterConfig.DEFAULT_QUERY_TTL);
    assertEquals("v1", dax.query(queryA()).items().get(0).get("v").s());
    put(db, "v2");

    sim.advanceBy(Duration.ofMinutes(5).minusNanos(1));
    assertEquals("v1", dax.query(queryA()).items().get(0).get("v").s());
    assertEquals(
        "v2",
        dax.query(queryA().toBuilder().consistentRead(true).build()).items().get(0).get("v").s(),
        "a strongly consistent Query passes through");
    sim.advanceBy(Duration.ofNanos(1));
    assertEquals("v2", dax.query(queryA()).items().get(0).get("v").s());
  }

  @Test
  void scanAndTransactGet_throughDax_neverFillTheItemCache() {
    dax.scan(b -> b.tableName("Tbl"));
    dax.transactGetItems(b -> b.transactItems(t -> t.get(g -> g.tableName("Tbl").key(key()))));

    assertEquals(0, cluster.itemCacheSize());
    put(db, "v2");
    assertEquals(
        "v2",
        dax.transactGetItems(b -> b.transactItems(t -> t.get(g -> g.tableName("Tbl").key(key()))))
            .responses()
            .get(0)
            .item()
            .get("v")
            .s(),
        "TransactGetItems passes through to DynamoDB");
  }

  @Test
  void putItem_failedConditionThroughDax_errorToTheCaller_cacheUnchanged() {
    read(dax);

    ConditionalCheckFailedException e =
        assertThrows(
            ConditionalCheckFailedException.class,
            () ->
                dax.putItem(
                    b ->
                        b.tableName("Tbl")
                            .item(item("v2"))
                            .conditionExpression("attribute_not_exists(pk)")));

    assertEquals(400, e.statusCode());
    assertEquals("v1", read(dax));
    assertEquals("v1", read(db));
  }

  @Test
  void getItem_pastTheNodesCapacity_sdkThrottlingException400() {
    sim.dax().createCluster("small", DaxClusterConfig.defaults().withNodes(1, 2));
    DynamoDbClient small = aws.daxClient("small");
    read(small);
    read(small);

    ThrottlingException e = assertThrows(ThrottlingException.class, () -> read(small));

    assertEquals("ThrottlingException", e.awsErrorDetails().errorCode());
    assertEquals(400, e.statusCode());
    sim.advanceBy(Duration.ofSeconds(1));
    assertEquals("v1", read(small));
  }
}
