package dev.awssim.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.awssim.AwsSimulator;
import dev.awssim.engine.metrics.Datapoint;
import dev.awssim.engine.metrics.Dimensions;
import dev.awssim.engine.metrics.MetricKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Concurrency pools, reserved concurrency, the scaling rate and the request rate, each at AWS's
 * number: https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html and
 * https://docs.aws.amazon.com/lambda/latest/dg/scaling-behavior.html
 */
class ConcurrencyTest {
  private static final RequestHandler<Object, String> OK = (event, context) -> "ok";
  private static final Duration MINUTE = Duration.ofSeconds(60);

  private final AwsSimulator sim = AwsSimulator.withSeed(7);
  private final List<InvokeResult> completed = new ArrayList<>();

  private Lambda lambda(LambdaLimits limits, String... names) {
    Lambda lambda = Lambda.create(sim, limits);
    for (String name : names) {
      lambda.createFunction(
          FunctionConfig.of(name, OK)
              .withTimeout(Duration.ofMinutes(15))
              .withDuration(DurationModel.fixed(MINUTE)));
    }
    return lambda;
  }

  private void start(Lambda lambda, String name, int count) {
    for (int i = 0; i < count; i++) {
      lambda.invoke(name, "event", completed::add);
    }
  }

  private static ThrottleReason throttleReason(Lambda lambda, String name) {
    LambdaException e =
        assertThrows(LambdaException.class, () -> lambda.invoke(name, "event", r -> {}));
    assertEquals("TooManyRequestsException", e.errorCode());
    assertEquals(429, e.statusCode());
    assertTrue(e.isThrottling());
    return e.reason().orElseThrow();
  }

  @Test
  void invoke_1001stConcurrentInAccount_throttledConcurrentInvocationLimitExceeded() {
    Lambda lambda = lambda(LambdaLimits.defaults(), "a", "b");
    start(lambda, "a", 600);
    start(lambda, "b", 399);
    lambda.invoke("b", "event", completed::add); // the 1,000th: still admitted

    assertEquals(1_000, lambda.concurrentExecutions());
    assertEquals(ThrottleReason.ConcurrentInvocationLimitExceeded, throttleReason(lambda, "b"));
    assertEquals(1_000, lambda.concurrentExecutions());

    sim.advanceBy(MINUTE);
    assertEquals(1_000, completed.size());
    lambda.invoke("b", "event", completed::add);
    assertEquals(1, lambda.concurrentExecutions());
  }

  @Test
  void invoke_concurrencyMetrics_useAwsNames() {
    Lambda lambda = lambda(LambdaLimits.defaults(), "a");
    start(lambda, "a", 1_000);
    throttleReason(lambda, "a");
    sim.advanceBy(MINUTE);

    Dimensions fn = Dimensions.of("FunctionName", "a");
    assertEquals(1_000, total("Invocations", fn));
    assertEquals(1, total("Throttles", fn));
    assertEquals(1_000, max("ConcurrentExecutions", Dimensions.none()));
    assertEquals(1_000, max("UnreservedConcurrentExecutions", Dimensions.none()));
    assertEquals(60_000, max("Duration", fn));
  }

  private double total(String metric, Dimensions dims) {
    return sim.metrics().total(new MetricKey(Lambda.NAMESPACE, metric, dims));
  }

  private double max(String metric, Dimensions dims) {
    return sim
        .metrics()
        .getMetricStatistics(
            new MetricKey(Lambda.NAMESPACE, metric, dims),
            sim.clock().start(),
            sim.now().plusSeconds(1),
            Duration.ofHours(1))
        .stream()
        .mapToDouble(Datapoint::maximum)
        .max()
        .orElse(0);
  }

  @Test
  void claimedAccountConcurrency_isUnreservedInUsePlusReservedPlusProvisioned() {
    Lambda lambda = lambda(LambdaLimits.defaults(), "a", "b", "c");
    lambda.putFunctionConcurrency("a", 100);
    lambda.putProvisionedConcurrencyConfig("c", lambda.publishVersion("c"), 50);
    start(lambda, "b", 10);

    assertEquals(10 + 100 + 50, max("ClaimedAccountConcurrency", Dimensions.none()));
    assertEquals(10, max("UnreservedConcurrentExecutions", Dimensions.none()));
  }

  @Test
  void invoke_reservedConcurrencyFull_throttledReservedFunctionConcurrentInvocationLimitExceeded() {
    Lambda lambda = lambda(LambdaLimits.defaults(), "a");
    lambda.putFunctionConcurrency("a", 10);
    start(lambda, "a", 10);

    assertEquals(
        ThrottleReason.ReservedFunctionConcurrentInvocationLimitExceeded,
        throttleReason(lambda, "a"));
  }

  @Test
  void invoke_reservedConcurrencyZero_throttlesEveryCall() {
    Lambda lambda = lambda(LambdaLimits.defaults(), "a");
    lambda.putFunctionConcurrency("a", 0);

    for (int hour = 0; hour < 3; hour++) {
      assertEquals(
          ThrottleReason.ReservedFunctionConcurrentInvocationLimitExceeded,
          throttleReason(lambda, "a"));
      sim.advanceBy(Duration.ofHours(1));
    }
    assertEquals(0, lambda.environments("a"));
  }

  @Test
  void invoke_reservationTakesShare_otherFunctionsThrottledAtQuotaMinusReserved() {
    Lambda lambda = lambda(LambdaLimits.defaults(), "reserved", "other");
    lambda.putFunctionConcurrency("reserved", 300);
    start(lambda, "other", 700);

    assertEquals(ThrottleReason.ConcurrentInvocationLimitExceeded, throttleReason(lambda, "other"));
    start(lambda, "reserved", 300); // its share stays available
    assertEquals(1_000, lambda.concurrentExecutions());
  }

