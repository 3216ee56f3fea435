package dev.awssim.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.awssim.AwsSimulator;
import dev.awssim.engine.metrics.Dimensions;
import dev.awssim.engine.metrics.MetricKey;
import dev.awssim.engine.trace.TraceEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The asynchronous event queue: two retries after function errors, 1 and 2 minutes apart, the
 * maximum event age, throttle backoff from 1 s to 5 min, destinations:
 * https://docs.aws.amazon.com/lambda/latest/dg/invocation-async.html
 */
class AsyncInvokeTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(3);
  private final Lambda lambda = Lambda.create(sim);
  private final List<InvocationRecord> failures = new ArrayList<>();
  private final List<InvocationRecord> successes = new ArrayList<>();
  private final List<Instant> attempts = new ArrayList<>();

  private void function(String name, boolean fails, Duration duration) {
    RequestHandler<Object, String> handler =
        (event, context) -> {
          attempts.add(sim.now());
          if (fails) {
            throw new IllegalStateException("boom");
          }
          return "done";
        };
    lambda.createFunction(
        FunctionConfig.of(name, handler)
            .withTimeout(Duration.ofMinutes(15))
            .withDuration(DurationModel.fixed(duration)));
    lambda.putFunctionEventInvokeConfig(
        name,
        EventInvokeConfig.defaults().withOnSuccess(successes::add).withOnFailure(failures::add));
  }

  private Instant at(long seconds) {
    return sim.clock().start().plusSeconds(seconds);
  }

  private double metric(String name, String function) {
    return sim.metrics()
        .total(new MetricKey(Lambda.NAMESPACE, name, Dimensions.of("FunctionName", function)));
  }

  @Test
  void event_functionErrors_retriedExactlyTwice1And2MinutesAfterEachEnd() {
    function("f", true, Duration.ofSeconds(5));
    lambda.invoke("f", InvocationType.EVENT, "e");

    sim.advanceTo(at(65).minusNanos(1));
    assertEquals(List.of(at(0)), attempts);
    sim.advanceTo(at(65)); // attempt 1 ended at 5 s; retry 60 s later
    assertEquals(List.of(at(0), at(65)), attempts);
    sim.advanceTo(at(190).minusNanos(1));
    assertEquals(2, attempts.size());
    sim.advanceTo(at(190)); // attempt 2 ended at 70 s; retry 120 s later
    assertEquals(List.of(at(0), at(65), at(190)), attempts);
    sim.advanceBy(Duration.ofHours(6));

    assertEquals(3, attempts.size());
    assertEquals(1, failures.size());
    InvocationRecord record = failures.get(0);
    assertEquals("RetriesExhausted", record.condition());
    assertEquals(3, record.approximateInvokeCount());
    assertEquals("Unhandled", record.functionError());
    assertEquals("e", record.requestPayload());
    assertEquals(at(195), record.timestamp());
    assertEquals(1, metric("AsyncEventsReceived", "f"));
    assertEquals(1, metric("AsyncEventsDropped", "f"));
    assertEquals(3, metric("Errors", "f"));
  }

  @Test
  void event_maximumRetryAttemptsZero_noRetry() {
    function("f", true, Duration.ZERO);
    lambda.putFunctionEventInvokeConfig(
        "f", lambda.getFunctionEventInvokeConfig("f").withMaximumRetryAttempts(0));
    lambda.invoke("f", InvocationType.EVENT, "e");
    sim.advanceBy(Duration.ofHours(1));

    assertEquals(1, attempts.size());
    assertEquals(1, failures.get(0).approximateInvokeCount());
  }

  @Test
  void event_success_onSuccessDestinationGetsRecord() {
    function("f", false, Duration.ofSeconds(2));
    lambda.invoke("f", InvocationType.EVENT, "e");
    sim.advanceBy(Duration.ofSeconds(2));

    assertEquals(1, successes.size());
    assertEquals("Success", successes.get(0).condition());
    assertEquals("done", successes.get(0).responsePayload());
    assertEquals("1.0", successes.get(0).version());
    assertEquals(0, failures.size());
  }

  @Test
  void event_retryDueAtExactlyMaximumAge_droppedEventAgeExceeded() {
    function("f", true, Duration.ZERO);
    lambda.putFunctionEventInvokeConfig(
        "f", lambda.getFunctionEventInvokeConfig("f").withMaximumEventAge(Duration.ofSeconds(60)));
    lambda.invoke("f", InvocationType.EVENT, "e");

    sim.advanceTo(at(60).minusNanos(1));
    assertTrue(failures.isEmpty());
    sim.advanceTo(at(60)); // the retry is due at 60 s, the event's age is 60 s: dropped
    assertEquals(List.of(at(0)), attempts);
    assertEquals("EventAgeExceeded", failures.get(0).condition());
    assertEquals(1, metric("AsyncEventsDropped", "f"));
  }

  @Test
  void event_throttled_retriedAfter1s2s4sThenDroppedAtFirstTryPastMaximumAge() {
    function("f", false, Duration.ofHours(1));
    lambda.putFunctionConcurrency("f", 1);
    lambda.putFunctionEventInvokeConfig(
        "f", lambda.getFunctionEventInvokeConfig("f").withMaximumEventAge(Duration.ofSeconds(60)));
    lambda.invoke("f", "busy", r -> {}); // holds the only slot for an hour
    lambda.invoke("f", InvocationType.EVENT, "e");
    sim.advanceBy(Duration.ofMinutes(2));

    List<String> retries =
        sim.trace().events(LambdaEventType.EVENT_RETRY_SCHEDULED).stream()
            .map(ev -> ev.attribute("at"))
            .toList();
    // Tries at 0, 1, 3, 7, 15, 31, 63 s: waits of 1, 2, 4, 8, 16, 32 s.
    assertEquals(
        List.of(1, 3, 7, 15, 31, 63).stream().map(s -> at(s).toString()).toList(), retries);
    List<TraceEvent> dropped = sim.trace().events(LambdaEventType.EVENT_DROPPED);
    assertEquals(1, dropped.size());
    assertEquals(at(63), dropped.get(0).time());
    assertEquals("EventAgeExceeded", failures.get(0).condition());
    assertEquals(0, failures.get(0).approximateInvokeCount());
    assertEquals(1, attempts.size()); // only "busy" ran
  }

  @Test
  void event_throttledLong_backoffCappedAt5Minutes() {
    function("f", false, Duration.ofHours(2));
    lambda.putFunctionConcurrency("f", 1);
    lambda.invoke("f", "busy", r -> {});
    lambda.invoke("f", InvocationType.EVENT, "e");
    sim.advanceBy(Duration.ofMinutes(30));

    List<Instant> tries =
        sim.trace().events(LambdaEventType.EVENT_RETRY_SCHEDULED).stream()
            .map(ev -> Instant.parse(ev.attribute("at")))
            .toList();
    // 1, 2, 4, ..., 256 s, then 300 s (5 minutes) between tries.
    assertEquals(Duration.ofSeconds(256), Duration.between(tries.get(7), tries.get(8)));
    assertEquals(Duration.ofMinutes(5), Duration.between(tries.get(8), tries.get(9)));
    assertEquals(Duration.ofMinutes(5), Duration.between(tries.get(9), tries.get(10)));
  }

  @Test
  void event_reservedConcurrencyZero_straightToFailureWithoutRetries() {
    function("f", false, Duration.ZERO);
    lambda.putFunctionConcurrency("f", 0);
    lambda.invoke("f", InvocationType.EVENT, "e");
    sim.runUntilIdle();

    assertEquals(List.of(), attempts);
    assertEquals(1, failures.size());
    assertEquals(0, failures.get(0).approximateInvokeCount());
    assertEquals(at(0), failures.get(0).timestamp());
    assertEquals(1, metric("Throttles", "f"));
  }

  @Test
  void event_asyncEventAge_recordedWhenInvoked() {
    function("f", true, Duration.ZERO);
    lambda.invoke("f", InvocationType.EVENT, "e");
    sim.advanceBy(Duration.ofMinutes(5));

    // Ages 0, 60 s and 180 s, in milliseconds.
    assertEquals(240_000, metric("AsyncEventAge", "f"));
  }

  @Test
  void putFunctionEventInvokeConfig_outOfRange_invalidParameterValue() {
    function("f", false, Duration.ZERO);
    EventInvokeConfig before = lambda.getFunctionEventInvokeConfig("f");
    for (EventInvokeConfig bad :
        List.of(
            before.withMaximumRetryAttempts(3),
            before.withMaximumEventAge(Duration.ofSeconds(59)),
            before.withMaximumEventAge(Duration.ofSeconds(21_601)))) {
      LambdaException e =
          assertThrows(LambdaException.class, () -> lambda.putFunctionEventInvokeConfig("f", bad));
      assertEquals("InvalidParameterValueException", e.errorCode());
    }
    assertEquals(before, lambda.getFunctionEventInvokeConfig("f"));
  }
}
