package dev.awssim.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.awssim.AwsSimulator;
import dev.awssim.SimulatedRegion;
import dev.awssim.engine.metrics.Dimensions;
import dev.awssim.engine.metrics.MetricKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Lambda is regional: functions, event source mappings and the concurrency quotas belong to one
 * Region ("1,000 concurrent executions ... per Region",
 * https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html), a function's ARN names
 * its Region, and a mapping reads a queue or stream of its function's Region.
 */
class RegionTest {
  private static final Duration MINUTE = Duration.ofMinutes(1);

  private final AwsSimulator sim = AwsSimulator.withSeed(3);
  private final SimulatedRegion eu = sim.region("eu-west-1");
  private final Lambda usLambda = Lambda.create(sim);
  private final Lambda euLambda = Lambda.create(eu);
  private final List<String> calls = new ArrayList<>();

  private void function(Lambda lambda, String tag) {
    RequestHandler<Object, String> handler =
        (event, context) -> {
          calls.add(tag);
          return tag;
        };
    lambda.createFunction(
        FunctionConfig.of("orders", handler)
            .withTimeout(Duration.ofMinutes(15))
            .withDuration(DurationModel.fixed(MINUTE)));
  }

  private double total(SimulatedRegion region, String metric) {
    return region
        .metrics()
        .total(new MetricKey(Lambda.NAMESPACE, metric, Dimensions.of("FunctionName", "orders")));
  }

  @Test
  void sameNameInTwoRegions_isTwoFunctions_withTheirRegionsArnsAndMetrics() {
    function(usLambda, "us");
    function(euLambda, "eu");

    assertEquals(
        "arn:aws:lambda:us-east-1:000000000000:function:orders",
        usLambda.getFunction("orders").functionArn());
    assertEquals(
        "arn:aws:lambda:eu-west-1:000000000000:function:orders",
        euLambda.getFunction("orders").functionArn());
    assertEquals("eu", euLambda.invoke("orders", InvocationType.REQUEST_RESPONSE, "x").payload());
    assertEquals(List.of("eu"), calls);
    assertEquals(1, total(eu, "Invocations"));
    assertEquals(0, total(sim.region("us-east-1"), "Invocations"));
    euLambda.deleteFunction("orders");
    assertEquals(List.of("orders"), usLambda.listFunctions());
  }

  @Test
  void accountConcurrency_isPerRegion_1000InEach() {
    function(usLambda, "us");
    function(euLambda, "eu");
    for (int i = 0; i < 1_000; i++) {
      euLambda.invoke("orders", "x", r -> {});
    }

    LambdaException e =
        assertThrows(LambdaException.class, () -> euLambda.invoke("orders", "x", r -> {}));
    assertEquals(ThrottleReason.ConcurrentInvocationLimitExceeded, e.reason().orElseThrow());
    for (int i = 0; i < 1_000; i++) {
      usLambda.invoke("orders", "x", r -> {});
    }
    assertEquals(1_000, usLambda.concurrentExecutions());
    assertEquals(1_000, euLambda.concurrentExecutions());
  }

  @Test
  void reservedConcurrency_upTo900_inEachRegion() {
    function(usLambda, "us");
    function(euLambda, "eu");
    usLambda.putFunctionConcurrency("orders", 900);

    euLambda.putFunctionConcurrency("orders", 900);

    assertEquals(100, euLambda.unreservedConcurrentExecutions());
    assertEquals(100, usLambda.unreservedConcurrentExecutions());
    assertThrows(LambdaException.class, () -> euLambda.putFunctionConcurrency("orders", 901));
  }

