package dev.awssim.lambda.awssdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.awssim.AwsSimulator;
import dev.awssim.lambda.Lambda;
import dev.awssim.sqs.Sqs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateEventSourceMappingResponse;
import software.amazon.awssdk.services.lambda.model.CreateFunctionResponse;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.PreconditionFailedException;
import software.amazon.awssdk.services.lambda.model.RequestTooLargeException;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.ThrottleReason;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/**
 * The SDK's {@link LambdaClient} over the simulated model, with AWS's statuses and error shapes:
 * https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html,
 * https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html,
 * https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html
 */
class SimulatedLambdaClientTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(5);
  private final Lambda lambda = Lambda.create(sim);
  private final SimulatedLambdaClient client = SimulatedLambdaClient.create(lambda);

  private void echoFunction() {
    RequestHandler<String, String> echo = (json, context) -> "got " + json;
    client.registerHandler("echo", echo);
    client.createFunction(b -> b.functionName("echo").memorySize(512).timeout(30));
  }

  @Test
  void invoke_requestResponse_returnsHandlersResultAs200() {
    echoFunction();

    InvokeResponse r =
        client.invoke(b -> b.functionName("echo").payload(SdkBytes.fromUtf8String("{\"a\":1}")));

    assertEquals(200, r.statusCode());
    assertNull(r.functionError());
    assertEquals("\"got {\\\"a\\\":1}\"", r.payload().asUtf8String());
    assertEquals("$LATEST", r.executedVersion());
  }

  @Test
  void invoke_functionArnOfAnotherRegion_isResourceNotFound404_theSameNameHereIsNotInvoked() {
    echoFunction();
    SimulatedLambdaClient eu = SimulatedLambdaClient.create(Lambda.create(sim.region("eu-west-1")));
    eu.registerHandler("echo", (RequestHandler<String, String>) (json, context) -> "eu");
    eu.createFunction(b -> b.functionName("echo"));

    ResourceNotFoundException e =
        assertThrows(
            ResourceNotFoundException.class,
            () ->
                eu.invoke(
                    b ->
                        b.functionName(
                            client
                                .getFunction(g -> g.functionName("echo"))
                                .configuration()
                                .functionArn())));

    assertEquals(404, e.statusCode());
    assertEquals(
        "Functions from 'us-east-1' are not reachable in this region ('eu-west-1')",
        e.awsErrorDetails().errorMessage());
    assertEquals(Region.EU_WEST_1, eu.serviceClientConfiguration().region());
    assertEquals(
        "\"eu\"",
        eu.invoke(b -> b.functionName("arn:aws:lambda:eu-west-1:000000000000:function:echo"))
            .payload()
            .asUtf8String());
  }

  @Test
  void invoke_logTypeTail_logResultIsTheBase64Log_onlyForRequestResponse() {
    RequestHandler<String, String> logging =
        (json, context) -> {
          context.getLogger().log("EVENT: " + json);
          return "ok";
        };
    client.registerHandler("logs", logging);
    client.createFunction(b -> b.functionName("logs").memorySize(256));

    InvokeResponse tail =
        client.invoke(
            b ->
                b.functionName("logs")
                    .logType(LogType.TAIL)
                    .payload(SdkBytes.fromUtf8String("{\"a\":1}")));
    InvokeResponse none = client.invoke(b -> b.functionName("logs"));
    InvokeResponse event =
        client.invoke(
            b -> b.functionName("logs").logType(LogType.TAIL).invocationType(InvocationType.EVENT));

    String log =
        new String(
            java.util.Base64.getDecoder().decode(tail.logResult()),
            java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(log.startsWith("START RequestId: "), log);
    assertTrue(log.contains(" Version: $LATEST\nEVENT: {\"a\":1}\nEND RequestId: "), log);
    assertTrue(log.contains("\tMemory Size: 256 MB\t"), log);
    assertNull(none.logResult());
    assertNull(event.logResult());
    assertThrows(
        software.amazon.awssdk.services.lambda.model.LambdaException.class,
        () -> client.invoke(b -> b.functionName("logs").logType("Head")));
  }

  @Test
  void invoke_payloadOver6MB_requestTooLarge413() {
    echoFunction();

    RequestTooLargeException e =
        assertThrows(
            RequestTooLargeException.class,
            () ->
                client.invoke(
                    b ->
                        b.functionName("echo")
                            .payload(SdkBytes.fromByteArray(new byte[6 * 1024 * 1024 + 1]))));
    assertEquals(413, e.statusCode());
  }

  @Test
  void invoke_eventAndDryRun_return202And204() {
    echoFunction();

    assertEquals(
        202,
        client
            .invoke(b -> b.functionName("echo").invocationType(InvocationType.EVENT))
            .statusCode());
    assertEquals(
        204,
        client
            .invoke(b -> b.functionName("echo").invocationType(InvocationType.DRY_RUN))
            .statusCode());
  }

  @Test
  void invoke_handlerThrows_isUnhandledWithErrorJsonAnd200() {
    RequestHandler<String, String> failing =
        (json, context) -> {
          throw new IllegalStateException("boom");
        };
    client.registerHandler("failing", failing);
    client.createFunction(b -> b.functionName("failing"));

    InvokeResponse r = client.invoke(b -> b.functionName("failing"));

    assertEquals(200, r.statusCode());
    assertEquals("Unhandled", r.functionError());
    assertEquals(
        "{\"errorMessage\":\"boom\",\"errorType\":\"java.lang.IllegalStateException\"}",
        r.payload().asUtf8String());
  }

  @Test
  void invoke_reservedConcurrencyZero_throwsTooManyRequestsWithReason() {
    echoFunction();
    client.putFunctionConcurrency(b -> b.functionName("echo").reservedConcurrentExecutions(0));

    TooManyRequestsException e =
        assertThrows(
            TooManyRequestsException.class, () -> client.invoke(b -> b.functionName("echo")));

    assertEquals(429, e.statusCode());
    assertEquals("TooManyRequestsException", e.awsErrorDetails().errorCode());
    assertEquals("Lambda", e.awsErrorDetails().serviceName());
    assertEquals(ThrottleReason.RESERVED_FUNCTION_CONCURRENT_INVOCATION_LIMIT_EXCEEDED, e.reason());

    client.deleteFunctionConcurrency(b -> b.functionName("echo"));
    assertEquals(200, client.invoke(b -> b.functionName("echo")).statusCode());
  }

  @Test
  void invoke_unknownFunction_throwsResourceNotFound404() {
    ResourceNotFoundException e =
        assertThrows(
            ResourceNotFoundException.class, () -> client.invoke(b -> b.functionName("nope")));

    assertEquals(404, e.statusCode());
    assertEquals("ResourceNotFoundException", e.awsErrorDetails().errorCode());
    assertEquals(404, e.awsErrorDetails().sdkHttpResponse().statusCode());
  }

  @Test
  void createFunction_setsMemoryAndTimeout_andGetFunctionReportsThem() {
    echoFunction();

    GetFunctionResponse f = client.getFunction(b -> b.functionName("echo"));

    assertEquals(512, f.configuration().memorySize());
    assertEquals(30, f.configuration().timeout());
    assertTrue(f.configuration().functionArn().endsWith(":function:echo"));
  }

  @Test
  void createFunction_memoryAbove10240_throwsInvalidParameterValue400() {
    client.registerHandler("big", (RequestHandler<String, String>) (json, c) -> json);

    CreateFunctionResponse ok =
        client.createFunction(b -> b.functionName("big").memorySize(10_240));
    assertEquals(10_240, ok.memorySize());
    client.deleteFunction(b -> b.functionName("big"));
    InvalidParameterValueException e =
        assertThrows(
            InvalidParameterValueException.class,
            () -> client.createFunction(b -> b.functionName("big").memorySize(10_241)));

    assertEquals(400, e.statusCode());
  }

  @Test
  void createFunction_nameTaken_throwsResourceConflict409() {
    echoFunction();

    ResourceConflictException e =
        assertThrows(
            ResourceConflictException.class,
            () -> client.createFunction(b -> b.functionName("echo")));

    assertEquals(409, e.statusCode());
  }

  @Test
  void serviceClientConfiguration_region_isTheSimulationsRegion() {
    AwsSimulator eu = AwsSimulator.builder().seed(1).region("eu-west-1").build();
    Lambda euLambda = Lambda.create(eu);
    SimulatedLambdaClient euClient = SimulatedLambdaClient.create(euLambda);
    RequestHandler<String, String> echo = (json, context) -> json;
    euClient.registerHandler("echo", echo);

    CreateFunctionResponse created = euClient.createFunction(b -> b.functionName("echo"));

    assertEquals(Region.EU_WEST_1, euClient.serviceClientConfiguration().region());
    assertTrue(
        created.functionArn().startsWith("arn:aws:lambda:eu-west-1:"), created.functionArn());
  }

  @Test
  void deleteFunction_thenGetFunction_throwsResourceNotFound() {
    echoFunction();

    client.deleteFunction(b -> b.functionName("echo"));

    assertThrows(
        ResourceNotFoundException.class, () -> client.getFunction(b -> b.functionName("echo")));
  }

  @Test
  void deleteFunction_withReservation_returnsItToTheAccount() {
    echoFunction();
    client.registerHandler("other", (RequestHandler<String, String>) (json, c) -> json);
    client.createFunction(b -> b.functionName("other"));
    // Account concurrency 1,000 with at least 100 unreserved:
    // https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html
    client.putFunctionConcurrency(b -> b.functionName("echo").reservedConcurrentExecutions(900));
    assertThrows(
        InvalidParameterValueException.class,
        () ->
            client.putFunctionConcurrency(
                b -> b.functionName("other").reservedConcurrentExecutions(1)));

    client.deleteFunction(b -> b.functionName("echo"));

    assertEquals(
        900,
        client
            .putFunctionConcurrency(b -> b.functionName("other").reservedConcurrentExecutions(900))
            .reservedConcurrentExecutions());
  }

  @Test
  void publishVersion_numbersVersions_andInvokeByQualifierRunsIt() {
    echoFunction();

    assertEquals("1", client.publishVersion(b -> b.functionName("echo")).version());
    client.updateFunctionConfiguration(b -> b.functionName("echo").description("v2"));
    assertEquals("2", client.publishVersion(b -> b.functionName("echo")).version());
    assertEquals(200, client.invoke(b -> b.functionName("echo").qualifier("2")).statusCode());
    assertThrows(
        ResourceNotFoundException.class,
        () -> client.invoke(b -> b.functionName("echo").qualifier("3")));
  }

  @Test
  void publishVersion_unchanged_returnsTheLastVersion_staleRevisionId_preconditionFailed412() {
    echoFunction();
    GetFunctionResponse before = client.getFunction(b -> b.functionName("echo"));

    assertEquals("1", client.publishVersion(b -> b.functionName("echo")).version());
    assertEquals("1", client.publishVersion(b -> b.functionName("echo")).version());
    PreconditionFailedException e =
        assertThrows(
            PreconditionFailedException.class,
            () ->
                client.publishVersion(
                    b -> b.functionName("echo").revisionId(before.configuration().revisionId())));
    assertEquals(412, e.statusCode());
    assertEquals(
        before.configuration().codeSha256(),
        client
            .publishVersion(
                b -> b.functionName("echo").codeSha256(before.configuration().codeSha256()))
            .codeSha256());
  }

  @Test
  void deleteProvisionedConcurrencyConfig_thenAgain_resourceNotFound404() {
    echoFunction();
    client.publishVersion(b -> b.functionName("echo"));
    client.putProvisionedConcurrencyConfig(
        b -> b.functionName("echo").qualifier("1").provisionedConcurrentExecutions(1));

    client.deleteProvisionedConcurrencyConfig(b -> b.functionName("echo").qualifier("1"));

    ResourceNotFoundException e =
        assertThrows(
            ResourceNotFoundException.class,
            () ->
                client.deleteProvisionedConcurrencyConfig(
                    b -> b.functionName("echo").qualifier("1")));
    assertEquals(404, e.statusCode());
  }

  @Test
  void putProvisionedConcurrencyConfig_onLatest_throwsInvalidParameterValue() {
    echoFunction();

    assertThrows(
        InvalidParameterValueException.class,
        () ->
            client.putProvisionedConcurrencyConfig(
                b ->
                    b.functionName("echo")
                        .qualifier("$LATEST")
                        .provisionedConcurrentExecutions(1)));
    client.publishVersion(b -> b.functionName("echo"));
    assertEquals(
        "IN_PROGRESS",
        client
            .putProvisionedConcurrencyConfig(
                b -> b.functionName("echo").qualifier("1").provisionedConcurrentExecutions(2))
            .statusAsString());
  }

  @Test
  void createEventSourceMapping_fromSqsQueue_deliversMessagesToHandler() {
    List<String> bodies = new ArrayList<>();
    RequestHandler<SQSEvent, Void> worker =
        (event, context) -> {
          event.getRecords().forEach(m -> bodies.add(m.getBody()));
          return null;
        };
    client.registerHandler("worker", worker);
    client.createFunction(b -> b.functionName("worker"));
    Sqs sqs = sim.sqs();
    String url = sqs.createQueue("jobs", Map.of());
    String arn = sqs.getQueueAttributes(url, List.of("QueueArn")).get("QueueArn");
    sqs.sendMessage(url, "one");
    sqs.sendMessage(url, "two");

    CreateEventSourceMappingResponse m =
        client.createEventSourceMapping(
            b -> b.functionName("worker").eventSourceArn(arn).batchSize(10));
    sim.advanceBy(Duration.ofSeconds(30));

    assertEquals(List.of("one", "two"), bodies.stream().sorted().toList());
    assertEquals(10, m.batchSize());
    assertEquals(m.uuid(), client.getEventSourceMapping(b -> b.uuid(m.uuid())).uuid());
    assertEquals(
        1,
        client.listEventSourceMappings(b -> b.functionName("worker")).eventSourceMappings().size());
    client.deleteFunction(b -> b.functionName("worker")); // AWS keeps the mapping
    assertEquals(
        1,
        client.listEventSourceMappings(b -> b.functionName("worker")).eventSourceMappings().size());
    client.deleteEventSourceMapping(b -> b.uuid(m.uuid()));
    assertTrue(
        client
            .listEventSourceMappings(b -> b.functionName("worker"))
            .eventSourceMappings()
            .isEmpty());
    assertThrows(
        ResourceNotFoundException.class, () -> client.getEventSourceMapping(b -> b.uuid(m.uuid())));
  }
}
