package dev.awssim.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import dev.awssim.lambda.Lambda;
import dev.awssim.lambda.awssdk.SimulatedLambdaClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/**
 * Lambda on the wire (REST-JSON): the Java SDK's LambdaClient over loopback gives what the
 * simulated client gives in-process; raw HTTP shows the protocol's details (status codes, headers,
 * error bodies).
 */
class LambdaOnTheWireTest {
  private static final long SEED = 11;
  private static final String AUTH =
      "AWS4-HMAC-SHA256 Credential=AKIDFAKE/20261202/us-east-1/lambda/aws4_request,"
          + " SignedHeaders=host, Signature=0";

  private WireServer server;

  @BeforeEach
  void start() {
    server = WireServer.builder().seed(SEED).port(0).lambda(LambdaOnTheWireTest::client).start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** The simulated client of {@code sim}, with the tests' handlers registered in-process. */
  private static SimulatedLambdaClient client(AwsSimulator sim) {
    SimulatedLambdaClient c = SimulatedLambdaClient.create(Lambda.create(sim));
    c.registerHandler("echo", new EchoHandler());
    c.registerHandler("fails", new FailingHandler());
    return c;
  }

  /** What a throttled call answered: the SDK's TooManyRequestsException, members and all. */
  private static String throttled(Supplier<?> call) {
    try {
      return String.valueOf(call.get());
    } catch (TooManyRequestsException e) {
      return "TooManyRequestsException "
          + e.statusCode()
          + " "
          + e.reasonAsString()
          + " retryAfter="
          + e.retryAfterSeconds()
          + " type="
          + e.type()
          + " "
          + e.awsErrorDetails().errorMessage();
    }
  }

  private static String outcome(Supplier<?> call) {
    return SdkOverLoopbackTest.outcome(call);
  }

  private static String names(LambdaClient lambda) {
    return lambda.listFunctions(b -> {}).functions().stream()
        .map(FunctionConfiguration::functionName)
        .toList()
        .toString();
  }

  private static String invoked(InvokeResponse r) {
    return r.statusCode()
        + " "
        + r.functionError()
        + " "
        + r.executedVersion()
        + " "
        + (r.payload() == null ? null : r.payload().asUtf8String());
  }

  /**
   * What a script's calls answered. After each call, the tasks it made due now run (the server does
   * that after every request: a parked long poll woken by a send is answered at once), so that both
   * sides see an Event invocation run before the next call.
   */
  private record Seen(AwsSimulator sim, List<String> answers) {
    void add(String answer) {
      sim.advanceTo(sim.now());
      answers.add(answer);
    }
  }

  private static List<String> script(LambdaClient lambda, AwsSimulator sim) {
    Seen seen = new Seen(sim, new ArrayList<>());
    seen.add(
        outcome(
            () ->
                lambda.createFunction(
                    b -> b.functionName("echo").memorySize(256).timeout(10).role("r"))));
    seen.add(outcome(() -> lambda.createFunction(b -> b.functionName("fails").role("r"))));
    seen.add(outcome(() -> lambda.createFunction(b -> b.functionName("echo").role("r"))));
    seen.add(outcome(() -> names(lambda)));
    SdkBytes payload = SdkBytes.fromUtf8String("{\"id\":1}");
    seen.add(outcome(() -> invoked(lambda.invoke(b -> b.functionName("echo").payload(payload)))));
    seen.add(outcome(() -> invoked(lambda.invoke(b -> b.functionName("fails").payload(payload)))));
    seen.add(
        outcome(
            () ->
                invoked(
                    lambda.invoke(
                        b ->
                            b.functionName("echo")
                                .invocationType(InvocationType.EVENT)
                                .payload(payload)))));
    seen.add(
        outcome(
            () ->
                lambda.putFunctionConcurrency(
                    b -> b.functionName("echo").reservedConcurrentExecutions(0))));
    seen.add(throttled(() -> lambda.invoke(b -> b.functionName("echo").payload(payload))));
    seen.add(outcome(() -> lambda.getFunction(b -> b.functionName("echo")).concurrency()));
    seen.add(outcome(() -> lambda.deleteFunctionConcurrency(b -> b.functionName("echo"))));
    seen.add(outcome(() -> lambda.getFunction(b -> b.functionName("nope"))));
    seen.add(outcome(() -> lambda.deleteFunction(b -> b.functionName("fails")).sdkFields().size()));
    seen.add(outcome(() -> names(lambda)));
    seen.add(sim.trace().hash());
    return seen.answers();
  }

  @Test
  void javaSdk_overLoopback_sameResultsAndTraceHashAsInProcess() {
    AwsSimulator local = AwsSimulator.withSeed(SEED);
    List<String> inProcess = script(client(local), local);
    List<String> overWire;
    try (LambdaClient lambda =
        Loopback.configure(LambdaClient.builder(), server.endpoint())
            .httpClient(UrlConnectionHttpClient.create())
            .build()) {
      overWire = script(lambda, server.simulator());
    }
    assertEquals(inProcess, overWire);
    // AWS's answers, as the SDK reads them over the wire.
    assertTrue(
        overWire.get(2).startsWith("ResourceConflictException ResourceConflictException 409"));
    assertEquals("[echo, fails]", overWire.get(3));
    assertEquals("200 null $LATEST \"echo {\\\"id\\\":1}\"", overWire.get(4));
    assertTrue(overWire.get(5).startsWith("200 Unhandled $LATEST {\"errorMessage\":\"boom\""));
    assertTrue(overWire.get(6).startsWith("202 "), overWire.get(6));
    assertTrue(
        overWire
            .get(8)
            .startsWith(
                "TooManyRequestsException 429 ReservedFunctionConcurrentInvocationLimitExceeded"),
        overWire.get(8));
    assertTrue(
        overWire.get(11).startsWith("ResourceNotFoundException ResourceNotFoundException 404"));
    assertEquals("[echo]", overWire.get(13));
  }

  private HttpResponse<byte[]> lambda(
      String method, String path, Map<String, String> headers, String body) {
    Map<String, String> h = new java.util.LinkedHashMap<>(headers);
    h.put("Authorization", AUTH);
    return Http.request(server, method, path, h, body.getBytes(StandardCharsets.UTF_8));
  }

  private HttpResponse<byte[]> invoke(String function, String invocationType) {
    return lambda(
        "POST",
        "/2015-03-31/functions/" + function + "/invocations",
        Map.of("X-Amz-Invocation-Type", invocationType),
        "{}");
  }

  private static String header(HttpResponse<?> r, String name) {
    return r.headers().firstValue(name).orElse(null);
  }

  @Test
  void invoke_rawPayload_headersAndStatusFromTheModel() {
    HttpResponse<byte[]> created =
        lambda("POST", "/2015-03-31/functions", Map.of(), "{\"FunctionName\":\"echo\"}");
    assertEquals(201, created.statusCode(), Http.text(created)); // CreateFunction: 201
    assertEquals(
        "echo",
        JsonNode.parser().parse(Http.text(created)).field("FunctionName").orElseThrow().asString());

    HttpResponse<byte[]> sync =
        lambda("POST", "/2015-03-31/functions/echo/invocations", Map.of(), "[1,2]");
    assertEquals(200, sync.statusCode());
    assertEquals("\"echo [1,2]\"", Http.text(sync)); // the payload is the raw body
    assertEquals("$LATEST", header(sync, "X-Amz-Executed-Version"));
    assertEquals(null, header(sync, "X-Amz-Function-Error"));
    assertTrue(header(sync, "x-amzn-RequestId") != null);

    HttpResponse<byte[]> event = invoke("echo", "Event");
    assertEquals(202, event.statusCode()); // Event: 202, no payload
    assertEquals("", Http.text(event));

    HttpResponse<byte[]> dryRun = invoke("echo", "DryRun");
    assertEquals(204, dryRun.statusCode());

    lambda("POST", "/2015-03-31/functions", Map.of(), "{\"FunctionName\":\"fails\"}");
    HttpResponse<byte[]> failed =
        lambda("POST", "/2015-03-31/functions/fails/invocations", Map.of(), "{}");
    assertEquals(200, failed.statusCode()); // a function error is a 200
    assertEquals("Unhandled", header(failed, "X-Amz-Function-Error"));
  }

  @Test
  void invoke_logTypeTail_xAmzLogResultHeaderCarriesTheBase64Log_rawAndThroughTheSdk() {
    lambda("POST", "/2015-03-31/functions", Map.of(), "{\"FunctionName\":\"echo\"}");

    HttpResponse<byte[]> tail =
        lambda(
            "POST",
            "/2015-03-31/functions/echo/invocations",
            Map.of("X-Amz-Log-Type", "Tail"),
            "{}");
    HttpResponse<byte[]> none =
        lambda("POST", "/2015-03-31/functions/echo/invocations", Map.of(), "{}");

    assertEquals(200, tail.statusCode(), Http.text(tail));
    String log =
        new String(
            java.util.Base64.getDecoder().decode(header(tail, "X-Amz-Log-Result")),
            StandardCharsets.UTF_8);
    assertTrue(log.startsWith("START RequestId: "), log);
    assertTrue(log.contains("\nREPORT RequestId: "), log);
    assertEquals(null, header(none, "X-Amz-Log-Result"));
    try (LambdaClient sdk =
        Loopback.configure(LambdaClient.builder(), server.endpoint())
            .httpClient(UrlConnectionHttpClient.create())
            .build()) {
      InvokeResponse r =
          sdk.invoke(
              b ->
                  b.functionName("echo")
                      .logType(software.amazon.awssdk.services.lambda.model.LogType.TAIL));
      String viaSdk =
          new String(java.util.Base64.getDecoder().decode(r.logResult()), StandardCharsets.UTF_8);
      assertTrue(viaSdk.contains(" Version: $LATEST\n"), viaSdk);
    }
  }

  @Test
  void invoke_reservedConcurrencyZero_is429TooManyRequestsWithReasonAndRetryAfter() {
    lambda("POST", "/2015-03-31/functions", Map.of(), "{\"FunctionName\":\"echo\"}");
    HttpResponse<byte[]> put =
        lambda(
            "PUT",
            "/2017-10-31/functions/echo/concurrency",
            Map.of(),
            "{\"ReservedConcurrentExecutions\":0}");
    assertEquals(200, put.statusCode(), Http.text(put));
    HttpResponse<byte[]> throttled =
        lambda("POST", "/2015-03-31/functions/echo/invocations", Map.of(), "{}");
    assertEquals(429, throttled.statusCode());
    assertEquals("TooManyRequestsException", header(throttled, "x-amzn-ErrorType"));
    assertTrue(header(throttled, "Retry-After") != null);
    JsonNode body = JsonNode.parser().parse(Http.text(throttled));
    assertEquals("User", body.field("Type").orElseThrow().asString());
    assertEquals(
        "ReservedFunctionConcurrentInvocationLimitExceeded",
        body.field("Reason").orElseThrow().asString());
    assertTrue(body.field("message").isPresent(), Http.text(throttled));

    HttpResponse<byte[]> deleted =
        lambda("DELETE", "/2017-10-31/functions/echo/concurrency", Map.of(), "");
    assertEquals(204, deleted.statusCode()); // DeleteFunctionConcurrency: 204, no body
    assertEquals("", Http.text(deleted));
    assertEquals(
        200, lambda("POST", "/2015-03-31/functions/echo/invocations", Map.of(), "{}").statusCode());
  }

  @Test
  void errors_missingFunction404_unknownPath404_badBody400_neverChangeState() {
    HttpResponse<byte[]> missing = lambda("GET", "/2015-03-31/functions/nope", Map.of(), "");
    assertEquals(404, missing.statusCode());
    assertEquals("ResourceNotFoundException", header(missing, "x-amzn-ErrorType"));
    JsonNode body = JsonNode.parser().parse(Http.text(missing));
    assertEquals("User", body.field("Type").orElseThrow().asString());
    assertTrue(body.field("message").isPresent());

    HttpResponse<byte[]> unknown = lambda("GET", "/2015-03-31/frobnicate", Map.of(), "");
    assertEquals(404, unknown.statusCode());
    assertEquals("UnknownOperationException", header(unknown, "x-amzn-ErrorType"));

    lambda("POST", "/2015-03-31/functions", Map.of(), "{\"FunctionName\":\"echo\"}");
    HttpResponse<byte[]> badBody =
        lambda("PUT", "/2017-10-31/functions/echo/concurrency", Map.of(), "{\"Reserved");
    assertEquals(400, badBody.statusCode());
    assertEquals("SerializationException", header(badBody, "x-amzn-ErrorType"));
    HttpResponse<byte[]> wrongType =
        lambda(
            "PUT",
            "/2017-10-31/functions/echo/concurrency",
            Map.of(),
            "{\"ReservedConcurrentExecutions\":\"many\"}");
    assertEquals(400, wrongType.statusCode());
    HttpResponse<byte[]> badQuery =
        lambda("GET", "/2015-03-31/functions?MaxItems=lots", Map.of(), "");
    assertEquals(400, badQuery.statusCode());
    HttpResponse<byte[]> got = lambda("GET", "/2015-03-31/functions/echo", Map.of(), "");
    assertFalse(Http.text(got).contains("Concurrency"), Http.text(got));
  }

  @Test
  void listFunctions_trailingSlashAsTheCliSendsIt_isListFunctions() {
    lambda("POST", "/2015-03-31/functions", Map.of(), "{\"FunctionName\":\"echo\"}");
    HttpResponse<byte[]> r = lambda("GET", "/2015-03-31/functions/", Map.of(), "");
    assertEquals(200, r.statusCode(), Http.text(r));
    assertTrue(Http.text(r).contains("\"FunctionName\":\"echo\""), Http.text(r));
  }

  @Test
  void invoke_qualifierInTheQuery_runsThatVersion() {
    lambda("POST", "/2015-03-31/functions", Map.of(), "{\"FunctionName\":\"echo\"}");
    HttpResponse<byte[]> published =
        lambda("POST", "/2015-03-31/functions/echo/versions", Map.of(), "{}");
    assertEquals(201, published.statusCode(), Http.text(published));
    HttpResponse<byte[]> r =
        lambda("POST", "/2015-03-31/functions/echo/invocations?Qualifier=1", Map.of(), "{}");
    assertEquals(200, r.statusCode(), Http.text(r));
    assertEquals("1", header(r, "X-Amz-Executed-Version"));
  }
}