  @Test
  void sqsMapping_readsTheQueueOfItsRegion_notTheSameNamedQueueOfAnother() {
    List<String> bodies = new ArrayList<>();
    RequestHandler<SQSEvent, Void> handler =
        (event, context) -> {
          event.getRecords().forEach(m -> bodies.add(m.getBody()));
          return null;
        };
    euLambda.createFunction(FunctionConfig.of("worker", handler));
    String euUrl = eu.sqs().createQueue("jobs", Map.of());
    String usUrl = sim.sqs().createQueue("jobs", Map.of());
    eu.sqs().sendMessage(euUrl, "from eu");
    sim.sqs().sendMessage(usUrl, "from us");

    EventSourceMapping m =
        euLambda.createEventSourceMapping(
            EventSourceMappingConfig.of("worker", "arn:aws:sqs:eu-west-1:000000000000:jobs"));
    sim.advanceBy(Duration.ofSeconds(30));

    assertEquals("arn:aws:sqs:eu-west-1:000000000000:jobs", m.config().eventSourceArn());
    assertEquals(List.of("from eu"), bodies);
    assertEquals(
        "1",
        sim.sqs()
            .getQueueAttributes(usUrl, List.of("ApproximateNumberOfMessages"))
            .get("ApproximateNumberOfMessages"));
  }

  @Test
  void sqsMapping_queueArnOfAnotherRegion_isAnUnknownQueue_evenIfTheNameExistsHere() {
    euLambda.createFunction(
        FunctionConfig.of("worker", (RequestHandler<SQSEvent, Void>) (e, c) -> null));
    eu.sqs().createQueue("jobs", Map.of());
    sim.sqs().createQueue("jobs", Map.of());

    LambdaException e =
        assertThrows(
            LambdaException.class,
            () ->
                euLambda.createEventSourceMapping(
                    EventSourceMappingConfig.of(
                        "worker", "arn:aws:sqs:us-east-1:000000000000:jobs")));
    assertEquals("InvalidParameterValueException", e.errorCode());
    assertEquals(400, e.statusCode());
    assertEquals(List.of(), euLambda.listEventSourceMappings(null, null));
  }

  @Test
  void kinesisMapping_streamArnOfAnotherRegion_isStreamNotFound() {
    euLambda.createFunction(
        FunctionConfig.of("worker", (RequestHandler<Object, Void>) (e, c) -> null));
    eu.kinesis().createStream("clicks", 1);
    sim.kinesis().createStream("clicks", 1);
    String usArn = sim.kinesis().describeStreamSummary("clicks").streamArn();

    LambdaException e =
        assertThrows(
            LambdaException.class,
            () ->
                euLambda.createEventSourceMapping(
                    EventSourceMappingConfig.of("worker", usArn)
                        .withStartingPosition(
                            EventSourceMappingConfig.StartingPosition.TRIM_HORIZON)));
    assertEquals("InvalidParameterValueException", e.errorCode());
    assertEquals("Stream not found: " + usArn, e.errorMessage());
  }

  @Test
  void functionArnOfAnotherRegion_isResourceNotFound_functionsFromThereAreNotReachable() {
    function(usLambda, "us");

    LambdaException e =
        assertThrows(
            LambdaException.class,
            () -> euLambda.functionName("arn:aws:lambda:us-east-1:000000000000:function:orders"));
    assertEquals("ResourceNotFoundException", e.errorCode());
    assertEquals(404, e.statusCode());
    assertEquals(
        "Functions from 'us-east-1' are not reachable in this region ('eu-west-1')",
        e.errorMessage());
    assertEquals(
        "orders:live",
        usLambda.functionName("arn:aws:lambda:us-east-1:000000000000:function:orders:live"));
    assertEquals("orders", euLambda.functionName("000000000000:function:orders"));
    assertEquals("orders", euLambda.functionName("orders"));
  }

  @Test
  void destinationOfAnotherRegion_isNotAnExistingTarget() {
    function(euLambda, "eu");
    sim.sqs().createQueue("failures", Map.of());

    LambdaException e =
        assertThrows(
            LambdaException.class,
            () ->
                euLambda.putDeadLetterConfig(
                    "orders", "arn:aws:sqs:us-east-1:000000000000:failures"));
    assertEquals("InvalidParameterValueException", e.errorCode());
  }
}
