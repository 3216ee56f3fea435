package dev.awssim.dynamodb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Bad input through the core API answers AWS's ValidationException (or a documented Java argument
 * check), leaves state unchanged, and stored items share no mutable bytes with callers.
 */
class DataPlaneValidationTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(11);
  private final DynamoDb db = sim.dynamoDb();

  DataPlaneValidationTest() {
    db.createTable(TestTables.onDemandPkSk("orders"));
  }

  private static Map<String, AttributeValue> key(String pk, long sk) {
    return Map.of("pk", AttributeValue.s(pk), "sk", AttributeValue.n(sk));
  }

  private static Map<String, AttributeValue> item(String pk, long sk, String v) {
    return Map.of("pk", AttributeValue.s(pk), "sk", AttributeValue.n(sk), "v", AttributeValue.s(v));
  }

  private void assertValidation(Executable call) {
    DynamoDbException e = assertThrows(DynamoDbException.class, call);
    assertEquals("ValidationException", e.errorCode());
    assertEquals(400, e.statusCode());
  }

  private long itemCount() {
    return db.describeTable("orders").itemCount();
  }

  @Test
  void batchWrite_requestWithPutAndDelete_validationExceptionAndNothingWritten() {
    db.putItem("orders", item("a", 1, "old"));
    WriteRequest both = new WriteRequest(item("b", 1, "new"), key("a", 1));
    assertValidation(() -> db.batchWriteItem(Map.of("orders", List.of(both)), null));
    assertNotNull(db.getItem("orders", key("a", 1)), "the delete was not applied");
    assertNull(db.getItem("orders", key("b", 1)), "the put was not applied");
  }

  @Test
  void itemOperations_nullRequest_nullPointerExceptionNamingRequest() {
    List<Executable> calls =
        List.of(
            () -> db.putItem(null),
            () -> db.getItem(null),
            () -> db.updateItem(null),
            () -> db.deleteItem(null),
            () -> db.query(null),
            () -> db.scan(null),
            () -> db.transactWriteItems(null));
    for (Executable call : calls) {
      assertEquals("request", assertThrows(NullPointerException.class, call).getMessage());
    }
  }

  @Test
  void requests_nullMembers_validationException() {
    assertValidation(() -> db.putItem(PutItemRequest.of(null, item("a", 1, "v"))));
    assertValidation(() -> db.batchWriteItem(null, null));
    assertValidation(() -> db.batchGetItem(null, null));
    assertValidation(() -> db.transactGetItems(null, null));
    assertValidation(() -> db.batchWriteItem(Collections.singletonMap("orders", null), null));
    assertValidation(
        () -> db.batchWriteItem(Map.of("orders", Arrays.asList((WriteRequest) null)), null));
    assertValidation(() -> db.batchGetItem(Collections.singletonMap("orders", null), null));
    assertValidation(
        () ->
            db.batchGetItem(
                Map.of(
                    "orders",
                    new KeysAndAttributes(Arrays.asList(key("a", 1), null), false, null, null)),
                null));
    assertValidation(
        () ->
            db.transactWriteItems(
                new TransactWriteItemsRequest(
                    Arrays.asList(
                        TransactWriteItem.put(PutItemRequest.of("orders", item("a", 1, "v"))),
                        null),
                    null,
                    null)));
    assertValidation(() -> db.transactGetItems(Arrays.asList((GetItemRequest) null), null));
    assertEquals(0, itemCount());
  }

  @Test
  void putItem_emptyOrNullAttributeName_validationExceptionAndNothingStored() {
    Map<String, AttributeValue> empty = new LinkedHashMap<>(item("a", 1, "v"));
    empty.put("", AttributeValue.s("x"));
    assertValidation(() -> db.putItem("orders", empty));
    Map<String, AttributeValue> nullName = new LinkedHashMap<>(item("a", 1, "v"));
    nullName.put(null, AttributeValue.s("x"));
    assertValidation(() -> db.putItem("orders", nullName));
    assertEquals(0, itemCount());
    Map<String, AttributeValue> oneCharacter = new LinkedHashMap<>(item("a", 1, "v"));
    oneCharacter.put("x", AttributeValue.s("x"));
    db.putItem("orders", oneCharacter);
    assertEquals(1, itemCount());
  }

  private TransactWriteItemsRequest tokened(String token) {
    return new TransactWriteItemsRequest(
        List.of(TransactWriteItem.put(PutItemRequest.of("orders", item("a", 1, "v")))),
        token,
        null);
  }

  @Test
  void transactWrite_clientRequestTokenOf37Characters_validationExceptionAnd36Accepted() {
    assertEquals(36, DynamoDbLimits.MAX_CLIENT_REQUEST_TOKEN_LENGTH);
    assertValidation(() -> db.transactWriteItems(tokened("t".repeat(37))));
    assertValidation(() -> db.transactWriteItems(tokened("")));
    assertEquals(0, itemCount());
    db.transactWriteItems(tokened("t".repeat(36)));
    assertEquals(1, itemCount());
  }

  private QueryRequest query() {
    return QueryRequest.of("orders", "pk = :p");
  }

  @Test
  void query_filterOnKeyAttribute_validationException() {
    db.putItem("orders", item("a", 1, "v"));
    assertValidation(
        () ->
            db.query(
                query()
                    .withFilterExpression("sk > :z")
                    .withExpressionAttributeValues(
                        Map.of(":p", AttributeValue.s("a"), ":z", AttributeValue.n(0)))));
    assertValidation(
        () ->
            db.query(
                query()
                    .withFilterExpression("attribute_exists(v) AND begins_with(pk, :p)")
                    .withExpressionAttributeValues(Map.of(":p", AttributeValue.s("a")))));
    QueryResult ok =
        db.query(
            query()
                .withFilterExpression("v = :v")
                .withExpressionAttributeValues(
                    Map.of(":p", AttributeValue.s("a"), ":v", AttributeValue.s("v"))));
    assertEquals(1, ok.count());
  }

  @Test
  void query_exclusiveStartKeyFromAnotherPartition_validationException() {
    db.putItem("orders", item("a", 1, "v"));
    db.putItem("orders", item("a", 2, "v"));
    db.putItem("orders", item("b", 1, "v"));
    assertValidation(
        () ->
            db.query(
                query()
                    .withExpressionAttributeValues(Map.of(":p", AttributeValue.s("a")))
                    .withExclusiveStartKey(key("b", 1))));
    QueryResult next =
        db.query(
            query()
                .withExpressionAttributeValues(Map.of(":p", AttributeValue.s("a")))
                .withExclusiveStartKey(key("a", 1)));
    assertEquals(List.of(item("a", 2, "v")), next.items());
  }

  @Test
  void ttl_expiryBeforeSimulationStart_storedThenDeletedDelayAfterExpiry() {
    db.updateTimeToLive("orders", new TimeToLiveSpecification(true, "expiresAt"));
    long expiry = sim.now().getEpochSecond() - 3600;
    Map<String, AttributeValue> expired = new LinkedHashMap<>(item("a", 1, "v"));
    expired.put("expiresAt", AttributeValue.n(expiry));
    db.putItem("orders", expired);
    assertNotNull(db.getItem("orders", key("a", 1)), "expired items are stored and readable");
    // Deleted the default 48 h after its expiry, which was an hour before the start.
    sim.advanceBy(Duration.ofHours(47).minusNanos(1));
    assertNotNull(db.getItem("orders", key("a", 1)));
    sim.advanceBy(Duration.ofNanos(1));
    assertNull(db.getItem("orders", key("a", 1)));
  }

  @Test
  void ttl_expiryFarBeyondLongRange_storedAndNeverDeleted() {
    db.updateTimeToLive("orders", new TimeToLiveSpecification(true, "expiresAt"));
    Map<String, AttributeValue> far = new LinkedHashMap<>(item("a", 1, "v"));
    far.put("expiresAt", AttributeValue.n("1e100"));
    db.putItem("orders", far);
    sim.advanceBy(Duration.ofDays(3650));
    assertNotNull(db.getItem("orders", key("a", 1)));
  }

  @Test
  void binaryValues_callerChangesArraysInOrOut_storedItemUnchanged() {
    byte[] raw = {1, 2, 3};
    byte[] member = {4, 5};
    Map<String, AttributeValue> stored = new LinkedHashMap<>(key("a", 1));
    stored.put("b", AttributeValue.b(raw));
    stored.put("bs", AttributeValue.bs(List.of(member)));
    stored.put("m", AttributeValue.m(Map.of("inner", AttributeValue.b(raw))));
    stored.put("l", AttributeValue.l(AttributeValue.bs(List.of(member))));
    db.putItem("orders", stored);
    raw[0] = 9;
    member[0] = 9;
    Map<String, AttributeValue> read = db.getItem("orders", key("a", 1));
    read.get("b").b()[1] = 9;
    read.get("bs").bs().get(0)[1] = 9;
    read.get("m").m().get("inner").b()[1] = 9;
    read.get("l").l().get(0).bs().get(0)[1] = 9;
    Map<String, AttributeValue> again = db.getItem("orders", key("a", 1));
    assertArrayEquals(new byte[] {1, 2, 3}, again.get("b").b());
    assertArrayEquals(new byte[] {4, 5}, again.get("bs").bs().get(0));
    assertArrayEquals(new byte[] {1, 2, 3}, again.get("m").m().get("inner").b());
    assertArrayEquals(new byte[] {4, 5}, again.get("l").l().get(0).bs().get(0));
  }

  @Test
  void attributeValueFactories_nullArguments_nullPointerExceptionNamingThem() {
    assertEquals(
        "S", assertThrows(NullPointerException.class, () -> AttributeValue.s(null)).getMessage());
    assertEquals(
        "SS member",
        assertThrows(NullPointerException.class, () -> AttributeValue.ss(Arrays.asList("a", null)))
            .getMessage());
    assertEquals(
        "NS member",
        assertThrows(NullPointerException.class, () -> AttributeValue.ns(Arrays.asList("1", null)))
            .getMessage());
    assertEquals(
        "BS member",
        assertThrows(
                NullPointerException.class,
                () -> AttributeValue.bs(Arrays.asList(new byte[1], null)))
            .getMessage());
    assertEquals(
        "BS", assertThrows(NullPointerException.class, () -> AttributeValue.bs(null)).getMessage());
    List<AttributeValue> none = new ArrayList<>();
    assertTrue(AttributeValue.l(none).l().isEmpty());
    assertFalse(AttributeValue.ss(List.of("x")).ss().isEmpty());
  }

  @Test
  void scan_expressionAttributeValueWithEmptySet_validationException() {
    assertValidation(
        () ->
            db.scan(
                ScanRequest.of("orders")
                    .withFilterExpression("v = :v")
                    .withExpressionAttributeValues(Map.of(":v", AttributeValue.ss(List.of())))));
  }
}
