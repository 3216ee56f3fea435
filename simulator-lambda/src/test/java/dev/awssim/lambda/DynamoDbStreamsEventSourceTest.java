package dev.awssim.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import dev.awssim.AwsSimulator;
import dev.awssim.dynamodb.AttributeDefinition;
import dev.awssim.dynamodb.AttributeValue;
import dev.awssim.dynamodb.BillingMode;
import dev.awssim.dynamodb.CreateTableRequest;
import dev.awssim.dynamodb.DeleteItemRequest;
import dev.awssim.dynamodb.DynamoDb;
import dev.awssim.dynamodb.KeySchemaElement;
import dev.awssim.dynamodb.KeyType;
import dev.awssim.dynamodb.ScalarAttributeType;
import dev.awssim.dynamodb.StreamSpecification;
import dev.awssim.dynamodb.StreamViewType;
import dev.awssim.sqs.Message;
import dev.awssim.sqs.ReceiveMessageRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The DynamoDB Streams event source mapping at AWS's numbers:
 * https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html,
 * https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html. The batch rules
 * both stream sources share (bisecting, record age, partial batch responses) run on the same
 * machinery and are tested once, in {@link KinesisEventSourceTest}.
 */
class DynamoDbStreamsEventSourceTest {
  private static final EventSourceMappingConfig.StartingPosition TRIM_HORIZON =
      EventSourceMappingConfig.StartingPosition.TRIM_HORIZON;

  private final AwsSimulator sim =
      AwsSimulator.builder().seed(7).accountId("123456789012").region("eu-west-2").build();
  private final DynamoDb db = sim.dynamoDb();
  private final Lambda lambda = Lambda.create(sim);
  private final List<List<String>> batches = new ArrayList<>();
  private final List<DynamodbEvent.DynamodbStreamRecord> seen = new ArrayList<>();
  private final List<String> succeeded = new ArrayList<>();
  private final List<Instant> invokedAt = new ArrayList<>();
  private String streamArn;

  /** A function that fails any batch holding the item "poison", else answers {@code answer}. */
  private void function(Function<DynamodbEvent, Object> answer) {
    RequestHandler<DynamodbEvent, Object> handler =
        (event, context) -> {
          List<String> ids = new ArrayList<>();
          for (DynamodbEvent.DynamodbStreamRecord r : event.getRecords()) {
            ids.add(r.getDynamodb().getKeys().get("id").getS());
          }
          seen.addAll(event.getRecords());
          batches.add(ids);
          invokedAt.add(sim.now());
          if (ids.contains("poison")) {
            throw new IllegalStateException("poison");
          }
          Object response = answer.apply(event);
          if (response == null) {
            succeeded.addAll(ids);
          }
          return response;
        };
    lambda.createFunction(FunctionConfig.of("reader", handler));
  }

  private void table(StreamViewType view) {
    db.createTable(
        CreateTableRequest.of("orders")
            .withKeySchema(List.of(new KeySchemaElement("id", KeyType.HASH)))
            .withAttributeDefinitions(List.of(new AttributeDefinition("id", ScalarAttributeType.S)))
            .withBillingMode(BillingMode.PAY_PER_REQUEST)
            .withStreamSpecification(new StreamSpecification(true, view)));
    streamArn = db.describeTable("orders").latestStreamArn();
  }

  private void put(String... ids) {
    for (String id : ids) {
      db.putItem("orders", Map.of("id", AttributeValue.s(id), "v", AttributeValue.n(1)));
    }
  }

  private EventSourceMapping map(Function<EventSourceMappingConfig, EventSourceMappingConfig> f) {
    return lambda.createEventSourceMapping(
        f.apply(
            EventSourceMappingConfig.of("reader", streamArn).withStartingPosition(TRIM_HORIZON)));
  }

  @Test
  void batch_carriesTheFieldsAwsFills_insertModifyRemove() {
    function(e -> null);
    table(StreamViewType.NEW_AND_OLD_IMAGES);
    db.putItem("orders", Map.of("id", AttributeValue.s("a"), "v", AttributeValue.n(1)));
    db.putItem("orders", Map.of("id", AttributeValue.s("a"), "v", AttributeValue.n(2)));
    db.deleteItem(DeleteItemRequest.of("orders", Map.of("id", AttributeValue.s("a"))));
    map(c -> c);

    assertEquals(1, batches.size());
    assertEquals(
        List.of("INSERT", "MODIFY", "REMOVE"),
        seen.stream().map(DynamodbEvent.DynamodbStreamRecord::getEventName).toList());
    DynamodbEvent.DynamodbStreamRecord modify = seen.get(1);
    assertEquals("aws:dynamodb", modify.getEventSource());
    assertEquals("1.1", modify.getEventVersion());
    assertEquals("eu-west-2", modify.getAwsRegion());
    assertEquals(streamArn, modify.getEventSourceARN());
    assertTrue(modify.getEventID() != null && !modify.getEventID().isEmpty());
    assertEquals("NEW_AND_OLD_IMAGES", modify.getDynamodb().getStreamViewType());
    assertEquals("1", modify.getDynamodb().getOldImage().get("v").getN());
    assertEquals("2", modify.getDynamodb().getNewImage().get("v").getN());
    assertTrue(modify.getDynamodb().getSizeBytes() > 0);
    assertTrue(modify.getDynamodb().getApproximateCreationDateTime() != null);
    assertTrue(
        seen.get(0)
                .getDynamodb()
                .getSequenceNumber()
                .compareTo(modify.getDynamodb().getSequenceNumber())
            < 0);
    assertNull(seen.get(0).getDynamodb().getOldImage());
    assertNull(seen.get(2).getDynamodb().getNewImage());
  }

