package dev.awssim.awssdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.awssim.AwsSimulator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
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
    String arn =
        db.createTable(
                b ->
                    b.tableName("orders")
                        .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                        .attributeDefinitions(
                            a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                        .billingMode("PAY_PER_REQUEST")
                        .streamSpecification(
                            s ->
                                s.streamEnabled(true)
                                    .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)))
            .tableDescription()
            .latestStreamArn();
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
}
