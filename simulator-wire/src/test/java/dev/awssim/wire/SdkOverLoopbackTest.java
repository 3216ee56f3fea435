package dev.awssim.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import dev.awssim.awssdk.RetryMode;
import dev.awssim.awssdk.SimulatedAws;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The same SqsClient, DynamoDbClient, DynamoDbStreamsClient and KinesisClient code, run in-process
 * and through real SDK clients over loopback, gives the same responses, the same errors and the
 * same trace hash for the same seed.
 */
class SdkOverLoopbackTest {
  private static final long SEED = 7;

  private record Clients(
      SqsClient sqs,
      DynamoDbClient dynamoDb,
      DynamoDbStreamsClient streams,
      KinesisClient kinesis,
      AwsSimulator sim) {}

  static String outcome(Supplier<?> call) {
    try {
      return String.valueOf(call.get());
    } catch (AwsServiceException e) {
      return e.getClass().getSimpleName()
          + " "
          + e.awsErrorDetails().errorCode()
          + " "
          + e.statusCode()
          + " "
          + e.awsErrorDetails().errorMessage();
    }
  }

  private static List<String> sqsScript(Clients c) {
    SqsClient sqs = c.sqs();
    List<String> seen = new ArrayList<>();
    String url = sqs.createQueue(b -> b.queueName("orders")).queueUrl();
    seen.add(url);
    seen.add(
        outcome(
            () ->
                sqs.sendMessage(
                    b ->
                        b.queueUrl(url)
                            .messageBody("m1")
                            .messageAttributes(
                                Map.of(
                                    "kind",
                                    MessageAttributeValue.builder()
                                        .dataType("String")
                                        .stringValue("order")
                                        .build(),
                                    "blob",
                                    MessageAttributeValue.builder()
                                        .dataType("Binary")
                                        .binaryValue(SdkBytes.fromUtf8String("\u0001\u0002"))
                                        .build())))));
    seen.add(outcome(() -> sqs.sendMessage(b -> b.queueUrl(url).messageBody("m2"))));
    List<Message> got =
        sqs.receiveMessage(
                b ->
                    b.queueUrl(url)
                        .maxNumberOfMessages(10)
                        .messageAttributeNames("All")
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
            .messages();
    seen.add(got.toString());
    // An empty queue with a long poll: virtual time jumps 20 s.
    seen.add(outcome(() -> sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(20))));
    seen.add(c.sim().now().toString());
    c.sim().advanceBy(Duration.ofSeconds(11));
    seen.add(outcome(() -> sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10))));
    seen.add(
        outcome(
            () ->
                sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(got.get(0).receiptHandle()))));
    seen.add(outcome(() -> sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle("forged"))));
    seen.add(outcome(() -> sqs.getQueueUrl(b -> b.queueName("missing"))));
    seen.add(
        outcome(
            () ->
                sqs.getQueueAttributes(
                    b -> b.queueUrl(url).attributeNames(QueueAttributeName.ALL))));
    seen.add(outcome(() -> sqs.listQueues()));
    return seen;
  }

  private static List<String> dynamoDbScript(Clients c) {
    DynamoDbClient db = c.dynamoDb();
    List<String> seen = new ArrayList<>();
    seen.add(
        outcome(
            () ->
                db.createTable(
                    b ->
                        b.tableName("events")
                            .keySchema(
                                k -> k.attributeName("pk").keyType(KeyType.HASH),
                                k -> k.attributeName("sk").keyType(KeyType.RANGE))
                            .attributeDefinitions(
                                a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                                a -> a.attributeName("sk").attributeType(ScalarAttributeType.N))
                            .streamSpecification(
                                s ->
                                    s.streamEnabled(true)
                                        .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES))
                            .billingMode("PAY_PER_REQUEST"))));
    for (int i = 0; i < 5; i++) {
      int n = i;
      seen.add(
          outcome(
              () ->
                  db.putItem(
                      b ->
                          b.tableName("events")
                              .item(
                                  Map.of(
                                      "pk", AttributeValue.fromS("a"),
                                      "sk", AttributeValue.fromN(Integer.toString(n)),
                                      "tags", AttributeValue.fromSs(List.of("x", "y")),
                                      "doc",
                                          AttributeValue.fromM(
                                              Map.of(
                                                  "l",
                                                  AttributeValue.fromL(
                                                      List.of(
                                                          AttributeValue.fromBool(true),
                                                          AttributeValue.fromNul(true),
                                                          AttributeValue.fromB(
                                                              SdkBytes.fromUtf8String(
                                                                  "b")))))))))));
    }
    seen.add(
        outcome(
            () ->
                db.putItem(
                    b ->
                        b.tableName("events")
                            .item(
                                Map.of(
                                    "pk",
                                    AttributeValue.fromS("a"),
                                    "sk",
                                    AttributeValue.fromN("1")))
                            .conditionExpression("attribute_not_exists(pk)"))));
    seen.add(
        outcome(
            () ->
                db.query(
                    b ->
                        b.tableName("events")
                            .keyConditionExpression("pk = :p")
                            .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("a")))
                            .limit(2)
                            .returnConsumedCapacity("TOTAL"))));
    seen.add(
        outcome(
            () ->
                db.updateItem(
                    b ->
                        b.tableName("events")
                            .key(
                                Map.of(
                                    "pk",
                                    AttributeValue.fromS("a"),
                                    "sk",
                                    AttributeValue.fromN("0")))
                            .updateExpression("SET c = if_not_exists(c, :z) + :one")
                            .expressionAttributeValues(
                                Map.of(
                                    ":z",
                                    AttributeValue.fromN("0"),
                                    ":one",
                                    AttributeValue.fromN("1")))
                            .returnValues("ALL_NEW"))));
    seen.add(outcome(() -> db.getItem(b -> b.tableName("missing").key(Map.of()))));
    seen.add(outcome(() -> db.describeTable(b -> b.tableName("events"))));
    String streamArn = db.describeTable(b -> b.tableName("events")).table().latestStreamArn();
    DynamoDbStreamsClient streams = c.streams();
    seen.add(outcome(() -> streams.describeStream(b -> b.streamArn(streamArn))));
    String shard =
        streams
            .describeStream(b -> b.streamArn(streamArn))
            .streamDescription()
            .shards()
            .get(0)
            .shardId();
    String it =
        streams
            .getShardIterator(
                b -> b.streamArn(streamArn).shardId(shard).shardIteratorType("TRIM_HORIZON"))
            .shardIterator();
    seen.add(outcome(() -> streams.getRecords(b -> b.shardIterator(it))));
    return seen;
  }

  private static List<String> kinesisScript(Clients c) {
    KinesisClient k = c.kinesis();
    List<String> seen = new ArrayList<>();
    seen.add(outcome(() -> k.createStream(b -> b.streamName("s").shardCount(1))));
    c.sim().advanceBy(Duration.ofMinutes(1));
    seen.add(outcome(() -> k.describeStream(b -> b.streamName("s"))));
    seen.add(
        outcome(
            () ->
                k.putRecord(
                    b -> b.streamName("s").partitionKey("p").data(SdkBytes.fromUtf8String("d0")))));
    List<PutRecordsRequestEntry> entries = new ArrayList<>();
    for (int i = 0; i < 1_001; i++) {
      entries.add(
          PutRecordsRequestEntry.builder()
              .partitionKey("p" + i)
              .data(SdkBytes.fromUtf8String("r" + i))
              .build());
    }
    seen.add(outcome(() -> k.putRecords(b -> b.streamName("s").records(entries.subList(0, 500)))));
    seen.add(
        outcome(() -> k.putRecords(b -> b.streamName("s").records(entries.subList(500, 1000)))));
    seen.add(outcome(() -> k.putRecords(b -> b.streamName("s").records(entries.subList(0, 1)))));
    String shard = k.listShards(b -> b.streamName("s")).shards().get(0).shardId();
    String it =
        k.getShardIterator(
                b ->
                    b.streamName("s")
                        .shardId(shard)
                        .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
            .shardIterator();
    seen.add(outcome(() -> k.getRecords(b -> b.shardIterator(it).limit(3))));
    seen.add(outcome(() -> k.describeStream(b -> b.streamName("nope"))));
    seen.add(outcome(() -> k.getRecords(b -> b.shardIterator("garbage"))));
    return seen;
  }

  private static List<String> all(Clients c) {
    List<String> seen = new ArrayList<>();
    seen.addAll(sqsScript(c));
    seen.addAll(dynamoDbScript(c));
    seen.addAll(kinesisScript(c));
    seen.add(c.sim().trace().hash());
    return seen;
  }

  private static List<String> inProcess() {
    AwsSimulator sim = AwsSimulator.withSeed(SEED);
    SimulatedAws aws = SimulatedAws.builder(sim).retryMode(RetryMode.NONE).build();
    return all(
        new Clients(
            aws.sqsClient(),
            aws.dynamoDbClient(),
            aws.dynamoDbStreamsClient(),
            aws.kinesisClient(),
            sim));
  }

  private static List<String> overLoopback() {
    AwsSimulator sim = AwsSimulator.withSeed(SEED);
    try (WireServer server = WireServer.builder().simulator(sim).port(0).start();
        SqsClient sqs = Loopback.sqs(server);
        DynamoDbClient db = Loopback.dynamoDb(server);
        DynamoDbStreamsClient streams = Loopback.dynamoDbStreams(server);
        KinesisClient kinesis = Loopback.kinesis(server)) {
      return all(new Clients(sqs, db, streams, kinesis, sim));
    }
  }

  @Test
  void sameCode_inProcessAndOverLoopback_sameResultsAndTraceHash() {
    List<String> local = inProcess();
    List<String> wire = overLoopback();
    for (int i = 0; i < Math.min(local.size(), wire.size()); i++) {
      assertEquals(local.get(i), wire.get(i), "step " + i);
    }
    assertEquals(local.size(), wire.size());
    assertTrue(local.stream().anyMatch(s -> s.startsWith("ReceiptHandleIsInvalidException")));
    assertTrue(local.stream().anyMatch(s -> s.startsWith("ConditionalCheckFailedException")));
  }

  @Test
  void kinesis_cborOff_sameResultsAsCbor() {
    List<String> cbor = overLoopback();
    String before = System.getProperty("aws.cborEnabled");
    System.setProperty("aws.cborEnabled", "false");
    try {
      assertEquals(cbor, overLoopback());
    } finally {
      if (before == null) {
        System.clearProperty("aws.cborEnabled");
      } else {
        System.setProperty("aws.cborEnabled", before);
      }
    }
  }
}