  @Test
  void polling_fourTimesPerSecond_aNewRecordWaitsForTheNext250msPoll() {
    function(e -> null);
    table(StreamViewType.KEYS_ONLY);
    map(c -> c);
    sim.advanceBy(Duration.ofMillis(10));
    put("a");

    sim.advanceBy(Duration.ofMillis(239)); // t = 249 ms
    assertTrue(batches.isEmpty());
    sim.advanceBy(Duration.ofMillis(1)); // t = 250 ms
    assertEquals(List.of(List.of("a")), batches);
  }

  @Test
  void startingPosition_latest_skipsRecordsWrittenBefore_trimHorizonReadsThem() {
    function(e -> null);
    table(StreamViewType.KEYS_ONLY);
    put("old");
    map(c -> c.withStartingPosition(EventSourceMappingConfig.StartingPosition.LATEST));
    put("new");
    sim.advanceBy(Duration.ofSeconds(1));

    assertEquals(List.of("new"), succeeded);
  }

  @Test
  void startingPosition_atTimestamp_invalidParameterValue() {
    function(e -> null);
    table(StreamViewType.KEYS_ONLY);
    LambdaException e =
        assertThrows(
            LambdaException.class, () -> map(c -> c.withStartingPositionTimestamp(sim.now())));
    assertEquals("InvalidParameterValueException", e.errorCode());
    assertTrue(lambda.listEventSourceMappings("reader", null).isEmpty());
  }

  @Test
  void create_unknownStream_invalidParameterValue() {
    function(e -> null);
    table(StreamViewType.KEYS_ONLY);
    streamArn = streamArn + "x";
    LambdaException e = assertThrows(LambdaException.class, () -> map(c -> c));
    assertEquals(400, e.statusCode());
  }

  @Test
  void maximumRetryAttempts_2_threeAttemptsThenDiscarded_withDdbStreamBatchInfo() {
    function(e -> null);
    String dlq = sim.sqs().createQueue("failures");
    String dlqArn = sim.sqs().getQueueAttributes(dlq, List.of("QueueArn")).get("QueueArn");
    table(StreamViewType.KEYS_ONLY);
    put("poison", "after");
    map(c -> c.withBatchSize(1).withMaximumRetryAttempts(2).withOnFailureDestination(dlqArn));

    sim.advanceBy(Duration.ofMillis(1_999));
    assertEquals(2, batches.size());
    sim.advanceBy(Duration.ofMillis(1));
    assertEquals(List.of("after"), succeeded);
    assertEquals(4, batches.size()); // 1 attempt + 2 retries, then "after"

    List<Message> records =
        sim.sqs()
            .receiveMessage(ReceiveMessageRequest.builder(dlq).waitTimeSeconds(0).build())
            .messages();
    assertEquals(1, records.size());
    String body = records.get(0).body();
    assertTrue(body.contains("\"condition\":\"RetryAttemptsExhausted\""), body);
    assertTrue(body.contains("\"approximateInvokeCount\":3"), body);
    assertTrue(body.contains("\"DDBStreamBatchInfo\":{\"shardId\":"), body);
    assertTrue(body.contains("\"streamArn\":\"" + streamArn + "\""), body);
  }

  @Test
  void parallelizationFactor_keepsOrderPerItem() {
    RequestHandler<DynamodbEvent, Object> handler =
        (event, context) -> {
          for (DynamodbEvent.DynamodbStreamRecord r : event.getRecords()) {
            succeeded.add(
                r.getDynamodb().getKeys().get("id").getS()
                    + "="
                    + r.getDynamodb().getNewImage().get("v").getN());
          }
          return null;
        };
    lambda.createFunction(
        FunctionConfig.of("reader", handler)
            .withDuration(DurationModel.fixed(Duration.ofSeconds(1))));
    table(StreamViewType.NEW_IMAGE);
    for (int i = 0; i < 20; i++) {
      db.putItem("orders", Map.of("id", AttributeValue.s("k" + (i % 4)), "v", AttributeValue.n(i)));
    }
    map(c -> c.withBatchSize(1).withParallelizationFactor(4));

    assertTrue(lambda.concurrentExecutions("reader") > 1);
    sim.advanceBy(Duration.ofSeconds(30));
    assertEquals(20, succeeded.size());
    for (int k = 0; k < 4; k++) {
      String key = "k" + k;
      List<Integer> values =
          succeeded.stream()
              .filter(s -> s.startsWith(key + "="))
              .map(s -> Integer.parseInt(s.substring(key.length() + 1)))
              .toList();
      assertEquals(values.stream().sorted().toList(), values);
    }
  }
}
