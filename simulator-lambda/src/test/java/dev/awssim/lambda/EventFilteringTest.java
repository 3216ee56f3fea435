package dev.awssim.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.awssim.AwsSimulator;
import dev.awssim.dynamodb.AttributeDefinition;
import dev.awssim.dynamodb.AttributeValue;
import dev.awssim.dynamodb.BillingMode;
import dev.awssim.dynamodb.CreateTableRequest;
import dev.awssim.dynamodb.DynamoDb;
import dev.awssim.dynamodb.KeySchemaElement;
import dev.awssim.dynamodb.KeyType;
import dev.awssim.dynamodb.ScalarAttributeType;
import dev.awssim.dynamodb.StreamSpecification;
import dev.awssim.dynamodb.StreamViewType;
import dev.awssim.kinesis.Kinesis;
import dev.awssim.kinesis.PutRecordRequest;
import dev.awssim.sqs.Sqs;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Event filtering of event source mappings at AWS's rules and numbers:
 * https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html,
 * https://docs.aws.amazon.com/lambda/latest/dg/with-sqs-filtering.html,
 * https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis-filtering.html
 */
class EventFilteringTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(3);
  private final Sqs sqs = sim.sqs();
  private final Lambda lambda = Lambda.create(sim);
  private final List<String> bodies = new ArrayList<>();

  private static boolean matches(String pattern, String json) {
    @SuppressWarnings("unchecked")
    Map<String, Object> record = (Map<String, Object>) Json.parse(json);
    return EventFilter.parse(List.of(pattern)).matches(record);
  }

  // ---------------------------------------------------------------- the rules

  @Test
  void exactAndOr_matchOneOfTheValues_arraysInTheRecordMatchOnAnyElement() {
    assertTrue(matches("{\"a\": [\"x\", \"y\"]}", "{\"a\": \"y\"}"));
    assertFalse(matches("{\"a\": [\"x\", \"y\"]}", "{\"a\": \"z\"}"));
    assertTrue(matches("{\"a\": [\"x\"]}", "{\"a\": [\"z\", \"x\"]}"));
    assertTrue(matches("{\"a\": [null]}", "{\"a\": null}"));
    assertFalse(matches("{\"a\": [null]}", "{}"));
    assertTrue(matches("{\"a\": [\"\"]}", "{\"a\": \"\"}"));
    assertTrue(matches("{\"a\": [100]}", "{\"a\": 100.0}"));
    assertFalse(matches("{\"a\": [100]}", "{\"a\": \"100\"}"));
    assertTrue(matches("{\"a\": [true]}", "{\"a\": true}"));
  }

  @Test
  void keys_areAnded_nestedObjectsDescend() {
    String pattern = "{\"a\": [\"x\"], \"b\": {\"c\": [\"y\"]}}";
    assertTrue(matches(pattern, "{\"a\": \"x\", \"b\": {\"c\": \"y\"}}"));
    assertFalse(matches(pattern, "{\"a\": \"x\", \"b\": {\"c\": \"z\"}}"));
    assertFalse(matches(pattern, "{\"a\": \"x\"}"));
    assertFalse(matches(pattern, "{\"a\": \"x\", \"b\": \"y\"}"));
  }

  @Test
  void prefixSuffixEqualsIgnoreCase() {
    assertTrue(matches("{\"a\": [{\"prefix\": \"us-\"}]}", "{\"a\": \"us-east-1\"}"));
    assertFalse(matches("{\"a\": [{\"prefix\": \"us-\"}]}", "{\"a\": \"eu-us-1\"}"));
    assertTrue(matches("{\"a\": [{\"suffix\": \".png\"}]}", "{\"a\": \"cat.png\"}"));
    assertFalse(matches("{\"a\": [{\"suffix\": \".png\"}]}", "{\"a\": \"cat.png.gz\"}"));
    assertTrue(matches("{\"a\": [{\"equals-ignore-case\": \"Blue\"}]}", "{\"a\": \"bLUE\"}"));
    assertFalse(matches("{\"a\": [{\"equals-ignore-case\": \"Blue\"}]}", "{\"a\": \"blues\"}"));
  }

  @Test
  void anythingBut_matchesOtherValues_butNotAMissingField() {
    String pattern = "{\"a\": [{\"anything-but\": [\"x\", \"y\"]}]}";
    assertTrue(matches(pattern, "{\"a\": \"z\"}"));
    assertFalse(matches(pattern, "{\"a\": \"x\"}"));
    assertFalse(matches(pattern, "{}"));
    assertTrue(matches("{\"a\": [{\"anything-but\": {\"prefix\": \"in\"}}]}", "{\"a\": \"out\"}"));
    assertFalse(matches("{\"a\": [{\"anything-but\": {\"prefix\": \"in\"}}]}", "{\"a\": \"int\"}"));
  }

  @Test
  void numericRange_atItsBoundaries() {
    String pattern = "{\"t\": [{\"numeric\": [\">\", 0, \"<=\", 5]}]}";
    assertFalse(matches(pattern, "{\"t\": 0}"));
    assertTrue(matches(pattern, "{\"t\": 0.00001}"));
    assertTrue(matches(pattern, "{\"t\": 5}"));
    assertFalse(matches(pattern, "{\"t\": 5.00001}"));
    assertFalse(matches(pattern, "{\"t\": \"3\"}")); // a string is not a number
    assertTrue(matches("{\"t\": [{\"numeric\": [\"=\", 100]}]}", "{\"t\": 100}"));
    assertFalse(matches("{\"t\": [{\"numeric\": [\">=\", 100]}]}", "{\"t\": 99.99999}"));
  }

  @Test
  void exists_trueNeedsTheField_falseItsAbsence() {
    assertTrue(matches("{\"a\": [{\"exists\": true}]}", "{\"a\": 1}"));
    assertFalse(matches("{\"a\": [{\"exists\": true}]}", "{\"b\": 1}"));
    assertTrue(matches("{\"a\": [{\"exists\": false}]}", "{\"b\": 1}"));
    assertFalse(matches("{\"a\": [{\"exists\": false}]}", "{\"a\": 1}"));
    assertTrue(matches("{\"a\": {\"b\": [{\"exists\": false}]}}", "{}"));
  }

  @Test
  void or_matchesWhenOneAlternativeDoes() {
    String pattern = "{\"$or\": [{\"a\": [\"x\"]}, {\"b\": [{\"numeric\": [\">\", 10]}]}]}";
    assertTrue(matches(pattern, "{\"a\": \"x\"}"));
    assertTrue(matches(pattern, "{\"b\": 11}"));
    assertFalse(matches(pattern, "{\"a\": \"y\", \"b\": 10}"));
  }

  @Test
  void filters_areOred() {
    EventFilter f = EventFilter.parse(List.of("{\"a\": [\"x\"]}", "{\"a\": [\"y\"]}"));
    assertTrue(f.matches(Map.of("a", "y")));
    assertFalse(f.matches(Map.of("a", "z")));
  }

  // ---------------------------------------------------------------- validation

  private String queueArn() {
    String url = sqs.createQueue("orders");
    return sqs.getQueueAttributes(url, List.of("QueueArn")).get("QueueArn");
  }

  private void sqsFunction() {
    RequestHandler<SQSEvent, Object> handler =
        (event, context) -> {
          for (SQSEvent.SQSMessage m : event.getRecords()) {
            bodies.add(m.getBody());
          }
          return null;
        };
    lambda.createFunction(FunctionConfig.of("worker", handler));
  }

  @Test
  void create_fiveFiltersAccepted_sixRefused() {
    sqsFunction();
    String arn = queueArn();
    List<String> six = Collections.nCopies(6, "{\"body\": {\"a\": [\"x\"]}}");
    LambdaException e =
        assertThrows(
            LambdaException.class,
            () ->
                lambda.createEventSourceMapping(
                    EventSourceMappingConfig.of("worker", arn).withFilterPatterns(six)));
    assertEquals("InvalidParameterValueException", e.errorCode());
    assertEquals(List.of(), lambda.listEventSourceMappings(null, null));
    EventSourceMapping m =
        lambda.createEventSourceMapping(
            EventSourceMappingConfig.of("worker", arn).withFilterPatterns(six.subList(0, 5)));
    assertEquals(5, m.config().filterPatterns().size());
  }

  @Test
  void create_patternOf4096CharactersAccepted_4097Refused() {
    String head = "{\"body\": {\"a\": [\"";
    String tail = "\"]}}";
    String exact = head + "x".repeat(4_096 - head.length() - tail.length()) + tail;
    assertEquals(4_096, exact.length());
    EventFilter.parse(List.of(exact));
    String over = head + "x".repeat(4_097 - head.length() - tail.length()) + tail;
    LambdaException e = assertThrows(LambdaException.class, () -> EventFilter.parse(List.of(over)));
    assertEquals("Invalid filter pattern definition.", e.errorMessage());
  }

  @Test
  void create_invalidPatterns_invalidFilterPatternDefinition() {
    List<String> bad =
        List.of(
            "not json",
            "[\"a\"]",
            "{\"a\": \"x\"}",
            "{\"a\": []}",
            "{\"a\": [{\"prefix\": 1}]}",
            "{\"a\": [{\"numeric\": [\">\", \"1\"]}]}",
            "{\"a\": [{\"numeric\": [\"<\", 5, \">\", 1]}]}",
            "{\"a\": [{\"numeric\": [\">\", 5, \"<\", 1]}]}",
            "{\"a\": [{\"exists\": \"yes\"}]}",
            "{\"a\": [{\"wildcard\": \"*\"}]}",
            "{\"$or\": [{\"a\": [\"x\"]}]}");
    for (String p : bad) {
      LambdaException e =
          assertThrows(LambdaException.class, () -> EventFilter.parse(List.of(p)), p);
      assertEquals("InvalidParameterValueException", e.errorCode());
      assertEquals(400, e.statusCode());
      assertEquals("Invalid filter pattern definition.", e.errorMessage());
    }
  }

  // ---------------------------------------------------------------- SQS

  @Test
  void sqs_messagesThatMatchNoFilter_areDeletedFromTheQueue_othersInvoke() {
    sqsFunction();
    String arn = queueArn();
    String url = sqs.getQueueUrl("orders");
    sqs.sendMessage(url, "{\"RequestCode\": \"AAAA\"}");
    sqs.sendMessage(url, "{\"RequestCode\": \"BBBB\"}");
    sqs.sendMessage(url, "plain text");
    lambda.createEventSourceMapping(
        EventSourceMappingConfig.of("worker", arn)
            .withFilterPatterns(List.of("{\"body\": {\"RequestCode\": [\"BBBB\"]}}")));
    sim.advanceBy(Duration.ofSeconds(1));

    assertEquals(List.of("{\"RequestCode\": \"BBBB\"}"), bodies);
    Map<String, String> a =
        sqs.getQueueAttributes(
            url, List.of("ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"));
    assertEquals("0", a.get("ApproximateNumberOfMessages"));
    assertEquals("0", a.get("ApproximateNumberOfMessagesNotVisible"));
  }

  @Test
  void sqs_plainTextBody_matchesAStringRule() {
    sqsFunction();
    String arn = queueArn();
    String url = sqs.getQueueUrl("orders");
    sqs.sendMessage(url, "ping");
    sqs.sendMessage(url, "pong");
    lambda.createEventSourceMapping(
        EventSourceMappingConfig.of("worker", arn)
            .withFilterPatterns(List.of("{\"body\": [\"ping\"]}")));
    sim.advanceBy(Duration.ofSeconds(1));
    assertEquals(List.of("ping"), bodies);
  }

  // ---------------------------------------------------------------- Kinesis

  @Test
  void kinesis_recordsThatMatchNoFilter_areSkipped_andTheCheckpointMovesPastThem() {
    Kinesis kinesis = sim.kinesis();
    List<String> got = new ArrayList<>();
    RequestHandler<KinesisEvent, Object> handler =
        (event, context) -> {
          for (KinesisEvent.KinesisEventRecord r : event.getRecords()) {
            got.add(StandardCharsets.UTF_8.decode(r.getKinesis().getData()).toString());
          }
          return null;
        };
    lambda.createFunction(FunctionConfig.of("reader", handler));
    kinesis.createStream("events", 1);
    sim.advanceBy(Duration.ofMinutes(1));
    for (String d :
        List.of("{\"t\": 1}", "{\"t\": 50}", "not json", "{\"t\": 2}", "{\"t\": 40.5}")) {
      kinesis.putRecord(PutRecordRequest.of("events", d.getBytes(StandardCharsets.UTF_8), "k"));
    }
    EventSourceMapping m =
        lambda.createEventSourceMapping(
            EventSourceMappingConfig.of("reader", kinesis.streamArn("events"))
                .withStartingPosition(EventSourceMappingConfig.StartingPosition.TRIM_HORIZON)
                .withFilterPatterns(List.of("{\"data\": {\"t\": [{\"numeric\": [\">\", 10]}]}}")));
    sim.advanceBy(Duration.ofSeconds(2));
    assertEquals(List.of("{\"t\": 50}", "{\"t\": 40.5}"), got);

    // Disabled and enabled again, the mapping goes on after the last record it read, filtered
    // or not: nothing is read twice.
    lambda.updateEventSourceMapping(m.uuid(), m.config().withEnabled(false));
    sim.advanceBy(Duration.ofSeconds(1));
    kinesis.putRecord(
        PutRecordRequest.of("events", "{\"t\": 11}".getBytes(StandardCharsets.UTF_8), "k"));
    lambda.updateEventSourceMapping(m.uuid(), m.config().withEnabled(true));
    sim.advanceBy(Duration.ofSeconds(3));
    assertEquals(List.of("{\"t\": 50}", "{\"t\": 40.5}", "{\"t\": 11}"), got);
  }

  // ---------------------------------------------------------------- DynamoDB Streams

  @Test
  void dynamodb_filtersOnTheRecordInDynamoDbJson_eventNameAndNewImage() {
    DynamoDb db = sim.dynamoDb();
    List<String> got = new ArrayList<>();
    RequestHandler<DynamodbEvent, Object> handler =
        (event, context) -> {
          for (DynamodbEvent.DynamodbStreamRecord r : event.getRecords()) {
            got.add(r.getEventName() + " " + r.getDynamodb().getKeys().get("id").getS());
          }
          return null;
        };
    lambda.createFunction(FunctionConfig.of("reader", handler));
    db.createTable(
        CreateTableRequest.of("orders")
            .withKeySchema(List.of(new KeySchemaElement("id", KeyType.HASH)))
            .withAttributeDefinitions(List.of(new AttributeDefinition("id", ScalarAttributeType.S)))
            .withBillingMode(BillingMode.PAY_PER_REQUEST)
            .withStreamSpecification(new StreamSpecification(true, StreamViewType.NEW_IMAGE)));
    db.putItem("orders", Map.of("id", AttributeValue.s("a"), "status", AttributeValue.s("NEW")));
    db.putItem("orders", Map.of("id", AttributeValue.s("b"), "status", AttributeValue.s("OLD")));
    db.putItem("orders", Map.of("id", AttributeValue.s("a"), "status", AttributeValue.s("NEW")));
    lambda.createEventSourceMapping(
        EventSourceMappingConfig.of("reader", db.describeTable("orders").latestStreamArn())
            .withStartingPosition(EventSourceMappingConfig.StartingPosition.TRIM_HORIZON)
            .withFilterPatterns(
                List.of(
                    "{\"eventName\": [\"INSERT\"],"
                        + " \"dynamodb\": {\"NewImage\": {\"status\": {\"S\": [\"NEW\"]}}}}")));
    sim.advanceBy(Duration.ofSeconds(1));
    // b is OLD, and the second write of a is a MODIFY
    assertEquals(List.of("INSERT a"), got);
  }
}
