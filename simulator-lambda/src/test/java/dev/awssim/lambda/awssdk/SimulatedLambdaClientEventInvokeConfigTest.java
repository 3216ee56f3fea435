package dev.awssim.lambda.awssdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.awssim.AwsSimulator;
import dev.awssim.lambda.Lambda;
import dev.awssim.sqs.Message;
import dev.awssim.sqs.ReceiveMessageRequest;
import dev.awssim.sqs.Sqs;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.FunctionEventInvokeConfig;
import software.amazon.awssdk.services.lambda.model.GetFunctionEventInvokeConfigResponse;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.ListFunctionEventInvokeConfigsResponse;
import software.amazon.awssdk.services.lambda.model.PutFunctionEventInvokeConfigResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * Asynchronous invocation settings through the SDK's LambdaClient, wired to the model's async
 * queue: https://docs.aws.amazon.com/lambda/latest/api/API_PutFunctionEventInvokeConfig.html,
 * https://docs.aws.amazon.com/lambda/latest/api/API_UpdateFunctionEventInvokeConfig.html,
 * https://docs.aws.amazon.com/lambda/latest/api/API_ListFunctionEventInvokeConfigs.html,
 * https://docs.aws.amazon.com/lambda/latest/dg/invocation-async.html
 */
class SimulatedLambdaClientEventInvokeConfigTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(4);
  private final Lambda lambda = Lambda.create(sim);
  private final SimulatedLambdaClient client = SimulatedLambdaClient.create(lambda);
  private final Sqs sqs = sim.sqs();
  private int attempts;

  SimulatedLambdaClientEventInvokeConfigTest() {
    RequestHandler<String, String> failing =
        (json, context) -> {
          attempts++;
          throw new IllegalStateException("boom");
        };
    client.registerHandler("f", failing);
    client.createFunction(b -> b.functionName("f"));
  }

  private String queueArn(String name) {
    String url = sqs.createQueue(name, Map.of());
    return sqs.getQueueAttributes(url, List.of("QueueArn")).get("QueueArn");
  }

  private List<Message> receive(String name) {
    return sqs.receiveMessage(
            ReceiveMessageRequest.builder(sqs.getQueueUrl(name))
                .maxNumberOfMessages(10)
                .waitTimeSeconds(0)
                .build())
        .messages();
  }

  @Test
  void put_maximumRetryAttempts3_throwsInvalidParameterValue400_2Accepted() {
    // MaximumRetryAttempts 0-2
    InvalidParameterValueException e =
        assertThrows(
            InvalidParameterValueException.class,
            () ->
                client.putFunctionEventInvokeConfig(
                    b -> b.functionName("f").maximumRetryAttempts(3)));

    assertEquals(400, e.statusCode());
    assertThrows(
        ResourceNotFoundException.class,
        () -> client.getFunctionEventInvokeConfig(b -> b.functionName("f")));
    assertEquals(
        2,
        client
            .putFunctionEventInvokeConfig(b -> b.functionName("f").maximumRetryAttempts(2))
            .maximumRetryAttempts());
    assertThrows(
        InvalidParameterValueException.class,
        () ->
            client.putFunctionEventInvokeConfig(b -> b.functionName("f").maximumRetryAttempts(-1)));
  }

  @Test
  void put_maximumEventAge_60And21600Accepted_59And21601Refused() {
    // MaximumEventAgeInSeconds 60-21,600
    for (int refused : new int[] {59, 21_601}) {
      assertThrows(
          InvalidParameterValueException.class,
          () ->
              client.putFunctionEventInvokeConfig(
                  b -> b.functionName("f").maximumEventAgeInSeconds(refused)));
    }
    for (int accepted : new int[] {60, 21_600}) {
      assertEquals(
          accepted,
          client
              .putFunctionEventInvokeConfig(
                  b -> b.functionName("f").maximumEventAgeInSeconds(accepted))
              .maximumEventAgeInSeconds());
    }
  }

  @Test
  void put_withoutMembers_storesAwsDefaults_andQualifiedArnAndVirtualTime() {
    sim.advanceBy(Duration.ofSeconds(42));

    PutFunctionEventInvokeConfigResponse r =
        client.putFunctionEventInvokeConfig(b -> b.functionName("f"));

    assertEquals(2, r.maximumRetryAttempts());
    assertEquals(21_600, r.maximumEventAgeInSeconds());
    assertEquals(
        client.getFunction(b -> b.functionName("f")).configuration().functionArn() + ":$LATEST",
        r.functionArn());
    assertEquals(sim.clock().now(), r.lastModified());
  }

  @Test
  void update_changesOnlyTheGivenMembers_andNeedsExistingSettings() {
    String failures = queueArn("failures");
    assertThrows(
        ResourceNotFoundException.class,
        () ->
            client.updateFunctionEventInvokeConfig(
                b -> b.functionName("f").maximumRetryAttempts(1)));
    client.putFunctionEventInvokeConfig(
        b ->
            b.functionName("f")
                .maximumEventAgeInSeconds(600)
                .destinationConfig(d -> d.onFailure(o -> o.destination(failures))));

    client.updateFunctionEventInvokeConfig(b -> b.functionName("f").maximumRetryAttempts(0));

    GetFunctionEventInvokeConfigResponse got =
        client.getFunctionEventInvokeConfig(b -> b.functionName("f"));
    assertEquals(0, got.maximumRetryAttempts());
    assertEquals(600, got.maximumEventAgeInSeconds());
    assertEquals(failures, got.destinationConfig().onFailure().destination());
    assertNull(got.destinationConfig().onSuccess());
  }

  @Test
  void update_outOfRange_throwsInvalidParameterValue_andLeavesSettings() {
    client.putFunctionEventInvokeConfig(b -> b.functionName("f").maximumRetryAttempts(1));

    assertThrows(
        InvalidParameterValueException.class,
        () ->
            client.updateFunctionEventInvokeConfig(
                b -> b.functionName("f").maximumEventAgeInSeconds(21_601)));

    GetFunctionEventInvokeConfigResponse got =
        client.getFunctionEventInvokeConfig(b -> b.functionName("f"));
    assertEquals(1, got.maximumRetryAttempts());
    assertEquals(21_600, got.maximumEventAgeInSeconds());
  }

  @Test
  void put_destinationNotAQueueOrTopicOfTheSimulation_throwsInvalidParameterValue() {
    assertThrows(
        InvalidParameterValueException.class,
        () ->
            client.putFunctionEventInvokeConfig(
                b ->
                    b.functionName("f")
                        .destinationConfig(
                            d ->
                                d.onFailure(
                                    o ->
                                        o.destination(
                                            "arn:aws:sqs:us-east-1:000000000000:missing")))));
  }

  @Test
  void put_noRetriesAndOnFailureQueue_failedEventLandsInTheQueueAfterOneAttempt() {
    String failures = queueArn("failures");
    client.putFunctionEventInvokeConfig(
        b ->
            b.functionName("f")
                .maximumRetryAttempts(0)
                .destinationConfig(d -> d.onFailure(o -> o.destination(failures))));

    client.invoke(b -> b.functionName("f").invocationType(InvocationType.EVENT));
    sim.advanceBy(Duration.ofMinutes(5));

    assertEquals(1, attempts);
    List<Message> records = receive("failures");
    assertEquals(1, records.size());
    assertTrue(
        records.get(0).body().contains("\"condition\":\"RetriesExhausted\""),
        records.get(0).body());
  }

  @Test
  void delete_thenEventsRetryTwiceAgain_asAwsDefaults() {
    client.putFunctionEventInvokeConfig(b -> b.functionName("f").maximumRetryAttempts(0));

    client.deleteFunctionEventInvokeConfig(b -> b.functionName("f"));
    client.invoke(b -> b.functionName("f").invocationType(InvocationType.EVENT));
    sim.advanceBy(Duration.ofMinutes(5)); // attempts at 0 s, 60 s and 180 s

    assertEquals(3, attempts);
    assertThrows(
        ResourceNotFoundException.class,
        () -> client.getFunctionEventInvokeConfig(b -> b.functionName("f")));
    assertThrows(
        ResourceNotFoundException.class,
        () -> client.deleteFunctionEventInvokeConfig(b -> b.functionName("f")));
  }

  @Test
  void put_onAlias_appliesToEventsInvokedThroughTheAlias_andListShowsBoth() {
    client.publishVersion(b -> b.functionName("f"));
    client.createAlias(b -> b.functionName("f").name("live").functionVersion("1"));
    client.putFunctionEventInvokeConfig(
        b -> b.functionName("f").qualifier("live").maximumRetryAttempts(0));
    client.putFunctionEventInvokeConfig(b -> b.functionName("f").maximumRetryAttempts(1));

    client.invoke(b -> b.functionName("f").qualifier("live").invocationType(InvocationType.EVENT));
    sim.advanceBy(Duration.ofMinutes(5));

    assertEquals(1, attempts);
    ListFunctionEventInvokeConfigsResponse list =
        client.listFunctionEventInvokeConfigs(b -> b.functionName("f").maxItems(1));
    assertEquals(1, list.functionEventInvokeConfigs().size());
    assertTrue(list.functionEventInvokeConfigs().get(0).functionArn().endsWith(":$LATEST"));
    List<FunctionEventInvokeConfig> rest =
        client
            .listFunctionEventInvokeConfigs(b -> b.functionName("f").marker(list.nextMarker()))
            .functionEventInvokeConfigs();
    assertEquals(1, rest.size());
    assertTrue(rest.get(0).functionArn().endsWith(":live"));
    assertEquals(0, rest.get(0).maximumRetryAttempts());
  }

  @Test
  void listFunctionEventInvokeConfigs_maxItems51_throwsValidationException() {
    // MaxItems 1-50
    assertEquals(
        "ValidationException",
        assertThrows(
                software.amazon.awssdk.services.lambda.model.LambdaException.class,
                () -> client.listFunctionEventInvokeConfigs(b -> b.functionName("f").maxItems(51)))
            .awsErrorDetails()
            .errorCode());
    assertTrue(
        client
            .listFunctionEventInvokeConfigs(b -> b.functionName("f").maxItems(50))
            .functionEventInvokeConfigs()
            .isEmpty());
  }
}
