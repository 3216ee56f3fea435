package dev.awssim.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.awssim.AwsSimulator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Item collections of tables with local secondary indexes: at most 10 GB each (the table's items of
 * one partition key plus their LSI entries), and their size as ItemCollectionMetrics
 * (LSI.html#LSI.ItemCollections.SizeLimit, API_ItemCollectionMetrics.html).
 */
class ItemCollectionTest {
  /** A limit a test can fill: two 5,120-byte items counted in the table and in the LSI. */
  private static final long SMALL_LIMIT = 20_480;

  private final DynamoDb db =
      AwsSimulator.builder()
          .dynamoDbLimits(DynamoDbLimits.defaults().withMaxItemCollectionBytes(SMALL_LIMIT))
          .build()
          .dynamoDb();

  private void createTable(String name, boolean withLsi) {
    CreateTableRequest b =
        CreateTableRequest.of(name)
            .withKeySchema(
                List.of(
                    new KeySchemaElement("pk", KeyType.HASH),
                    new KeySchemaElement("sk", KeyType.RANGE)))
            .withAttributeDefinitions(
                List.of(
                    new AttributeDefinition("pk", ScalarAttributeType.S),
                    new AttributeDefinition("sk", ScalarAttributeType.S),
                    new AttributeDefinition("l", ScalarAttributeType.S)))
            .withBillingMode(BillingMode.PAY_PER_REQUEST);
    if (withLsi) {
      b =
          b.withLocalSecondaryIndexes(
              List.of(
                  new LocalSecondaryIndex(
                      "byL",
                      List.of(
                          new KeySchemaElement("pk", KeyType.HASH),
                          new KeySchemaElement("l", KeyType.RANGE)),
                      Projection.all())));
    } else {
      b =
          b.withAttributeDefinitions(
              List.of(
                  new AttributeDefinition("pk", ScalarAttributeType.S),
                  new AttributeDefinition("sk", ScalarAttributeType.S)));
    }
    db.createTable(b);
  }

  /** "pk" + "p" (3 bytes) + "sk" + 2 (4) + "l" + "x" (2) + "v" + padding = 10 + padding bytes. */
  private static Map<String, AttributeValue> item(String pk, String sk, int padding) {
    return Map.of(
        "pk",
        AttributeValue.s(pk),
        "sk",
        AttributeValue.s(sk),
        "l",
        AttributeValue.s("x"),
        "v",
        AttributeValue.s("x".repeat(padding)));
  }

  @Test
  void defaults_itemCollectionLimit_is10Gb() {
    assertEquals(10L * 1024 * 1024 * 1024, DynamoDbLimits.defaults().maxItemCollectionBytes());
  }

  @Test
  void putItem_collectionPastTheLimit_isItemCollectionSizeLimitExceeded_andChangesNothing() {
    createTable("lsi", true);
    // two 5,120-byte items, each counted in the table and in the LSI: exactly the limit
    db.putItem("lsi", item("p", "s0", 5_110));
    db.putItem("lsi", item("p", "s1", 5_110));
    DynamoDbException e =
        assertThrows(DynamoDbException.class, () -> db.putItem("lsi", item("p", "s2", 0)));
    assertEquals("ItemCollectionSizeLimitExceededException", e.errorCode());
    assertEquals(2, db.describeTable("lsi").itemCount(), "the rejected write changed nothing");
    db.putItem("lsi", item("q", "s2", 0));
    db.putItem("lsi", item("p", "s1", 5_000));
    assertEquals(3, db.describeTable("lsi").itemCount(), "other keys and shrinking writes pass");
  }

  @Test
  void putItem_largeCollectionWithoutLsi_isNotLimited() {
    createTable("plain", false);
    for (int i = 0; i < 5; i++) {
      db.putItem("plain", item("p", "s" + i, 5_110));
    }
    assertEquals(5, db.describeTable("plain").itemCount());
  }

  @Test
  void batchAndTransaction_pastTheLimit_areRejectedWhole() {
    createTable("lsi", true);
    db.putItem("lsi", item("p", "s0", 5_110));
    db.putItem("lsi", item("p", "s1", 5_110));
    DynamoDbException batch =
        assertThrows(
            DynamoDbException.class,
            () ->
                db.batchWriteItem(
                    Map.of(
                        "lsi",
                        List.of(
                            WriteRequest.put(item("q", "s0", 0)),
                            WriteRequest.put(item("p", "s2", 0)))),
                    null));
    assertEquals("ItemCollectionSizeLimitExceededException", batch.errorCode());
    DynamoDbException transaction =
        assertThrows(
            DynamoDbException.class,
            () ->
                db.transactWriteItems(
                    new TransactWriteItemsRequest(
                        List.of(
                            TransactWriteItem.put(PutItemRequest.of("lsi", item("q", "s0", 0))),
                            TransactWriteItem.put(PutItemRequest.of("lsi", item("p", "s2", 0)))),
                        null,
                        null)));
    assertEquals("TransactionCanceledException", transaction.errorCode());
    assertEquals(
        List.of(
            CancellationReason.NONE,
            new CancellationReason(
                "ItemCollectionSizeLimitExceeded", "Collection size exceeded.", null)),
        transaction.cancellationReasons());
    assertEquals(2, db.describeTable("lsi").itemCount());
  }

  @Test
  void putItem_returnItemCollectionMetricsSize_reportsTheKeyAndAGigabyteRange() {
    createTable("lsi", true);
    createTable("plain", false);
    PutItemResult result =
        db.putItem(
            PutItemRequest.of("lsi", item("p", "s0", 10))
                .withReturnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE));
    assertEquals(
        new ItemCollectionMetrics(Map.of("pk", AttributeValue.s("p")), List.of(0.0, 1.0)),
        result.itemCollectionMetrics());
    assertNull(
        db.putItem(PutItemRequest.of("lsi", item("p", "s1", 10))).itemCollectionMetrics(),
        "not asked for");
    assertNull(
        db.putItem(
                PutItemRequest.of("plain", item("p", "s0", 10))
                    .withReturnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE))
            .itemCollectionMetrics(),
        "a table without LSIs reports none");
  }
}
