package dev.awssim.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.awssim.AwsSimulator;
import dev.awssim.sqs.Sqs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * DeleteFunction as AWS documents it: nothing that uses the function stops the deletion, event
 * source mappings stay (https://docs.aws.amazon.com/lambda/latest/api/API_DeleteFunction.html).
 */
class DeleteFunctionTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(3);
  private final Lambda lambda = Lambda.create(sim);
  private final List<String> handled = new ArrayList<>();

  private void function(String name, Duration duration) {
    RequestHandler<Object, String> handler =
        (event, context) -> {
          handled.add(name + ":" + event);
          return "ok";
        };
    lambda.createFunction(
        FunctionConfig.of(name, handler)
            .withTimeout(Duration.ofSeconds(60))
            .withDuration(DurationModel.fixed(duration)));
  }

  @Test
  void deleteFunction_withInvocationInFlight_succeeds_andTheInvocationFinishes() {
    function("f", Duration.ofSeconds(10));
    List<InvokeResult> results = new ArrayList<>();
    lambda.invoke("f", "e", results::add);

    lambda.deleteFunction("f");

    assertTrue(lambda.listFunctions().isEmpty());
    assertEquals(1, lambda.concurrentExecutions());
    sim.advanceBy(Duration.ofMillis(9_999));
    assertTrue(results.isEmpty());
    sim.advanceBy(Duration.ofMillis(1));
    assertEquals(1, results.size());
    assertEquals("ok", results.get(0).payload());
    assertEquals(0, lambda.concurrentExecutions());
  }

  @Test
  void deleteFunction_withReservationInFlight_returnsTheReservationAtOnce() {
    function("a", Duration.ofSeconds(10));
    function("b", Duration.ZERO);
    lambda.putFunctionConcurrency("a", 900);
    lambda.invoke("a", "e", r -> {});
    assertThrows(LambdaException.class, () -> lambda.putFunctionConcurrency("b", 900));

    lambda.deleteFunction("a");

    lambda.putFunctionConcurrency("b", 900); // 1,000 - 900 = 100, the unreserved floor
    assertEquals(900, lambda.getFunctionConcurrency("b").getAsInt());
    sim.advanceBy(Duration.ofSeconds(10));
    assertEquals(0, lambda.concurrentExecutions());
  }

  @Test
  void deleteFunction_withProvisionedConcurrency_releasesIt() {
    function("a", Duration.ZERO);
    function("b", Duration.ZERO);
    lambda.publishVersion("a");
    lambda.putProvisionedConcurrencyConfig("a", "1", 900);
    assertThrows(LambdaException.class, () -> lambda.putFunctionConcurrency("b", 1));

    lambda.deleteFunction("a");

    lambda.putFunctionConcurrency("b", 900);
    assertThrows(
        LambdaException.class, () -> lambda.getProvisionedConcurrencyConfigStatus("a", "1"));
  }

  @Test
  void deleteFunction_withSqsMapping_mappingStays_failsUntilTheFunctionIsCreatedAgain() {
    Sqs sqs = sim.sqs();
    String url = sqs.createQueue("jobs", Map.of("VisibilityTimeout", "30"));
    String queueArn = sqs.getQueueAttributes(url, List.of("QueueArn")).get("QueueArn");
    RequestHandler<SQSEvent, Object> worker =
        (event, context) -> {
          handled.add(event.getRecords().get(0).getBody());
          return null;
        };
    lambda.createFunction(FunctionConfig.of("worker", worker));
    EventSourceMapping mapping =
        lambda.createEventSourceMapping(EventSourceMappingConfig.of("worker", queueArn));

    lambda.deleteFunction("worker");
    sqs.sendMessage(url, "m1");
    sim.advanceBy(Duration.ofSeconds(5));

    assertEquals(List.of(mapping), lambda.listEventSourceMappings("worker", null));
    assertTrue(handled.isEmpty());
    assertEquals(
        "1",
        sqs.getQueueAttributes(url, List.of("ApproximateNumberOfMessagesNotVisible"))
            .get("ApproximateNumberOfMessagesNotVisible"));

    lambda.createFunction(FunctionConfig.of("worker", worker));
    sim.advanceBy(Duration.ofSeconds(31)); // the failed receive's visibility timeout ends
    assertEquals(List.of("m1"), handled);
  }

  @Test
  void deleteFunction_asyncEventsStillQueued_areDiscarded() {
    RequestHandler<Object, String> failing =
        (event, context) -> {
          handled.add("attempt");
          throw new IllegalStateException("boom");
        };
    lambda.createFunction(FunctionConfig.of("f", failing));
    lambda.invoke("f", InvocationType.EVENT, "e");
    sim.advanceBy(Duration.ofSeconds(1));
    assertEquals(1, handled.size());

    lambda.deleteFunction("f");
    sim.advanceBy(Duration.ofMinutes(10));

    assertEquals(1, handled.size()); // the retry 1 minute later did not run
  }
}
