package dev.awssim.awssdk;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.awssim.engine.SimulationContext;
import dev.awssim.engine.random.RandomIds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Runs one SDK call against the simulator the way the SDK's retry strategy would: translate a
 * simulator error into the SDK's exception, decide with the SDK's rules whether to retry, wait the
 * SDK's jittered backoff by advancing virtual time, and keep the SDK's retry quota.
 *
 * <p>Retryable, as in {@code AwsRetryStrategy}: throttling errors ({@link
 * AwsServiceException#isThrottlingException()}: HTTP 429 or a code such as {@code
 * ProvisionedThroughputExceededException} or {@code RequestThrottled}), HTTP 500, 502, 503, 504,
 * and the codes {@code RequestTimeout}, {@code RequestTimeoutException}, {@code InternalError},
 * {@code PriorRequestNotComplete}. Anything else fails at once.
 *
 * <p>Backoff before attempt {@code a} (2, 3, ...): ceiling {@code c = min(base * 2^(a-2), 20 s)} in
 * whole milliseconds; full jitter waits {@code uniform[0, c)}, half jitter {@code c/2 + uniform[0,
 * c/2]} ({@code ExponentialDelayWithJitter}, {@code ExponentialDelayWithHalfJitter}). The jitter
 * comes from the seeded stream {@code awssdk/retries/<client>}.
 */
final class RetryExecutor {
  /** {@code SdkDefaultRetrySetting.RETRYABLE_STATUS_CODES}. */
  private static final ImmutableSet<Integer> RETRYABLE_STATUS = ImmutableSet.of(500, 502, 503, 504);

  /** {@code AwsErrorCode.RETRYABLE_ERROR_CODES}. */
  private static final ImmutableSet<String> RETRYABLE_CODES =
      ImmutableSet.of(
          "PriorRequestNotComplete", "RequestTimeout", "RequestTimeoutException", "InternalError");

  /** {@code BackoffStrategiesConstants.RETRIES_ATTEMPTED_CEILING}: the exponent stops growing. */
  private static final int RETRIES_ATTEMPTED_CEILING = 30;

  private final SimulationContext context;
  private final RetryPolicy policy;
  private final ServiceErrors errors;
  private final RandomGenerator jitter;
  private final RandomGenerator requestIds;
  private final String clientName;
  private final ClientFaults faults;
  private final RandomGenerator faultDraws;
  private int quota = RetryPolicy.RETRY_QUOTA;

  RetryExecutor(
      SimulationContext context, RetryPolicy policy, ServiceErrors errors, String clientName) {
    this(context, policy, errors, clientName, ClientFaults.none());
  }

  RetryExecutor(
      SimulationContext context,
      RetryPolicy policy,
      ServiceErrors errors,
      String clientName,
      ClientFaults faults) {
    this.context = checkNotNull(context, "context");
    this.policy = checkNotNull(policy, "policy");
    this.errors = checkNotNull(errors, "errors");
    this.clientName = checkNotNull(clientName, "clientName");
    this.jitter = context.random().stream("awssdk/retries/" + clientName);
    this.requestIds = context.random().stream("awssdk/request-ids/" + clientName);
    this.faults = checkNotNull(faults, "faults");
    this.faultDraws = context.random().stream("awssdk/faults/" + clientName);
  }

  /**
   * Runs {@code attempt} until it succeeds, fails with a non-retryable error, or the attempts or
   * the retry quota run out; then returns its result or throws the SDK exception of the last error.
   *
   * @throws AwsServiceException the SDK's modelled exception of the last error
   * @throws IllegalStateException if a retry must wait and the call runs inside a scheduled task,
   *     where virtual time cannot be advanced (use {@link RetryMode#NONE} for simulated actors)
   */
  <T> T call(String operation, Supplier<T> attempt) {
    synchronized (context.lock()) {
      int acquired = 0;
      List<String> failures = new ArrayList<>();
      for (int n = 1; ; n++) {
        try {
          injectFaults(operation);
          T result = attempt.get();
          quota = Math.min(RetryPolicy.RETRY_QUOTA, quota + Math.max(acquired, 1));
          return result;
        } catch (dev.awssim.engine.AwsServiceException e) {
          AwsServiceException sdk = errors.translate(e, requestId());
          boolean throttling = sdk.isThrottlingException();
          int cost = throttling ? policy.throttlingCost() : policy.transientCost();
          if (n >= policy.maxAttempts() || !isRetryable(sdk) || cost > quota) {
            trace(AwsSdkEventType.FAILED, operation, "attempts", n, sdk);
            throw lastError(sdk, failures, n);
          }
          failures.add(sdk.getMessage());
          quota -= cost;
          acquired = cost;
          waitBeforeAttempt(operation, n + 1, throttling, sdk);
        }
      }
    }
  }

