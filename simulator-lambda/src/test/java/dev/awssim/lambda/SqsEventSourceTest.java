package dev.awssim.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.awssim.AwsSimulator;
import dev.awssim.engine.metrics.Dimensions;
import dev.awssim.engine.metrics.MetricKey;
import dev.awssim.sqs.MessageAttributeValue;
import dev.awssim.sqs.SendMessageRequest;
import dev.awssim.sqs.Sqs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The SQS event source mapping at AWS's numbers:
 * https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html,
 * https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-scaling.html,
 * https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html
 */
class SqsEventSourceTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(11);
  private final Sqs sqs = sim.sqs();
  private final Lambda lambda = Lambda.create(sim);
  private final List<SQSEvent.SQSMessage> seen = new ArrayList<>();
  private final List<Integer> batchSizes = new ArrayList<>();

  /** A function whose handler records what it gets and answers {@code answer}. */
  private void function(Duration duration, Duration timeout, Function<SQSEvent, Object> answer) {
    RequestHandler<SQSEvent, Object> handler =
        (event, context) -> {
          seen.addAll(event.getRecords());
          batchSizes.add(event.getRecords().size());
          return answer.apply(event);
        };
    lambda.createFunction(
        FunctionConfig.of("worker", handler)
            .withTimeout(timeout)
            .withDuration(DurationModel.fixed(duration)));
  }

  private String queue(String name, Map<String, String> attributes) {
    return sqs.createQueue(name, attributes);
  }

  private String arn(String url) {
    return sqs.getQueueAttributes(url, List.of("QueueArn")).get("QueueArn");
  }

  private void send(String url, int count) {
    for (int i = 0; i < count; i++) {
      sqs.sendMessage(url, "m" + i);
    }
  }

  private int attribute(String url, String name) {
    return Integer.parseInt(sqs.getQueueAttributes(url, List.of(name)).get(name));
  }

  private EventSourceMapping map(
      String url, Function<EventSourceMappingConfig, EventSourceMappingConfig> f) {
    return lambda.createEventSourceMapping(
        f.apply(EventSourceMappingConfig.of("worker", arn(url))));
  }

  @Test
  void pollers_startAtFive_thenAdd300PerMinute() {
    function(Duration.ofMinutes(10), Duration.ofMinutes(15), e -> null);
    String url = queue("backlog", Map.of("VisibilityTimeout", "43200"));
    send(url, 5_000);
    map(url, c -> c);

    assertEquals(5, lambda.concurrentExecutions("worker"));
    sim.advanceBy(Duration.ofMillis(999));
    assertEquals(5, lambda.concurrentExecutions("worker"));
    sim.advanceBy(Duration.ofMillis(1));
    assertEquals(10, lambda.concurrentExecutions("worker"));
    sim.advanceBy(Duration.ofSeconds(59));
    assertEquals(5 + 300, lambda.concurrentExecutions("worker"));
  }

  @Test
  void pollers_capAt1000ConcurrentBatches() {
    lambda.createFunction(
        FunctionConfig.of("worker", (RequestHandler<SQSEvent, Object>) (e, c) -> null)
            .withTimeout(Duration.ofMinutes(15))
            .withDuration(DurationModel.fixed(Duration.ofMinutes(10))));
    String url = queue("huge", Map.of("VisibilityTimeout", "43200"));
    send(url, 12_000);
    map(url, c -> c);

    sim.advanceBy(Duration.ofMinutes(5));
    assertEquals(1_000, lambda.concurrentExecutions("worker"));
  }

  @Test
  void success_deletesTheBatch_withTheFieldsAwsFills() {
    function(Duration.ofSeconds(1), Duration.ofSeconds(3), e -> null);
    String url = queue("orders", Map.of());
    sqs.sendMessage(
        SendMessageRequest.builder(url, "hello")
            .messageAttributes(Map.of("tenant", MessageAttributeValue.ofString("acme")))
            .build());
    map(url, c -> c);
    sim.advanceBy(Duration.ofSeconds(1));

    assertEquals(1, seen.size());
    SQSEvent.SQSMessage m = seen.get(0);
    assertEquals("hello", m.getBody());
    assertEquals("aws:sqs", m.getEventSource());
    assertEquals(arn(url), m.getEventSourceArn());
    assertEquals(sim.account().region(), m.getAwsRegion());
    assertEquals("1", m.getAttributes().get("ApproximateReceiveCount"));
    assertTrue(m.getAttributes().containsKey("SentTimestamp"));
    assertEquals("acme", m.getMessageAttributes().get("tenant").getStringValue());
    assertEquals("String", m.getMessageAttributes().get("tenant").getDataType());
    assertEquals(0, attribute(url, "ApproximateNumberOfMessages"));
    assertEquals(0, attribute(url, "ApproximateNumberOfMessagesNotVisible"));
  }

  @Test
  void functionError_messageReturnsAfterVisibilityTimeout_thenMaxReceiveCountMovesItToDlq() {
    function(
        Duration.ZERO,
        Duration.ofSeconds(3),
        e -> {
          throw new IllegalStateException("poison");
        });
    String dlq = queue("orders-dlq", Map.of());
    String url =
        queue(
            "orders",
            Map.of(
                "VisibilityTimeout",
                "30",
                "RedrivePolicy",
                "{\"deadLetterTargetArn\":\"" + arn(dlq) + "\",\"maxReceiveCount\":\"2\"}"));
    sqs.sendMessage(url, "bad");
    map(url, c -> c);

    assertEquals(1, seen.size());
    sim.advanceBy(Duration.ofMillis(29_999));
    assertEquals(1, seen.size()); // still in flight: the batch was not deleted
    sim.advanceBy(Duration.ofMillis(1));
    assertEquals(2, seen.size());
    assertEquals("2", seen.get(1).getAttributes().get("ApproximateReceiveCount"));
    sim.advanceBy(Duration.ofSeconds(30));
    assertEquals(2, seen.size());
    assertEquals(1, attribute(dlq, "ApproximateNumberOfMessages"));
  }

  /** Three messages in one batch to a handler that reports the one at {@code index} as failed. */
  private String batchReportingFailureOf(int index, boolean reportBatchItemFailures) {
    function(
        Duration.ZERO,
        Duration.ofSeconds(3),
        e ->
            new SQSBatchResponse(
                List.of(
                    new SQSBatchResponse.BatchItemFailure(
                        e.getRecords().get(index).getMessageId()))));
    String url = queue("orders", Map.of("VisibilityTimeout", "30"));
    send(url, 3);
    map(url, c -> c.withReportBatchItemFailures(reportBatchItemFailures));
    sim.advanceBy(Duration.ZERO); // the invocation ends at the same instant
    return url;
  }

  @Test
  void reportBatchItemFailures_onlyTheReportedMessageStays() {
    String url = batchReportingFailureOf(1, true);

    assertEquals(List.of(3), batchSizes);
    assertEquals(0, attribute(url, "ApproximateNumberOfMessages"));
    assertEquals(1, attribute(url, "ApproximateNumberOfMessagesNotVisible"));
    sim.advanceBy(Duration.ofSeconds(30));
    assertEquals(List.of(3, 1), batchSizes);
    assertEquals(seen.get(1).getMessageId(), seen.get(3).getMessageId());
  }

  @Test
  void reportBatchItemFailures_unknownIdentifier_failsTheWholeBatch() {
    function(
        Duration.ZERO,
        Duration.ofSeconds(3),
        e -> new SQSBatchResponse(List.of(new SQSBatchResponse.BatchItemFailure("not-an-id"))));
    String url = queue("orders", Map.of("VisibilityTimeout", "30"));
    send(url, 3);
    map(url, c -> c.withReportBatchItemFailures(true));
    sim.advanceBy(Duration.ZERO);

    assertEquals(3, attribute(url, "ApproximateNumberOfMessagesNotVisible"));
  }

  @Test
  void withoutReportBatchItemFailures_aBatchResponseIsIgnored_allDeleted() {
    String url = batchReportingFailureOf(0, false);

    assertEquals(0, attribute(url, "ApproximateNumberOfMessagesNotVisible"));
  }

  @Test
  void batchingWindow_invokesWhenTheWindowEnds() {
    function(Duration.ZERO, Duration.ofSeconds(3), e -> null);
    String url = queue("orders", Map.of());
    map(url, c -> c.withBatchSize(100).withMaximumBatchingWindow(Duration.ofSeconds(5)));
    send(url, 3);

    sim.advanceBy(Duration.ofMillis(4_999));
    assertEquals(List.of(), batchSizes);
    sim.advanceBy(Duration.ofMillis(1));
    assertEquals(List.of(3), batchSizes);
  }

  @Test
  void
      batchingWindowPlusTimeoutOverTheQueuesVisibility_messagesHiddenForWindowPlusTimeoutPlus30s() {
    // Queue visibility 30 s < window 10 s + function timeout 25 s: the effective visibility timeout
    // is 10 + 25 + 30 = 65 s
    // (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html).
    function(
        Duration.ZERO,
        Duration.ofSeconds(25),
        e -> {
          throw new IllegalStateException("fails");
        });
    String url = queue("orders", Map.of("VisibilityTimeout", "30"));
    map(url, c -> c.withMaximumBatchingWindow(Duration.ofSeconds(10)));
    sqs.sendMessage(url, "m");

    sim.advanceBy(Duration.ofSeconds(10));
    assertEquals(1, seen.size()); // received at 0 s, invoked when the window ends
    sim.advanceTo(sim.clock().start().plusSeconds(75).minusNanos(1));
    assertEquals(1, seen.size()); // hidden until 65 s, then a new 10 s window
    sim.advanceBy(Duration.ofNanos(1));
    assertEquals(2, seen.size());
  }

  @Test
  void batchSize_reached_invokesBeforeTheWindowEnds() {
    function(Duration.ofSeconds(1), Duration.ofSeconds(3), e -> null);
    String url = queue("orders", Map.of());
    send(url, 25);
    map(url, c -> c.withBatchSize(20).withMaximumBatchingWindow(Duration.ofSeconds(60)));

    assertTrue(batchSizes.contains(20), batchSizes.toString());
  }

  @Test
  void maximumConcurrency_capsTheMappingsInvocations() {
    function(Duration.ofSeconds(10), Duration.ofSeconds(30), e -> null);
    String url = queue("orders", Map.of("VisibilityTimeout", "180"));
    send(url, 1_000);
    map(url, c -> c.withMaximumConcurrency(2));

    for (int i = 0; i < 30; i++) {
      assertTrue(lambda.concurrentExecutions("worker") <= 2);
      sim.advanceBy(Duration.ofSeconds(1));
    }
    assertEquals(2, lambda.concurrentExecutions("worker"));
    assertEquals(0.0, total("Throttles"));
  }

  @Test
  void reservedConcurrency_capsInvocations_throttledBatchesBounceAndTheBacklogGrows() {
    function(Duration.ofSeconds(10), Duration.ofSeconds(30), e -> null);
    lambda.putFunctionConcurrency("worker", 5);
    String url = queue("orders", Map.of("VisibilityTimeout", "180"));
    sim.every(Duration.ofSeconds(1), () -> send(url, 10)); // 10 messages/s, capacity 5 per 10 s
    map(url, c -> c.withBatchSize(1));

    int backlogAt30;
    sim.advanceBy(Duration.ofSeconds(30));
    backlogAt30 = attribute(url, "ApproximateNumberOfMessages");
    for (int i = 0; i < 30; i++) {
      assertTrue(lambda.concurrentExecutions("worker") <= 5);
      sim.advanceBy(Duration.ofSeconds(1));
    }
    assertTrue(attribute(url, "ApproximateNumberOfMessages") > backlogAt30);
    assertTrue(total("Throttles") > 0);
  }

  @Test
  void visibilityShorterThanFunctionTimeout_theSameMessageIsProcessedTwice() {
    function(Duration.ofSeconds(45), Duration.ofMinutes(1), e -> null);
    // AWS refuses the mapping while the queue's visibility is below the function's timeout, but
    // does not stop the queue's visibility from being lowered afterwards.
    String url = queue("orders", Map.of("VisibilityTimeout", "60"));
    map(url, c -> c);
    sqs.setQueueAttributes(url, Map.of("VisibilityTimeout", "30"));
    sim.advanceBy(Duration.ofSeconds(LambdaLimits.SQS_LONG_POLL_WAIT_SECONDS)); // polls renewed
    sqs.sendMessage(url, "once");

    sim.advanceBy(Duration.ofSeconds(30));
    assertEquals(2, seen.size());
    assertEquals(seen.get(0).getMessageId(), seen.get(1).getMessageId());
    assertEquals("2", seen.get(1).getAttributes().get("ApproximateReceiveCount"));
  }

  @Test
  void fifo_keepsEachGroupsOrder_andProcessesEveryMessageOnce() {
    function(Duration.ofMillis(300), Duration.ofSeconds(3), e -> null);
    String url =
        queue("orders.fifo", Map.of("FifoQueue", "true", "ContentBasedDeduplication", "true"));
    for (int i = 0; i < 30; i++) {
      for (String group : List.of("a", "b", "c")) {
        sqs.sendMessage(
            SendMessageRequest.builder(url, group + "-" + i).messageGroupId(group).build());
      }
    }
    map(url, c -> c);
    sim.advanceBy(Duration.ofMinutes(1));

    Map<String, List<Integer>> order = new LinkedHashMap<>();
    for (SQSEvent.SQSMessage m : seen) {
      String[] parts = m.getBody().split("-", -1);
      order.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(Integer.parseInt(parts[1]));
    }
    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      expected.add(i);
    }
    assertEquals(Map.of("a", expected, "b", expected, "c", expected), order);
  }

  @Test
  void create_parametersOutsideAwsRanges_invalidParameterValue() {
    function(Duration.ZERO, Duration.ofSeconds(3), e -> null);
    String url = queue("orders", Map.of());
    String fifo = queue("orders.fifo", Map.of("FifoQueue", "true"));
    for (Function<EventSourceMappingConfig, EventSourceMappingConfig> bad :
        List.<Function<EventSourceMappingConfig, EventSourceMappingConfig>>of(
            c -> c.withBatchSize(0),
            c -> c.withBatchSize(10_001).withMaximumBatchingWindow(Duration.ofSeconds(1)),
            c -> c.withBatchSize(11),
            c -> c.withMaximumBatchingWindow(Duration.ofSeconds(301)),
            c -> c.withMaximumConcurrency(1),
            c -> c.withMaximumConcurrency(1_001),
            c -> c.withBisectBatchOnFunctionError(true))) {
      LambdaException e = assertThrows(LambdaException.class, () -> map(url, bad));
      assertEquals("InvalidParameterValueException", e.errorCode());
      assertEquals(400, e.statusCode());
    }
    assertThrows(LambdaException.class, () -> map(fifo, c -> c.withBatchSize(11)));
    assertEquals(List.of(), lambda.listEventSourceMappings(null, null));
    // the boundaries themselves are accepted
    map(url, c -> c.withBatchSize(10_000).withMaximumBatchingWindow(Duration.ofMinutes(5)));
    map(fifo, c -> c.withBatchSize(10).withMaximumConcurrency(1_000));
  }

  @Test
  void crud_createListUpdateDelete() {
    function(Duration.ZERO, Duration.ofSeconds(3), e -> null);
    String url = queue("orders", Map.of());
    EventSourceMapping m = map(url, c -> c);
    assertEquals("Enabled", m.state());
    assertEquals(10, m.config().batchSize());
    assertEquals(List.of(m), lambda.listEventSourceMappings("worker", null));
    LambdaException dup = assertThrows(LambdaException.class, () -> map(url, c -> c));
    assertEquals("ResourceConflictException", dup.errorCode());

    EventSourceMapping off =
        lambda.updateEventSourceMapping(m.uuid(), m.config().withEnabled(false));
    assertEquals("Updating", off.state());
    sim.advanceBy(LambdaLimits.MAPPING_UPDATE_DELAY);
    assertEquals("Disabled", lambda.getEventSourceMapping(m.uuid()).state());
    sqs.sendMessage(url, "waits");
    sim.advanceBy(Duration.ofMinutes(1));
    assertEquals(0, seen.size());
    lambda.updateEventSourceMapping(m.uuid(), off.config().withEnabled(true));
    sim.advanceBy(Duration.ofSeconds(1));
    assertEquals(1, seen.size());

    assertEquals("Deleting", lambda.deleteEventSourceMapping(m.uuid()).state());
    LambdaException gone =
        assertThrows(LambdaException.class, () -> lambda.getEventSourceMapping(m.uuid()));
    assertEquals(404, gone.statusCode());
  }

  private double total(String metric) {
    return sim.metrics()
        .total(new MetricKey(Lambda.NAMESPACE, metric, Dimensions.of("FunctionName", "worker")));
  }
}
