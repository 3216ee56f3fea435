package dev.awssim.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.awssim.AwsSimulator;
import dev.awssim.engine.metrics.Dimensions;
import dev.awssim.engine.metrics.MetricKey;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Versions and provisioned concurrency with spillover:
 * https://docs.aws.amazon.com/lambda/latest/dg/provisioned-concurrency.html
 */
class ProvisionedConcurrencyTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(5);
  private final Lambda lambda = Lambda.create(sim);

  ProvisionedConcurrencyTest() {
    RequestHandler<Object, String> handler = (event, context) -> context.getFunctionVersion();
    lambda.createFunction(
        FunctionConfig.of("f", handler)
            .withTimeout(Duration.ofMinutes(15))
            .withDuration(DurationModel.fixed(Duration.ofMinutes(1))));
  }

  private double metric(String name) {
    return sim.metrics()
        .total(new MetricKey(Lambda.NAMESPACE, name, Dimensions.of("FunctionName", "f")));
  }

  private static String errorCode(Runnable call) {
    return assertThrows(LambdaException.class, call::run).errorCode();
  }

  @Test
  void putProvisionedConcurrencyConfig_onLatest_invalidParameterValue() {
    assertEquals(
        "InvalidParameterValueException",
        errorCode(() -> lambda.putProvisionedConcurrencyConfig("f", "$LATEST", 5)));
    assertEquals(
        "ResourceNotFoundException",
        errorCode(() -> lambda.putProvisionedConcurrencyConfig("f", "1", 5)));
  }

  @Test
  void provisioned_readyAfterAllocationDelay_thenServesUntilFullThenSpillsOver() {
    String version = lambda.publishVersion("f");
    lambda.putProvisionedConcurrencyConfig("f", version, 10);

    sim.advanceBy(LambdaLimits.PROVISIONED_ALLOCATION_DELAY.minusNanos(1));
    assertEquals("IN_PROGRESS", lambda.getProvisionedConcurrencyConfigStatus("f", version));
    sim.advanceBy(Duration.ofNanos(1));
    assertEquals("READY", lambda.getProvisionedConcurrencyConfigStatus("f", version));

    for (int i = 0; i < 11; i++) {
      lambda.invoke("f:" + version, "e", r -> assertEquals("1", r.payload()));
    }
    assertEquals(10, metric("ProvisionedConcurrencyInvocations"));
    assertEquals(1, metric("ProvisionedConcurrencySpilloverInvocations"));
    assertEquals(1, lambda.environments("f")); // only the spillover created an on-demand one
    assertEquals(11, lambda.concurrentExecutions("f"));
    sim.advanceBy(Duration.ofMinutes(1));
    assertEquals(0, lambda.concurrentExecutions("f"));
  }

  @Test
  void provisionedEqualsReserved_latestThrottled() {
    String version = lambda.publishVersion("f");
    lambda.putFunctionConcurrency("f", 5);
    lambda.putProvisionedConcurrencyConfig("f", version, 5);
    sim.advanceBy(LambdaLimits.PROVISIONED_ALLOCATION_DELAY);

    LambdaException e = assertThrows(LambdaException.class, () -> lambda.invoke("f", "e", r -> {}));
    assertEquals(
        ThrottleReason.ReservedFunctionConcurrentInvocationLimitExceeded, e.reason().orElseThrow());
    lambda.invoke("f:1", "e", r -> {});
  }

  @Test
  void putProvisionedConcurrencyConfig_zero_invalidParameterValue_oneAccepted() {
    String version = lambda.publishVersion("f");

    assertEquals(
        "InvalidParameterValueException",
        errorCode(() -> lambda.putProvisionedConcurrencyConfig("f", version, 0)));
    assertEquals(
        "ResourceNotFoundException",
        errorCode(() -> lambda.getProvisionedConcurrencyConfigStatus("f", version)));
    lambda.putProvisionedConcurrencyConfig("f", version, 1);
    assertEquals("IN_PROGRESS", lambda.getProvisionedConcurrencyConfigStatus("f", version));
  }

  @Test
  void putProvisionedConcurrencyConfig_overReservedOrUnreservedFloor_invalidParameterValue() {
    lambda.publishVersion("f");
    lambda.putFunctionConcurrency("f", 5);
    assertEquals(
        "InvalidParameterValueException",
        errorCode(() -> lambda.putProvisionedConcurrencyConfig("f", "1", 6)));
    lambda.deleteFunctionConcurrency("f");
    lambda.putProvisionedConcurrencyConfig("f", "1", 900); // leaves exactly 100 unreserved
    assertEquals(
        "InvalidParameterValueException",
        errorCode(() -> lambda.putProvisionedConcurrencyConfig("f", "1", 901)));
  }

  /** 400 provisioned on f's version 1, then another function g running 600 invocations. */
  private void provision400OnFThenRun600OfG() {
    lambda.publishVersion("f");
    lambda.putProvisionedConcurrencyConfig("f", "1", 400);
    RequestHandler<Object, String> other = (event, context) -> "ok";
    lambda.createFunction(
        FunctionConfig.of("g", other)
            .withTimeout(Duration.ofMinutes(15))
            .withDuration(DurationModel.fixed(Duration.ofMinutes(1))));
    for (int i = 0; i < 600; i++) {
      lambda.invoke("g", "e", r -> {});
    }
  }

  @Test
  void provisioned_countsAgainstUnreservedPool() {
    provision400OnFThenRun600OfG();
    LambdaException e = assertThrows(LambdaException.class, () -> lambda.invoke("g", "e", r -> {}));
    assertEquals(ThrottleReason.ConcurrentInvocationLimitExceeded, e.reason().orElseThrow());
  }

  @Test
  void deleteProvisionedConcurrencyConfig_returnsItsConcurrencyToTheUnreservedPool() {
    provision400OnFThenRun600OfG();

    lambda.deleteProvisionedConcurrencyConfig("f", "1");

    lambda.invoke("g", "e", r -> {}); // the 601st: 1,000 - 0 provisioned
    assertEquals(
        "ResourceNotFoundException",
        errorCode(() -> lambda.getProvisionedConcurrencyConfigStatus("f", "1")));
    assertEquals(
        "ResourceNotFoundException",
        errorCode(() -> lambda.deleteProvisionedConcurrencyConfig("f", "1")));
    assertEquals(
        "ResourceNotFoundException",
        errorCode(() -> lambda.deleteProvisionedConcurrencyConfig("f", "7")));
  }

  @Test
  void deleteProvisionedConcurrencyConfig_laterInvocationsOfTheVersionRunOnDemand() {
    lambda.publishVersion("f");
    lambda.putProvisionedConcurrencyConfig("f", "1", 2);
    sim.advanceBy(LambdaLimits.PROVISIONED_ALLOCATION_DELAY);
    lambda.invoke("f:1", "e", r -> {});
    assertEquals(1.0, metric("ProvisionedConcurrencyInvocations"));

    lambda.deleteProvisionedConcurrencyConfig("f", "1");
    lambda.invoke("f:1", "e", r -> {});

    assertEquals(1.0, metric("ProvisionedConcurrencyInvocations"));
    assertEquals(0.0, metric("ProvisionedConcurrencySpilloverInvocations"));
    assertEquals(1, lambda.environments("f"));
  }

  @Test
  void invoke_unknownVersion_resourceNotFound() {
    assertEquals(
        "ResourceNotFoundException",
        errorCode(() -> lambda.invoke("f:7", InvocationType.REQUEST_RESPONSE, "e")));
  }
}