  /** Adds the profile's latency on virtual time, then throttles the attempt if the draw says so. */
  private void injectFaults(String operation) {
    if (!faults.addedLatency().isZero() && !context.scheduler().isRunningTask()) {
      context.scheduler().advanceBy(faults.addedLatency());
    }
    if (faults.throttles(operation) && faultDraws.nextDouble() < faults.throttleProbability()) {
      throw InjectedThrottle.forClient(clientName);
    }
  }

  /** Runs {@code action}, which returns nothing, as {@link #call}. */
  void run(String operation, Runnable action) {
    call(
        operation,
        () -> {
          action.run();
          return null;
        });
  }

  /** The retry tokens left in this client's quota (500 when full). */
  int quota() {
    synchronized (context.lock()) {
      return quota;
    }
  }

  /**
   * The exception the SDK throws when it stops retrying ({@code RetryableStageHelper
   * .retryPolicyDisallowedRetryException}): the last error with {@code numAttempts()} set and one
   * suppressed {@code "Request attempt N failure: ..."} per earlier attempt.
   */
  private static AwsServiceException lastError(
      AwsServiceException last, List<String> earlier, int attempts) {
    AwsServiceException e = (AwsServiceException) last.toBuilder().numAttempts(attempts).build();
    for (int i = 0; i < earlier.size(); i++) {
      e.addSuppressed(
          SdkClientException.builder()
              .message("Request attempt " + (i + 1) + " failure: " + earlier.get(i))
              .writableStackTrace(false)
              .build());
    }
    return e;
  }

  static boolean isRetryable(AwsServiceException e) {
    return e.isThrottlingException()
        || RETRYABLE_STATUS.contains(e.statusCode())
        || (e.awsErrorDetails() != null
            && RETRYABLE_CODES.contains(e.awsErrorDetails().errorCode()));
  }

  private void waitBeforeAttempt(
      String operation, int attempt, boolean throttling, AwsServiceException cause) {
    if (context.scheduler().isRunningTask()) {
      IllegalStateException e =
          new IllegalStateException(
              operation
                  + " must wait before retrying, but it runs inside a scheduled task where virtual"
                  + " time cannot advance; give simulated actors a client with RetryMode.NONE");
      e.initCause(cause);
      throw e;
    }
    Duration delay = backoff(attempt, throttling);
    if (context.trace().isEnabled()) {
      context
          .trace()
          .record(
              AwsSdkEventType.RETRY_SCHEDULED,
              operation,
              ImmutableMap.of(
                  "client", clientName,
                  "attempt", Integer.toString(attempt),
                  "errorCode", cause.awsErrorDetails().errorCode(),
                  "delayMillis", Long.toString(delay.toMillis())));
    }
    context.scheduler().advanceBy(delay);
  }

  private void trace(
      AwsSdkEventType type, String operation, String key, int value, AwsServiceException e) {
    if (context.trace().isEnabled()) {
      context
          .trace()
          .record(
              type,
              operation,
              ImmutableMap.of(
                  "client",
                  clientName,
                  key,
                  Integer.toString(value),
                  "errorCode",
                  e.awsErrorDetails().errorCode()));
    }
  }

  private Duration backoff(int attempt, boolean throttling) {
    Duration base = throttling ? policy.throttledBaseDelay() : policy.baseDelay();
    int exponent = Math.min(attempt, RETRIES_ATTEMPTED_CEILING) - 2;
    long ceiling =
        Math.min(base.multipliedBy(1L << exponent).toMillis(), RetryPolicy.MAX_BACKOFF.toMillis());
    int c = (int) ceiling;
    long millis =
        throttling && policy.throttledHalfJitter()
            ? c / 2 + jitter.nextInt(c / 2 + 1)
            : jitter.nextInt(c);
    return Duration.ofMillis(millis);
  }

  private String requestId() {
    return RandomIds.uuid(requestIds).toString();
  }
}
