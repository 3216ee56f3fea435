package dev.awssim.junit5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.awssim.AwsSimulator;
import dev.awssim.lambda.EventSourceMappingConfig;
import dev.awssim.lambda.FunctionConfig;
import dev.awssim.lambda.Lambda;
import dev.awssim.lambda.awssdk.SimulatedLambdaClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/** With simulator-lambda on the class path, tests get the Lambda model and a LambdaClient. */
@AwsSimulation(seed = 13)
class LambdaInjectionTest {
  Lambda lambdaField;
  LambdaClient clientField;
  @NoRetries LambdaClient clientWithoutRetries;

  @Test
  void lambdaAndClient_areInjected_oneOfEachPerTest_overTheTestsSimulator(
      AwsSimulator sim, Lambda lambda, LambdaClient client, SimulatedLambdaClient typed) {
    assertSame(lambdaField, lambda);
    assertSame(clientField, client);
    assertSame(client, typed);
    assertSame(client, clientWithoutRetries, "the simulated client makes one attempt anyway");
    List<String> inputs = new ArrayList<>();
    typed.registerHandler(
        "greet",
        (RequestHandler<String, String>)
            (in, context) -> {
              inputs.add(in);
              return "ok";
            });
    client.createFunction(b -> b.functionName("greet").timeout(30));
    // The client created the function in the injected model.
    assertEquals(List.of("greet"), lambda.listFunctions());
    InvokeResponse r =
        client.invoke(b -> b.functionName("greet").payload(SdkBytes.fromUtf8String("\"hi\"")));
    assertEquals(200, r.statusCode());
    assertEquals(List.of("\"hi\""), inputs);
    assertEquals("\"ok\"", r.payload().asUtf8String());
  }

  @Test
  void injectedLambda_eventSourceMapping_readsTheTestsQueues(AwsSimulator sim, Lambda lambda) {
    List<String> bodies = new ArrayList<>();
    lambda.createFunction(
        FunctionConfig.of(
            "worker",
            (RequestHandler<SQSEvent, Void>)
                (event, context) -> {
                  event.getRecords().forEach(m -> bodies.add(m.getBody()));
                  return null;
                }));
    String url = sim.sqs().createQueue("orders");
    String arn = sim.sqs().getQueueAttributes(url, List.of("QueueArn")).get("QueueArn");
    lambda.createEventSourceMapping(EventSourceMappingConfig.of("worker", arn));
    sim.sqs().sendMessage(url, "order-1");
    sim.advanceBy(Duration.ofSeconds(1));
    assertEquals(List.of("order-1"), bodies);
  }

  @Test
  void injectedClient_raisesTheSdksModelledExceptions(LambdaClient client, Lambda lambda) {
    assertThrows(
        ResourceNotFoundException.class, () -> client.getFunction(b -> b.functionName("none")));
    lambda.createFunction(
        FunctionConfig.of("capped", (RequestHandler<String, String>) (in, context) -> in));
    client.putFunctionConcurrency(b -> b.functionName("capped").reservedConcurrentExecutions(0));
    // Reserved concurrency 0 throttles every invocation: 429 TooManyRequestsException.
    TooManyRequestsException e =
        assertThrows(
            TooManyRequestsException.class,
            () ->
                client.invoke(
                    b -> b.functionName("capped").payload(SdkBytes.fromUtf8String("\"x\""))));
    assertEquals(429, e.statusCode());
  }

  @SeededTest(count = 3)
  void seededTest_eachSeedGetsItsOwnLambda(Lambda lambda) {
    // A model shared across seeds would refuse the second createFunction (409).
    lambda.createFunction(
        FunctionConfig.of("fresh", (RequestHandler<String, String>) (in, context) -> in));
    assertEquals(List.of("fresh"), lambda.listFunctions());
  }

  @Test
  void inRegion_lambda_isThatRegionsLambda_itsFunctionsSeparate(
      Lambda home,
      @InRegion("eu-west-1") Lambda europe,
      @InRegion("eu-west-1") SimulatedLambdaClient europeClient,
      @InRegion("us-east-1") Lambda defaultRegionNamed) {
    assertSame(home, defaultRegionNamed, "the default Region named is the default Lambda");
    europeClient.registerHandler("greet", (RequestHandler<String, String>) (in, context) -> "ok");
    europeClient.createFunction(b -> b.functionName("greet").timeout(30));
    assertEquals(List.of("greet"), europe.listFunctions());
    assertEquals(List.of(), home.listFunctions());
    assertTrue(
        europeClient
            .getFunction(b -> b.functionName("greet"))
            .configuration()
            .functionArn()
            .startsWith("arn:aws:lambda:eu-west-1:"));
  }
}
