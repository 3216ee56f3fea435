package dev.awssim.awssdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import dev.awssim.internal.SimulatorAccess;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

class RetryExecutorTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(7);
  private final AtomicInteger attempts = new AtomicInteger();

  private RetryExecutor executor(RetryPolicy policy) {
    return new RetryExecutor(SimulatorAccess.context(sim), policy, SdkErrors.DYNAMODB, "test");
  }

  /** Fails with {@code code} (HTTP {@code status}) the first {@code failures} times. */
  private String failing(int failures, String code, int status) {
    if (attempts.incrementAndGet() <= failures) {
      throw new FakeServiceError("DynamoDb", code, status);
    }
    return "ok";
  }

  private String throttledTimes(int failures) {
    return failing(failures, "ProvisionedThroughputExceededException", 400);
  }

  @Test
  void legacy_threeThrottlesThenSuccess_succeedsOnFourthAttempt() {
    RetryExecutor ex = executor(RetryPolicy.of(RetryMode.LEGACY));
    assertEquals("ok", ex.call("PutItem", () -> throttledTimes(3)));
    assertEquals(4, attempts.get());
  }

  @Test
  void legacy_fourThrottles_throwsAfterFourAttempts() {
    RetryExecutor ex = executor(RetryPolicy.of(RetryMode.LEGACY));
    AwsServiceException e =
        assertThrows(AwsServiceException.class, () -> ex.call("PutItem", () -> throttledTimes(4)));
    assertInstanceOf(ProvisionedThroughputExceededException.class, e);
    assertEquals(4, attempts.get());
    assertEquals(4, e.numAttempts());
    assertEquals(3, e.getSuppressed().length, "one per earlier attempt, as the SDK adds");
    assertTrue(e.getSuppressed()[0].getMessage().startsWith("Request attempt 1 failure: "));
  }

  @Test
  void standard_threeThrottles_throwsAfterThreeAttempts() {
    RetryExecutor ex = executor(RetryPolicy.of(RetryMode.STANDARD));
    assertThrows(AwsServiceException.class, () -> ex.call("PutItem", () -> throttledTimes(3)));
    assertEquals(3, attempts.get());
  }

  @Test
  void dynamoDbLegacy_eightThrottlesThenSuccess_succeedsOnNinthAttempt() {
    RetryExecutor ex = executor(RetryPolicy.ofDynamoDb(RetryMode.LEGACY));
    assertEquals("ok", ex.call("PutItem", () -> throttledTimes(8)));
    assertEquals(9, attempts.get());
  }

  @Test
  void dynamoDbLegacy_nineThrottles_throwsAfterNineAttempts() {
    RetryExecutor ex = executor(RetryPolicy.ofDynamoDb(RetryMode.LEGACY));
    assertThrows(AwsServiceException.class, () -> ex.call("PutItem", () -> throttledTimes(9)));
    assertEquals(9, attempts.get());
  }

  @Test
  void none_throttle_surfacesAtOnceWithoutAdvancingTime() {
    RetryExecutor ex = executor(RetryPolicy.of(RetryMode.NONE));
    AwsServiceException e =
        assertThrows(AwsServiceException.class, () -> ex.call("PutItem", () -> throttledTimes(1)));
    assertTrue(e.isThrottlingException());
    assertEquals(1, attempts.get());
    assertEquals(0, sim.clock().nanos());
  }

  @Test
  void legacy_nonRetryableError_failsAfterOneAttempt() {
    RetryExecutor ex = executor(RetryPolicy.of(RetryMode.LEGACY));
    assertThrows(
        ResourceNotFoundException.class,
        () -> ex.call("GetItem", () -> failing(1, "ResourceNotFoundException", 400)));
    assertEquals(1, attempts.get());
  }

  @Test
  void legacy_http500_isRetried() {
    RetryExecutor ex = executor(RetryPolicy.of(RetryMode.LEGACY));
    assertEquals("ok", ex.call("GetItem", () -> failing(2, "InternalServerError", 500)));
    assertEquals(3, attempts.get());
  }

  @Test
  void legacyThrottling_waitsHalfJitterFrom500ms() {
    // Retries 1, 2, 3 wait in [250, 500], [500, 1000], [1000, 2000] ms: 1.75 s to 3.5 s in all.
    RetryExecutor ex = executor(RetryPolicy.of(RetryMode.LEGACY));
    ex.call("PutItem", () -> throttledTimes(3));
    long waited = sim.clock().nanos();
    assertTrue(waited >= Duration.ofMillis(1750).toNanos(), "waited " + waited);
    assertTrue(waited <= Duration.ofMillis(3500).toNanos(), "waited " + waited);
  }

  @Test
  void retries_recordedOnTheTimeline() {
    AwsSimulator traced = AwsSimulator.builder().seed(7).traceEnabled(true).build();
    RetryExecutor ex =
        new RetryExecutor(
            SimulatorAccess.context(traced),
            RetryPolicy.of(RetryMode.LEGACY),
            SdkErrors.DYNAMODB,
            "test");
    assertThrows(AwsServiceException.class, () -> ex.call("PutItem", () -> throttledTimes(4)));
    var scheduled = traced.trace().events(AwsSdkEventType.RETRY_SCHEDULED);
    assertEquals(3, scheduled.size());
    assertEquals("2", scheduled.get(0).attributes().get("attempt"));
    assertEquals(
        "ProvisionedThroughputExceededException", scheduled.get(0).attributes().get("errorCode"));
    assertEquals(
        "4", traced.trace().events(AwsSdkEventType.FAILED).get(0).attributes().get("attempts"));
  }

  @Test
  void standardThrottling_waitsFullJitterFrom1s() {
    // Retries 1 and 2 wait below 1,000 and 2,000 ms: under 3 s in all.
    RetryExecutor ex = executor(RetryPolicy.of(RetryMode.STANDARD));
    ex.call("PutItem", () -> throttledTimes(2));
    assertTrue(sim.clock().nanos() < Duration.ofSeconds(3).toNanos());
    assertEquals(500 - 5, ex.quota(), "standard charges 5 per throttling retry, refunds 5");
  }

  @Test
  void dynamoDbTransientErrors_waitFullJitterFrom25ms() {
    // Eight retries wait below 25, 50, ..., 3200 ms: under 6.375 s in all.
    RetryExecutor ex = executor(RetryPolicy.ofDynamoDb(RetryMode.LEGACY));
    ex.call("GetItem", () -> failing(8, "InternalServerError", 500));
    assertTrue(sim.clock().nanos() < Duration.ofMillis(6375).toNanos());
  }

  @Test
  void legacy_transientRetries_drainQuotaFiveTokensEach_successRefunds() {
    RetryExecutor ex = executor(RetryPolicy.of(RetryMode.LEGACY));
    assertThrows(
        AwsServiceException.class,
        () -> ex.call("GetItem", () -> failing(4, "InternalServerError", 500)));
    assertEquals(500 - 3 * 5, ex.quota());
    attempts.set(0);
    ex.call("GetItem", () -> failing(1, "InternalServerError", 500));
    assertEquals(500 - 3 * 5, ex.quota());
  }

  @Test
  void legacy_throttlingRetries_costNoQuota() {
    RetryExecutor ex = executor(RetryPolicy.of(RetryMode.LEGACY));
    assertThrows(AwsServiceException.class, () -> ex.call("PutItem", () -> throttledTimes(4)));
    assertEquals(500, ex.quota());
  }

  @Test
  void sameSeed_sameWaits() {
    AwsSimulator other = AwsSimulator.withSeed(7);
    executor(RetryPolicy.of(RetryMode.LEGACY)).call("PutItem", () -> throttledTimes(3));
    attempts.set(0);
    new RetryExecutor(
            SimulatorAccess.context(other),
            RetryPolicy.of(RetryMode.LEGACY),
            SdkErrors.DYNAMODB,
            "test")
        .call("PutItem", () -> throttledTimes(3));
    assertEquals(sim.clock().nanos(), other.clock().nanos());
  }

  @Test
  void retryInsideScheduledTask_throwsIllegalState() {
    RetryExecutor ex = executor(RetryPolicy.of(RetryMode.LEGACY));
    AtomicReference<RuntimeException> thrown = new AtomicReference<>();
    sim.after(
        Duration.ofSeconds(1),
        () -> {
          try {
            ex.call("PutItem", () -> throttledTimes(1));
          } catch (RuntimeException e) {
            thrown.set(e);
          }
        });
    sim.advanceBy(Duration.ofSeconds(2));
    assertInstanceOf(IllegalStateException.class, thrown.get());
    assertTrue(thrown.get().getMessage().contains("RetryMode.NONE"));
  }
}
