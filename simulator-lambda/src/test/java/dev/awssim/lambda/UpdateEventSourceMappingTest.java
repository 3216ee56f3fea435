package dev.awssim.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.awssim.AwsSimulator;
import dev.awssim.kinesis.Kinesis;
import dev.awssim.kinesis.PutRecordRequest;
import dev.awssim.sqs.Sqs;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * CreateEventSourceMapping's visibility-timeout check and UpdateEventSourceMapping:
 * https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html,
 * https://docs.aws.amazon.com/lambda/latest/api/API_UpdateEventSourceMapping.html
 */
class UpdateEventSourceMappingTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(21);
  private final Sqs sqs = sim.sqs();
  private final Lambda lambda = Lambda.create(sim);
  private final List<String> seenBy = new ArrayList<>();
  private final List<Integer> batchSizes = new ArrayList<>();

  private void function(String name, Duration timeout) {
    RequestHandler<SQSEvent, Object> handler =
        (event, context) -> {
          for (int i = 0; i < event.getRecords().size(); i++) {
            seenBy.add(name);
          }
          batchSizes.add(event.getRecords().size());
          return null;
        };
    lambda.createFunction(FunctionConfig.of(name, handler).withTimeout(timeout));
  }

  private String queueArn(String name, int visibilitySeconds) {
    String url =
        sqs.createQueue(name, Map.of("VisibilityTimeout", Integer.toString(visibilitySeconds)));
    return sqs.getQueueAttributes(url, List.of("QueueArn")).get("QueueArn");
  }

  private void send(String queue, int count) {
    String url = sqs.getQueueUrl(queue);
    for (int i = 0; i < count; i++) {
      sqs.sendMessage(url, "m" + i);
    }
  }

  // ---------------------------------------------------------------- visibility vs timeout

  @Test
  void create_queueVisibilityEqualToFunctionTimeout_accepted() {
    function("worker", Duration.ofMinutes(2));
    EventSourceMapping m =
        lambda.createEventSourceMapping(
            EventSourceMappingConfig.of("worker", queueArn("jobs", 120)));
    assertEquals("Enabled", m.state());
  }

  @Test
  void create_queueVisibilityOneSecondBelowFunctionTimeout_refusedAndNothingCreated() {
    function("worker", Duration.ofMinutes(2));
    String arn = queueArn("jobs", 119);
    LambdaException e =
        assertThrows(
            LambdaException.class,
            () -> lambda.createEventSourceMapping(EventSourceMappingConfig.of("worker", arn)));
    assertEquals("InvalidParameterValueException", e.errorCode());
    assertEquals(400, e.statusCode());
    assertEquals(
        "Queue visibility timeout: 119 seconds is less than Function timeout: 120 seconds",
        e.errorMessage());
    assertEquals(List.of(), lambda.listEventSourceMappings(null, null));
  }

  @Test
  void update_toAFunctionWhoseTimeoutExceedsTheVisibility_refusedAndUnchanged() {
    function("quick", Duration.ofSeconds(30));
    function("slow", Duration.ofSeconds(31));
    EventSourceMapping m =
        lambda.createEventSourceMapping(EventSourceMappingConfig.of("quick", queueArn("jobs", 30)));
    LambdaException e =
        assertThrows(
            LambdaException.class,
            () -> lambda.updateEventSourceMapping(m.uuid(), m.config().withFunctionName("slow")));
    assertEquals("InvalidParameterValueException", e.errorCode());
    assertEquals(m, lambda.getEventSourceMapping(m.uuid()));
  }

  @Test
  void update_afterTheQueueVisibilityWasLowered_refused() {
    function("worker", Duration.ofSeconds(60));
    EventSourceMapping m =
        lambda.createEventSourceMapping(
            EventSourceMappingConfig.of("worker", queueArn("jobs", 60)));
    sqs.setQueueAttributes(sqs.getQueueUrl("jobs"), Map.of("VisibilityTimeout", "59"));
    LambdaException e =
        assertThrows(
            LambdaException.class,
            () -> lambda.updateEventSourceMapping(m.uuid(), m.config().withBatchSize(5)));
    assertEquals(
        "Queue visibility timeout: 59 seconds is less than Function timeout: 60 seconds",
        e.errorMessage());
  }

  // ---------------------------------------------------------------- Updating -> Enabled

  @Test
  void update_answersUpdating_thenAppliesAfterOneSecond_asEnabled() {
    function("worker", Duration.ofSeconds(3));
    EventSourceMapping m =
        lambda.createEventSourceMapping(
            EventSourceMappingConfig.of("worker", queueArn("jobs", 30)));
    EventSourceMapping updating =
        lambda.updateEventSourceMapping(m.uuid(), m.config().withBatchSize(2));
    assertEquals("Updating", updating.state());
    assertEquals(2, updating.config().batchSize());

    send("jobs", 4); // still read with the old batch size
    sim.advanceBy(Duration.ofMillis(500));
    assertEquals(List.of(4), batchSizes);
    sim.advanceBy(Duration.ofMillis(499));
    assertEquals("Updating", lambda.getEventSourceMapping(m.uuid()).state());
    sim.advanceBy(Duration.ofMillis(1));
    assertEquals("Enabled", lambda.getEventSourceMapping(m.uuid()).state());
    send("jobs", 4);
    sim.advanceBy(Duration.ofSeconds(1));
    assertEquals(List.of(4, 2, 2), batchSizes);
  }

  @Test
  void updateOrDelete_whileUpdating_resourceInUse() {
    function("worker", Duration.ofSeconds(3));
    EventSourceMapping m =
        lambda.createEventSourceMapping(
            EventSourceMappingConfig.of("worker", queueArn("jobs", 30)));
    lambda.updateEventSourceMapping(m.uuid(), m.config().withBatchSize(2));

    LambdaException update =
        assertThrows(
            LambdaException.class,
            () -> lambda.updateEventSourceMapping(m.uuid(), m.config().withBatchSize(3)));
    assertEquals("ResourceInUseException", update.errorCode());
    assertEquals(400, update.statusCode());
    LambdaException delete =
        assertThrows(LambdaException.class, () -> lambda.deleteEventSourceMapping(m.uuid()));
    assertEquals("ResourceInUseException", delete.errorCode());

    sim.advanceBy(LambdaLimits.MAPPING_UPDATE_DELAY);
    assertEquals(2, lambda.getEventSourceMapping(m.uuid()).config().batchSize());
    assertEquals("Deleting", lambda.deleteEventSourceMapping(m.uuid()).state());
  }

  @Test
  void update_outsideCreatesRanges_invalidParameterValue_andUnchanged() {
    function("worker", Duration.ofSeconds(3));
    EventSourceMapping m =
        lambda.createEventSourceMapping(
            EventSourceMappingConfig.of("worker", queueArn("jobs", 30)));
    List<EventSourceMappingConfig> bad =
        List.of(
            m.config().withBatchSize(10_001).withMaximumBatchingWindow(Duration.ofSeconds(1)),
            m.config().withBatchSize(11),
            m.config().withMaximumBatchingWindow(Duration.ofSeconds(301)),
            m.config().withMaximumConcurrency(1),
            m.config().withMaximumConcurrency(1_001),
            m.config().withMaximumRetryAttempts(1),
            m.config().withTumblingWindow(Duration.ofSeconds(60)),
            m.config().withFilterPatterns(List.of("{\"body\": \"x\"}")));
    for (EventSourceMappingConfig c : bad) {
      LambdaException e =
          assertThrows(LambdaException.class, () -> lambda.updateEventSourceMapping(m.uuid(), c));
      assertEquals("InvalidParameterValueException", e.errorCode(), c.toString());
      assertEquals(m, lambda.getEventSourceMapping(m.uuid()));
    }
    // the boundaries themselves are accepted
    assertEquals(
        10_000,
        lambda
            .updateEventSourceMapping(
                m.uuid(),
                m.config()
                    .withBatchSize(10_000)
                    .withMaximumBatchingWindow(Duration.ofMinutes(5))
                    .withMaximumConcurrency(2))
            .config()
            .batchSize());
  }

  @Test
  void update_functionName_sendsLaterBatchesToTheOtherFunction() {
    function("old", Duration.ofSeconds(3));
    function("new", Duration.ofSeconds(3));
    EventSourceMapping m =
        lambda.createEventSourceMapping(EventSourceMappingConfig.of("old", queueArn("jobs", 30)));
    send("jobs", 1);
    EventSourceMapping updated =
        lambda.updateEventSourceMapping(m.uuid(), m.config().withFunctionName("new"));
    assertEquals(lambda.getFunction("new").functionArn(), updated.functionArn());
    sim.advanceBy(Duration.ofSeconds(1));
    send("jobs", 1);
    sim.advanceBy(Duration.ofSeconds(1));
    assertEquals(List.of("old", "new"), seenBy);
  }

  @Test
  void update_disabled_stopsPolling_enabledAgain_resumes() {
    function("worker", Duration.ofSeconds(3));
    EventSourceMapping m =
        lambda.createEventSourceMapping(
            EventSourceMappingConfig.of("worker", queueArn("jobs", 30)));
    lambda.updateEventSourceMapping(m.uuid(), m.config().withEnabled(false));
    sim.advanceBy(Duration.ofSeconds(1));
    assertEquals("Disabled", lambda.getEventSourceMapping(m.uuid()).state());
    send("jobs", 3);
    sim.advanceBy(Duration.ofMinutes(5));
    assertEquals(List.of(), seenBy);

    lambda.updateEventSourceMapping(m.uuid(), m.config().withEnabled(true));
    sim.advanceBy(Duration.ofSeconds(1));
    assertEquals("Enabled", lambda.getEventSourceMapping(m.uuid()).state());
    assertEquals(3, seenBy.size());
  }

  // ---------------------------------------------------------------- streams

  @Test
  void kinesis_disabledLongerThanAnIteratorLives_resumesFromTheCheckpoint_noLossNoRepeat() {
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
    EventSourceMapping m =
        lambda.createEventSourceMapping(
            EventSourceMappingConfig.of("reader", kinesis.streamArn("events"))
                .withStartingPosition(EventSourceMappingConfig.StartingPosition.TRIM_HORIZON));
    for (String d : List.of("a", "b")) {
      kinesis.putRecord(PutRecordRequest.of("events", d.getBytes(StandardCharsets.UTF_8), "k"));
    }
    sim.advanceBy(Duration.ofSeconds(2));
    assertEquals(List.of("a", "b"), got);

    lambda.updateEventSourceMapping(m.uuid(), m.config().withEnabled(false));
    sim.advanceBy(Duration.ofSeconds(1));
    for (String d : List.of("c", "d")) {
      kinesis.putRecord(PutRecordRequest.of("events", d.getBytes(StandardCharsets.UTF_8), "k"));
    }
    sim.advanceBy(Duration.ofMinutes(10)); // longer than a shard iterator's 5 minutes
    assertEquals(List.of("a", "b"), got);

    lambda.updateEventSourceMapping(m.uuid(), m.config().withEnabled(true));
    sim.advanceBy(Duration.ofSeconds(3));
    assertEquals(List.of("a", "b", "c", "d"), got);
  }
}
