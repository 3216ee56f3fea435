package dev.awssim.awssdk;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.awssim.engine.random.RandomStreams;
import dev.awssim.engine.time.Cancellable;
import dev.awssim.internal.RandomIds;
import dev.awssim.internal.SimulationContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
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
  private final Executor completions;

  /**
   * Whether this is the one-attempt view that a sync adapter behind an async client uses: errors
   * are translated, nothing is retried or injected (the async client's own loop does that).
   */
  private final boolean singleAttempt;

  private int quota = RetryPolicy.RETRY_QUOTA;

  RetryExecutor(
      SimulationContext context, RetryPolicy policy, ServiceErrors errors, String clientName) {
    this(context, policy, errors, clientName, ClientFaults.none(), Runnable::run);
  }

  RetryExecutor(
      SimulationContext context,
      RetryPolicy policy,
      ServiceErrors errors,
      String clientName,
      ClientFaults faults) {
    this(context, policy, errors, clientName, faults, Runnable::run);
  }

  RetryExecutor(
      SimulationContext context,
      RetryPolicy policy,
      ServiceErrors errors,
      String clientName,
      ClientFaults faults,
      Executor completions) {
    this(context, policy, errors, clientName, faults, completions, context.random());
  }

  /**
   * @param streams where the jitter, request ids and fault draws come from: the simulation's own,
   *     or a set of streams of the same seed kept by one {@link SimulatedAws} alone
   */
  RetryExecutor(
      SimulationContext context,
      RetryPolicy policy,
      ServiceErrors errors,
      String clientName,
      ClientFaults faults,
      Executor completions,
      RandomStreams streams) {
    this.context = checkNotNull(context, "context");
    this.policy = checkNotNull(policy, "policy");
    this.errors = checkNotNull(errors, "errors");
    this.clientName = checkNotNull(clientName, "clientName");
    this.jitter = streams.stream("awssdk/retries/" + clientName);
    this.requestIds = streams.stream("awssdk/request-ids/" + clientName);
    this.faults = checkNotNull(faults, "faults");
    this.faultDraws = streams.stream("awssdk/faults/" + clientName);
    this.completions = checkNotNull(completions, "completions");
    this.singleAttempt = false;
  }

  private RetryExecutor(RetryExecutor owner) {
    this.context = owner.context;
    this.policy = owner.policy;
    this.errors = owner.errors;
    this.clientName = owner.clientName;
    this.jitter = owner.jitter;
    this.requestIds = owner.requestIds;
    this.faults = owner.faults;
    this.faultDraws = owner.faultDraws;
    this.completions = owner.completions;
    this.singleAttempt = true;
  }

  /**
   * The executor for the sync adapter an async client delegates to: each call is one attempt whose
   * simulator error becomes the SDK's exception; retries, backoff and injected faults are left to
   * {@link #callAsync}, so that no thread ever waits.
   */
  RetryExecutor singleAttempt() {
    return new RetryExecutor(this);
  }

  /** Where this client's async calls complete their futures and run their callbacks. */
  Executor completions() {
    return completions;
  }

  /** The SDK's modelled exception for a simulator error, with a request id of this client's. */
  AwsServiceException translate(dev.awssim.engine.AwsServiceException e) {
    synchronized (context.lock()) {
      return errors.translate(e, requestId());
    }
  }

  /** A new request id from this client's seeded stream, as AWS returns one with every response. */
  String newRequestId() {
    synchronized (context.lock()) {
      return requestId();
    }
  }

  /** The simulation this executor runs calls against. */
  SimulationContext context() {
    return context;
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
      if (singleAttempt) {
        return translated(attempt);
      }
      Attempts attempts = new Attempts(operation);
      while (true) {
        if (!faults.addedLatency().isZero() && !context.scheduler().isRunningTask()) {
          context.scheduler().advanceBy(faults.addedLatency());
        }
        try {
          T result = translated(() -> injectThrottle(operation, attempt));
          attempts.succeeded();
          return result;
        } catch (AwsServiceException e) {
          attempts.failed(e);
          if (context.scheduler().isRunningTask()) {
            IllegalStateException ise =
                new IllegalStateException(
                    operation
                        + " must wait before retrying, but it runs inside a scheduled task where"
                        + " virtual time cannot advance; give simulated actors a client with"
                        + " RetryMode.NONE");
            ise.initCause(e);
            throw ise;
          }
          context.scheduler().advanceBy(attempts.nextDelay(e));
        }
      }
    }
  }

  /**
   * The asynchronous form of {@link #call}: the same attempts, errors, retry quota, seeded backoff
   * and trace events, but each wait is a task on virtual time, so no thread blocks. {@code attempt}
   * may itself complete later (a long poll). The returned future completes through the client's
   * completion executor; cancelling it cancels a pending backoff or the attempt in flight. {@code
   * discard}, if not null, gets a result that arrived after the caller cancelled, so that it can be
   * given back (received messages made visible again).
   */
  <T> CompletableFuture<T> callAsync(
      String operation, Supplier<CompletableFuture<T>> attempt, Consumer<T> discard) {
    CompletableFuture<T> result = new CompletableFuture<>();
    AsyncCall<T> call = new AsyncCall<>(operation, attempt, discard, result);
    // The dependent stage only listens for the caller's cancellation; it has no result to use.
    CompletableFuture<T> unused =
        result.whenComplete(
            (v, e) -> {
              if (result.isCancelled()) {
                call.cancel();
              }
            });
    synchronized (context.lock()) {
      call.start();
    }
    return result;
  }

  /**
   * {@link #callAsync} for an attempt that the model answers at once (every call but a long poll):
   * the same attempts, errors, quota, draws and trace events, in the same order, but the first
   * attempt runs inline and a success costs one future, completed through the completion executor
   * (issue 19: the general path's stages were most of a cheap call's cost). A failed first attempt
   * continues exactly as {@link #callAsync} would after it, with its backoff on virtual time.
   */
  <T> CompletableFuture<T> callAsyncNow(String operation, Supplier<T> attempt) {
    if (!faults.addedLatency().isZero()) {
      return callAsync(operation, () -> CompletableFuture.completedFuture(attempt.get()), null);
    }
    CompletableFuture<T> result = new CompletableFuture<>();
    synchronized (context.lock()) {
      Attempts attempts = new Attempts(operation);
      T value;
      try {
        value = translated(() -> injectThrottle(operation, attempt));
      } catch (RuntimeException e) {
        AsyncCall<T> call =
            new AsyncCall<>(
                attempts, () -> CompletableFuture.completedFuture(attempt.get()), null, result);
        CompletableFuture<T> unused =
            result.whenComplete(
                (v, err) -> {
                  if (result.isCancelled()) {
                    call.cancel();
                  }
                });
        call.attemptDone(null, e);
        return result;
      }
      attempts.succeeded();
      deliver(result, () -> result.complete(value));
      return result;
    }
  }

  /**
   * Runs {@code completion} on the completion executor; once the client is closed (its executor
   * refuses work: KCL still calls while it shuts down), {@code result} fails at once with the SDK's
   * client error, as a closed SDK client's call does, instead of the call throwing.
   */
  private void deliver(CompletableFuture<?> result, Runnable completion) {
    try {
      completions.execute(completion);
    } catch (RejectedExecutionException e) {
      result.completeExceptionally(
          SdkClientException.create("The client is closed: " + e.getMessage(), e));
    }
  }

  /** One asynchronous call: its attempts, its pending backoff, its attempt in flight. */
  private final class AsyncCall<T> {
    private final Attempts attempts;
    private final Supplier<CompletableFuture<T>> attempt;
    private final Consumer<T> discard;
    private final CompletableFuture<T> result;
    private Cancellable pending;
    private CompletableFuture<T> inFlight;

    AsyncCall(
        String operation,
        Supplier<CompletableFuture<T>> attempt,
        Consumer<T> discard,
        CompletableFuture<T> result) {
      this(new Attempts(operation), attempt, discard, result);
    }

    AsyncCall(
        Attempts attempts,
        Supplier<CompletableFuture<T>> attempt,
        Consumer<T> discard,
        CompletableFuture<T> result) {
      this.attempts = attempts;
      this.attempt = attempt;
      this.discard = discard;
      this.result = result;
    }

    /** Starts the next attempt, after the injected latency if any; called holding the lock. */
    void start() {
      if (result.isDone()) {
        return;
      }
      if (faults.addedLatency().isZero()) {
        run();
      } else {
        pending = context.scheduler().after(faults.addedLatency(), this::run);
      }
    }

    private void run() {
      if (result.isDone()) {
        return;
      }
      CompletableFuture<T> f;
      try {
        f = translated(() -> injectThrottle(attempts.operation, attempt));
      } catch (RuntimeException e) {
        f = CompletableFuture.failedFuture(e);
      }
      inFlight = f;
      CompletableFuture<T> unused = f.whenComplete(this::attemptDone);
    }

    private void attemptDone(T value, Throwable error) {
      synchronized (context.lock()) {
        inFlight = null;
        if (error == null) {
          attempts.succeeded();
          complete(value, null);
          return;
        }
        Throwable cause = unwrap(error);
        if (cause instanceof CancellationException) {
          return;
        }
        if (cause instanceof dev.awssim.engine.AwsServiceException e) {
          cause = errors.translate(e, requestId());
        }
        if (!(cause instanceof AwsServiceException sdk)) {
          complete(null, cause);
          return;
        }
        try {
          attempts.failed(sdk);
        } catch (AwsServiceException last) {
          complete(null, last);
          return;
        }
        pending = context.scheduler().after(attempts.nextDelay(sdk), this::start);
      }
    }

    private void complete(T value, Throwable error) {
      deliver(
          result,
          () -> {
            boolean delivered =
                error == null ? result.complete(value) : result.completeExceptionally(error);
            if (!delivered && error == null && discard != null && value != null) {
              synchronized (context.lock()) {
                discard.accept(value);
              }
            }
          });
    }

    void cancel() {
      synchronized (context.lock()) {
        if (pending != null) {
          pending.cancel();
        }
        if (inFlight != null) {
          inFlight.cancel(false);
        }
      }
    }
  }

  private static Throwable unwrap(Throwable t) {
    Throwable e = t;
    while ((e instanceof CompletionException || e instanceof ExecutionException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  /** The attempts of one call: counts them, keeps the quota and records the trace events. */
  private final class Attempts {
    private final String operation;
    private final List<String> failures = new ArrayList<>();
    private int n = 1;
    private int acquired;

    Attempts(String operation) {
      this.operation = operation;
    }

    /** The attempt succeeded: the tokens its last retry took go back to the quota. */
    void succeeded() {
      quota = Math.min(RetryPolicy.RETRY_QUOTA, quota + Math.max(acquired, 1));
    }

    /**
     * The attempt failed with {@code sdk}: takes the retry's tokens, or gives up.
     *
     * @throws AwsServiceException the last error, as the SDK throws it, when the call gives up
     */
    void failed(AwsServiceException sdk) {
      boolean throttling = sdk.isThrottlingException();
      int cost = throttling ? policy.throttlingCost() : policy.transientCost();
      if (n >= policy.maxAttempts() || !isRetryable(sdk) || cost > quota) {
        trace(AwsSdkEventType.FAILED, operation, "attempts", n, sdk);
        throw lastError(sdk, failures, n);
      }
      failures.add(sdk.getMessage());
      quota -= cost;
      acquired = cost;
    }

    /** The seeded backoff before the next attempt, recorded as a RETRY_SCHEDULED event. */
    Duration nextDelay(AwsServiceException cause) {
      n++;
      Duration delay = backoff(n, cause.isThrottlingException());
      if (context.trace().isEnabled()) {
        context
            .trace()
            .record(
                AwsSdkEventType.RETRY_SCHEDULED,
                operation,
                ImmutableMap.of(
                    "client", clientName,
                    "attempt", Integer.toString(n),
                    "errorCode", cause.awsErrorDetails().errorCode(),
                    "delayMillis", Long.toString(delay.toMillis())));
      }
      return delay;
    }
  }

  /** Runs {@code attempt}, turning a simulator error into the SDK's exception. */
  private <T> T translated(Supplier<T> attempt) {
    try {
      return attempt.get();
    } catch (dev.awssim.engine.AwsServiceException e) {
      throw errors.translate(e, requestId());
    }
  }

  /** Throttles the attempt if the injected-fault draw says so, else runs it. */
  private <T> T injectThrottle(String operation, Supplier<T> attempt) {
    if (faults.throttles(operation) && faultDraws.nextDouble() < faults.throttleProbability()) {
      throw InjectedThrottle.forClient(clientName);
    }
    return attempt.get();
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
