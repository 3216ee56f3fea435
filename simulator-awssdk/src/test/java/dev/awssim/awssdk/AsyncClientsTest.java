package dev.awssim.awssdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import dev.awssim.internal.SimulatorAccess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbAsyncTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsAsyncClient;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/** The Kinesis and DynamoDB async clients, stepped: futures complete on virtual time. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AsyncClientsTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(23);
  private final SimulatedAws aws = SimulatedAws.from(sim);

  private static Throwable failure(CompletableFuture<?> f) {
    assertTrue(f.isCompletedExceptionally(), "completed exceptionally");
    return assertThrows(CompletionException.class, f::join).getCause();
  }

  private String trimHorizon(KinesisAsyncClient kinesis, String stream) {
    String shardId = kinesis.listShards(b -> b.streamName(stream)).join().shards().get(0).shardId();
    return kinesis
        .getShardIterator(
            b ->
                b.streamName(stream)
                    .shardId(shardId)
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
        .join()
        .shardIterator();
  }

  /** A one-shard stream "s" read 5 times at t=0: the iterator for a sixth read in that second. */
  private String afterFiveGetRecords(KinesisAsyncClient kinesis) {
    kinesis.createStream(b -> b.streamName("s").shardCount(1)).join();
    String it = trimHorizon(kinesis, "s");
    for (int i = 0; i < 5; i++) {
      String current = it;
      it = kinesis.getRecords(b -> b.shardIterator(current)).join().nextShardIterator();
    }
    String sixth = it;
    return sixth;
  }

  @Test
  void kinesis_putThenGetRecords_returnsDataInOrder() {
    KinesisAsyncClient kinesis = aws.kinesisAsyncClient();
    kinesis.createStream(b -> b.streamName("s").shardCount(1)).join();
    for (int i = 0; i < 3; i++) {
      int n = i;
      kinesis
          .putRecord(
              b -> b.streamName("s").partitionKey("k").data(SdkBytes.fromUtf8String("r" + n)))
          .join();
    }

    GetRecordsResponse r =
        kinesis.getRecords(b -> b.shardIterator(trimHorizon(kinesis, "s"))).join();

    List<String> data = new ArrayList<>();
    r.records().forEach(rec -> data.add(rec.data().asUtf8String()));
    assertEquals(List.of("r0", "r1", "r2"), data);
  }

  @Test
  void kinesis_sixthGetRecordsInOneSecond_retryCompletesOnlyPastTheWindow() {
    KinesisAsyncClient kinesis = aws.kinesisAsyncClient();
    String sixth = afterFiveGetRecords(kinesis);

    CompletableFuture<GetRecordsResponse> f = kinesis.getRecords(b -> b.shardIterator(sixth));
    assertFalse(f.isDone(), "5 GetRecords calls per second per shard: the sixth backs off");
    assertEquals(Duration.ZERO, sim.clock().elapsed(), "no thread moved time");
    while (!f.isDone()) {
      assertTrue(SimulatorAccess.scheduler(sim).step());
    }

    assertTrue(sim.clock().nanos() >= Duration.ofSeconds(1).toNanos(), "t=" + sim.now());
    assertTrue(f.join().records().isEmpty());
  }

  @Test
  void kinesis_noRetryClient_sixthGetRecords_failsWithTheSdkException() {
    KinesisAsyncClient kinesis =
        SimulatedAws.builder(sim).retryMode(RetryMode.NONE).build().kinesisAsyncClient();
    String sixth = afterFiveGetRecords(kinesis);

    Throwable e = failure(kinesis.getRecords(b -> b.shardIterator(sixth)));

    ProvisionedThroughputExceededException p =
        assertInstanceOf(ProvisionedThroughputExceededException.class, e);
    assertEquals(400, p.statusCode());
    assertTrue(p.isThrottlingException());
  }

  private static void createTable(DynamoDbAsyncClient db, String name) {
    db.createTable(
            b ->
                b.tableName(name)
                    .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                    .attributeDefinitions(
                        a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                    .billingMode("PAY_PER_REQUEST")
                    .streamSpecification(
                        s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)))
        .join();
  }

  @Test
  void dynamoDb_putGetAndFailedCondition_behaveAsTheSyncClient() {
    DynamoDbAsyncClient db = aws.dynamoDbAsyncClient();
    createTable(db, "tbl");
    Map<String, AttributeValue> item =
        Map.of("id", AttributeValue.fromS("a"), "n", AttributeValue.fromN("1"));
    db.putItem(b -> b.tableName("tbl").item(item)).join();

    assertEquals(
        item, db.getItem(b -> b.tableName("tbl").key(Map.of("id", item.get("id")))).join().item());
    Throwable e =
        failure(
            db.putItem(
                b ->
                    b.tableName("tbl").item(item).conditionExpression("attribute_not_exists(id)")));
    assertInstanceOf(ConditionalCheckFailedException.class, e);
    assertInstanceOf(
        ResourceNotFoundException.class, failure(db.describeTable(b -> b.tableName("none"))));
  }

  @Test
  void dynamoDbStreams_listAndDescribe_seeTheTablesStream() {
    createTable(aws.dynamoDbAsyncClient(), "tbl");
    DynamoDbStreamsAsyncClient streams = aws.dynamoDbStreamsAsyncClient();

    String arn = streams.listStreams(b -> b.tableName("tbl")).join().streams().get(0).streamArn();

    assertEquals(
        "tbl",
        streams.describeStream(b -> b.streamArn(arn)).join().streamDescription().tableName());
  }

  @Test
  void enhancedAsync_beanRoundTrip() {
    DynamoDbAsyncTable<Customer> customers =
        aws.dynamoDbEnhancedAsyncClient().table("customers", TableSchema.fromBean(Customer.class));
    customers.createTable().join();
    customers.putItem(new Customer("c1", "Ada", "London", 3)).join();

    Customer ada = customers.getItem(Key.builder().partitionValue("c1").build()).join();

    assertEquals("Ada", ada.getName());
    assertEquals(3, ada.getOrders());
  }
}
