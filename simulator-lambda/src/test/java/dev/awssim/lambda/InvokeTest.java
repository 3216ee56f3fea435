package dev.awssim.lambda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.awssim.AwsSimulator;
import dev.awssim.engine.metrics.Dimensions;
import dev.awssim.engine.metrics.MetricKey;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Invocation types, function errors and timeouts:
 * https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html and
 * https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html
 */
class InvokeTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(11);
  private final Lambda lambda = Lambda.create(sim);

  private Instant at(Duration d) {
    return sim.clock().start().plus(d);
  }

  @Test
  void invoke_realSqsHandler_returnsItsResponseAfterDeclaredDuration() {
    RequestHandler<SQSEvent, SQSBatchResponse> handler =
        (event, context) -> {
          ((LambdaContext) context).setDuration(Duration.ofSeconds(event.getRecords().size()));
          return SQSBatchResponse.builder()
              .withBatchItemFailures(
                  List.of(new SQSBatchResponse.BatchItemFailure(context.getAwsRequestId())))
              .build();
        };
    lambda.createFunction(FunctionConfig.of("sqs", handler).withTimeout(Duration.ofSeconds(30)));
    SQSEvent event = new SQSEvent();
    SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
    m.setBody("hello");
    event.setRecords(List.of(m, m));

    InvokeResult r = lambda.invoke("sqs", InvocationType.REQUEST_RESPONSE, event);

    assertEquals(200, r.statusCode());
    assertNull(r.functionError());
    assertEquals("$LATEST", r.executedVersion());
    assertEquals(
        r.requestId(),
        ((SQSBatchResponse) r.payload()).getBatchItemFailures().get(0).getItemIdentifier());
    assertEquals(Duration.ofSeconds(2), r.duration());
    assertEquals(at(Duration.ofSeconds(2)), sim.now());
  }

  @Test
  void invoke_streamHandler_getsBytesAndReturnsWhatItWrote() {
    RequestStreamHandler echo = (in, out, context) -> out.write(in.readAllBytes());
    lambda.createFunction(FunctionConfig.of("echo", echo));

    InvokeResult r = lambda.invoke("echo", InvocationType.REQUEST_RESPONSE, "{\"a\":1}");

    assertArrayEquals("{\"a\":1}".getBytes(StandardCharsets.UTF_8), (byte[]) r.payload());
  }

  @Test
  void invoke_handlerThrows_functionErrorWithStatus200() {
    RequestHandler<Object, String> failing =
        (event, context) -> {
          throw new IllegalStateException("boom");
        };
    lambda.createFunction(FunctionConfig.of("failing", failing));

    InvokeResult r = lambda.invoke("failing", InvocationType.REQUEST_RESPONSE, "e");

    assertEquals(200, r.statusCode());
    assertEquals("Unhandled", r.functionError());
    assertEquals(
        new InvokeResult.FunctionError("java.lang.IllegalStateException", "boom"), r.payload());
    assertEquals(
        1,
        sim.metrics()
            .total(
                new MetricKey(
                    Lambda.NAMESPACE, "Errors", Dimensions.of("FunctionName", "failing"))));
  }

  @Test
  void invoke_durationJustBelowTimeout_succeeds() {
    lambda.createFunction(
        FunctionConfig.of("f", (RequestHandler<Object, String>) (e, c) -> "ok")
            .withDuration(DurationModel.fixed(Duration.ofSeconds(3).minusMillis(1))));

    InvokeResult r = lambda.invoke("f", InvocationType.REQUEST_RESPONSE, "e");

    assertNull(r.functionError());
    assertEquals("ok", r.payload());
  }

  @Test
  void invoke_durationEqualsTimeout_timesOutAtExactlyTheTimeout() {
    lambda.createFunction(
        FunctionConfig.of("f", (RequestHandler<Object, String>) (e, c) -> "ok")
            .withDuration(DurationModel.fixed(LambdaLimits.DEFAULT_TIMEOUT)));

    InvokeResult r = lambda.invoke("f", InvocationType.REQUEST_RESPONSE, "e");

    assertEquals("Unhandled", r.functionError());
    assertEquals("Sandbox.Timedout", ((InvokeResult.FunctionError) r.payload()).errorType());
    assertEquals(Duration.ofSeconds(3), r.duration());
    assertEquals(at(Duration.ofSeconds(3)), sim.now());
  }

  @Test
  void invoke_declaredDurationBeyondTimeout_endsAtTheTimeout() {
    RequestHandler<Object, String> slow =
        (event, context) -> {
          ((LambdaContext) context).setDuration(Duration.ofMinutes(20));
          return "late";
        };
    lambda.createFunction(
        FunctionConfig.of("slow", slow).withTimeout(LambdaLimits.MAXIMUM_TIMEOUT));

    InvokeResult r = lambda.invoke("slow", InvocationType.REQUEST_RESPONSE, "e");

    assertEquals("Unhandled", r.functionError());
    assertEquals(at(Duration.ofMinutes(15)), sim.now());
  }

  @Test
  void createFunction_timeoutOver900Seconds_invalidParameterValue() {
    LambdaException e =
        assertThrows(
            LambdaException.class,
            () ->
                lambda.createFunction(
                    FunctionConfig.of("f", (RequestHandler<Object, String>) (x, c) -> "ok")
                        .withTimeout(Duration.ofSeconds(901))));
    assertEquals("InvalidParameterValueException", e.errorCode());
    assertEquals(400, e.statusCode());
    assertEquals(List.of(), lambda.listFunctions());
  }

  @Test
  void createFunction_twice_resourceConflict() {
    lambda.createFunction(FunctionConfig.of("f", (RequestHandler<Object, String>) (x, c) -> "ok"));
    LambdaException e =
        assertThrows(
            LambdaException.class,
            () ->
                lambda.createFunction(
                    FunctionConfig.of("f", (RequestHandler<Object, String>) (x, c) -> "ok")));
    assertEquals("ResourceConflictException", e.errorCode());
    assertEquals(409, e.statusCode());
  }

  @Test
  void createFunction_notAHandler_invalidParameterValue() {
    LambdaException e =
        assertThrows(
            LambdaException.class,
            () -> lambda.createFunction(FunctionConfig.of("f", "not a handler")));
    assertEquals("InvalidParameterValueException", e.errorCode());
  }

  @Test
  void invoke_unknownFunction_resourceNotFound404() {
    LambdaException e =
        assertThrows(
            LambdaException.class,
            () -> lambda.invoke("missing", InvocationType.REQUEST_RESPONSE, "e"));
    assertEquals("ResourceNotFoundException", e.errorCode());
    assertEquals(404, e.statusCode());
  }

  @Test
  void invoke_dryRunAndEvent_return204And202WithoutRunningNow() {
    int[] runs = {0};
    lambda.createFunction(
        FunctionConfig.of(
            "f",
            (RequestHandler<Object, String>)
                (x, c) -> {
                  runs[0]++;
                  return "ok";
                }));

    assertEquals(204, lambda.invoke("f", InvocationType.DRY_RUN, "e").statusCode());
    assertEquals(202, lambda.invoke("f", InvocationType.EVENT, "e").statusCode());
    assertEquals(0, runs[0]);
    sim.runUntilIdle();
    assertEquals(1, runs[0]);
  }

  @Test
  void invoke_sameSeed_sameTraceHash() {
    assertEquals(traceHash(99), traceHash(99));
  }

  private static String traceHash(long seed) {
    AwsSimulator s = AwsSimulator.withSeed(seed);
    Lambda l = Lambda.create(s);
    l.createFunction(
        FunctionConfig.of(
                "f",
                (RequestHandler<Object, String>)
                    (x, c) -> {
                      if (x.equals(3)) {
                        throw new IllegalArgumentException("three");
                      }
                      return "ok";
                    })
            .withDuration(DurationModel.uniform(Duration.ofMillis(10), Duration.ofSeconds(5))));
    for (int i = 0; i < 20; i++) {
      l.invoke("f", InvocationType.EVENT, i);
      l.invoke("f", i, r -> {});
      s.advanceBy(Duration.ofMillis(700));
    }
    s.advanceBy(Duration.ofMinutes(10));
    return s.trace().hash();
  }
}