  @Test
  void putFunctionConcurrency_belowUnreservedFloor_invalidParameterValue() {
    Lambda lambda = lambda(LambdaLimits.defaults(), "a", "b");
    lambda.putFunctionConcurrency("a", 500);
    lambda.putFunctionConcurrency("b", 400); // leaves exactly 100 unreserved

    LambdaException e =
        assertThrows(LambdaException.class, () -> lambda.putFunctionConcurrency("b", 401));
    assertEquals("InvalidParameterValueException", e.errorCode());
    assertEquals(400, e.statusCode());
    assertEquals(400, lambda.getFunctionConcurrency("b").orElseThrow());

    lambda.deleteFunctionConcurrency("b");
    assertTrue(lambda.getFunctionConcurrency("b").isEmpty());
    lambda.putFunctionConcurrency("a", 900);
  }

  @Test
  void putFunctionConcurrency_negative_invalidParameterValue() {
    Lambda lambda = lambda(LambdaLimits.defaults(), "a");
    LambdaException e =
        assertThrows(LambdaException.class, () -> lambda.putFunctionConcurrency("a", -1));
    assertEquals("InvalidParameterValueException", e.errorCode());
    assertTrue(lambda.getFunctionConcurrency("a").isEmpty());
  }

  @Test
  void scaling_coldFunction_1000InFirstInstantThen100PerSecond() {
    Lambda lambda = lambda(LambdaLimits.defaults().withAccountConcurrency(3_000), "a");

    start(lambda, "a", 1_000);
    assertEquals(ThrottleReason.FunctionInvocationRateLimitExceeded, throttleReason(lambda, "a"));

    sim.advanceTo(sim.clock().start().plusSeconds(1).minusNanos(1));
    start(lambda, "a", 99);
    assertEquals(ThrottleReason.FunctionInvocationRateLimitExceeded, throttleReason(lambda, "a"));

    sim.advanceTo(sim.clock().start().plusSeconds(1));
    start(lambda, "a", 1);
    assertEquals(ThrottleReason.FunctionInvocationRateLimitExceeded, throttleReason(lambda, "a"));

    sim.advanceTo(sim.clock().start().plusSeconds(10));
    start(lambda, "a", 900); // 1,000 + 100 per second over 10 s = 2,000 in all
    assertEquals(ThrottleReason.FunctionInvocationRateLimitExceeded, throttleReason(lambda, "a"));
    assertEquals(2_000, lambda.environments("a"));
  }

  @Test
  void scaling_reservedFunction_bucketEmpty_throttledReservedFunctionInvocationRateLimitExceeded() {
    Lambda lambda = lambda(LambdaLimits.defaults().withAccountConcurrency(3_000), "a");
    lambda.putFunctionConcurrency("a", 2_000);

    start(lambda, "a", 1_000);
    assertEquals(
        ThrottleReason.ReservedFunctionInvocationRateLimitExceeded, throttleReason(lambda, "a"));
    sim.advanceTo(sim.clock().start().plusSeconds(1).minusNanos(1));
    start(lambda, "a", 99);
    assertEquals(
        ThrottleReason.ReservedFunctionInvocationRateLimitExceeded, throttleReason(lambda, "a"));
    sim.advanceTo(sim.clock().start().plusSeconds(1));
    start(lambda, "a", 1); // 1,000 + 100 per second
    assertEquals(1_100, lambda.concurrentExecutions("a"));
  }

  @Test
  void scaling_idleForAnHour_doesNotAccumulateBeyond1000() {
    Lambda lambda = lambda(LambdaLimits.defaults().withAccountConcurrency(3_000), "a");
    sim.advanceBy(Duration.ofHours(1));

    start(lambda, "a", 1_000);
    assertEquals(ThrottleReason.FunctionInvocationRateLimitExceeded, throttleReason(lambda, "a"));
  }

  @Test
  void scaling_idleEnvironmentReused_costsNoScalingCapacity() {
    Lambda lambda = lambda(LambdaLimits.defaults().withAccountConcurrency(3_000), "a");
    start(lambda, "a", 1_000);
    sim.advanceBy(MINUTE); // all 1,000 finish; the bucket is full again, the environments idle

    start(lambda, "a", 2_000); // 1,000 reused + 1,000 new
    assertEquals(ThrottleReason.FunctionInvocationRateLimitExceeded, throttleReason(lambda, "a"));
    assertEquals(2_000, lambda.environments("a"));
  }

  @Test
  void invoke_overRequestRate_throttledFunctionInvocationRateLimitExceeded() {
    // Account quota 100 -> 1,000 invoke requests per second.
    Lambda lambda = Lambda.create(sim, LambdaLimits.defaults().withAccountConcurrency(100));
    lambda.createFunction(FunctionConfig.of("fast", OK));
    for (int i = 0; i < 1_000; i++) {
      assertEquals(200, lambda.invoke("fast", InvocationType.REQUEST_RESPONSE, "e").statusCode());
    }
    LambdaException e =
        assertThrows(
            LambdaException.class,
            () -> lambda.invoke("fast", InvocationType.REQUEST_RESPONSE, "e"));
    assertEquals(ThrottleReason.FunctionInvocationRateLimitExceeded, e.reason().orElseThrow());
    assertEquals(1, e.retryAfterSeconds());
    assertEquals(1, lambda.environments("fast"));

    sim.advanceBy(Duration.ofMillis(1)); // one request's worth of rate
    lambda.invoke("fast", InvocationType.EVENT, "e");
  }
}
