package dev.awssim.awssdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** DynamoDB Streams through the SDK's {@link DynamoDbStreamsClient}. */
class SimulatedDynamoDbStreamsClientTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(13);
  private final SimulatedAws aws = SimulatedAws.from(sim);
  private final DynamoDbClient db = aws.dynamoDbClient();
  private final DynamoDbStreamsClient streams = aws.dynamoDbStreamsClient();

  @Test
  void insertModifyRemove_readFromTrimHorizon_inOrderWithImages() {
    String arn = streamTable("orders", "pk", StreamViewType.NEW_AND_OLD_IMAGES);
    assertNotNull(arn);
    Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("o1"));
    db.putItem(
        b ->
            b.tableName("orders")
                .item(Map.of("pk", AttributeValue.fromS("o1"), "n", AttributeValue.fromN("1"))));
    db.putItem(
        b ->
            b.tableName("orders")
                .item(Map.of("pk", AttributeValue.fromS("o1"), "n", AttributeValue.fromN("2"))));
    db.deleteItem(b -> b.tableName("orders").key(key));

    assertEquals(arn, streams.listStreams(b -> b.tableName("orders")).streams().get(0).streamArn());
    StreamDescription d = streams.describeStream(b -> b.streamArn(arn)).streamDescription();
    assertEquals("ENABLED", d.streamStatusAsString());
    assertEquals("orders", d.tableName());
    assertNull(d.lastEvaluatedShardId());
    String shardId = d.shards().get(0).shardId();
    String iterator =
        streams
            .getShardIterator(
                b ->
                    b.streamArn(arn)
                        .shardId(shardId)
                        .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
            .shardIterator();
    List<Record> records = streams.getRecords(b -> b.shardIterator(iterator)).records();

    assertEquals(
        List.of("INSERT", "MODIFY", "REMOVE"),
        records.stream().map(Record::eventNameAsString).toList());
    assertEquals("aws:dynamodb", records.get(0).eventSource());
    assertEquals("1", records.get(0).dynamodb().newImage().get("n").n());
    assertFalse(records.get(0).dynamodb().hasOldImage());
    assertEquals("1", records.get(1).dynamodb().oldImage().get("n").n());
    assertEquals("2", records.get(1).dynamodb().newImage().get("n").n());
    assertEquals(key, records.get(2).dynamodb().keys());
    assertEquals("NEW_AND_OLD_IMAGES", records.get(2).dynamodb().streamViewTypeAsString());
  }

  /** On-demand table {@code name} keyed by {@code key} (S) with a stream of {@code view}. */
  private String streamTable(String name, String key, StreamViewType view) {
    return db.createTable(
            b ->
                b.tableName(name)
                    .keySchema(k -> k.attributeName(key).keyType(KeyType.HASH))
                    .attributeDefinitions(
                        a -> a.attributeName(key).attributeType(ScalarAttributeType.S))
                    .billingMode("PAY_PER_REQUEST")
                    .streamSpecification(s -> s.streamEnabled(true).streamViewType(view)))
        .tableDescription()
        .latestStreamArn();
  }

  private String events(StreamViewType view) {
    return streamTable("events", "id", view);
  }

  private String trimHorizon(String arn) {
    return trimHorizon(streams, arn);
  }

  /** A TRIM_HORIZON iterator of the first shard of stream {@code arn}. */
  static String trimHorizon(DynamoDbStreamsClient streams, String arn) {
    String shardId =
        streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards().get(0).shardId();
    return streams
        .getShardIterator(
            b ->
                b.streamArn(arn).shardId(shardId).shardIteratorType(ShardIteratorType.TRIM_HORIZON))
        .shardIterator();
  }

  @Test
  void ttlDelete_notBefore48HoursPastExpiry_thenAServiceRemoveFromDynamodbAmazonawsCom() {
    String arn = events(StreamViewType.OLD_IMAGE);
    db.updateTimeToLive(
        b ->
            b.tableName("events")
                .timeToLiveSpecification(t -> t.enabled(true).attributeName("expiresAt")));
    long expiry = sim.now().getEpochSecond() + 60;
    Map<String, AttributeValue> key = Map.of("id", AttributeValue.fromS("a"));
    db.putItem(
        b ->
            b.tableName("events")
                .item(
                    Map.of(
                        "id",
                        AttributeValue.fromS("a"),
                        "expiresAt",
                        AttributeValue.fromN(Long.toString(expiry)))));

    sim.advanceBy(Duration.ofMinutes(1).plus(Duration.ofDays(2)).minusNanos(1));
    assertTrue(
        db.getItem(b -> b.tableName("events").key(key)).hasItem(), "expired, not yet deleted");
    sim.advanceBy(Duration.ofNanos(1));
    assertFalse(db.getItem(b -> b.tableName("events").key(key)).hasItem());

    List<Record> records = streams.getRecords(b -> b.shardIterator(trimHorizon(arn))).records();
    Record removal = records.get(records.size() - 1);
    assertEquals("REMOVE", removal.eventNameAsString());
    assertEquals("Service", removal.userIdentity().type());
    assertEquals("dynamodb.amazonaws.com", removal.userIdentity().principalId());
  }

  @Test
  void getRecords_thirdReaderOfAShard_limitExceededException400() {
    String arn = events(StreamViewType.KEYS_ONLY);
    String first = trimHorizon(arn);
    String second = trimHorizon(arn);
    String third = trimHorizon(arn);
    streams.getRecords(b -> b.shardIterator(first));
    streams.getRecords(b -> b.shardIterator(second));

    LimitExceededException e =
        assertThrows(
            LimitExceededException.class, () -> streams.getRecords(b -> b.shardIterator(third)));

    assertEquals(400, e.statusCode());
    sim.advanceBy(Duration.ofSeconds(1));
    assertNotNull(streams.getRecords(b -> b.shardIterator(third)).nextShardIterator());
  }
}
