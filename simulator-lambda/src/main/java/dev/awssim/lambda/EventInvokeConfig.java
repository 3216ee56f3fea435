package dev.awssim.lambda;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * A function's asynchronous invocation settings, as {@code PutFunctionEventInvokeConfig}
 * (https://docs.aws.amazon.com/lambda/latest/api/API_PutFunctionEventInvokeConfig.html): retries
 * after function errors (0-2), the maximum event age (60 s - 6 h), and the destinations, here
 * callbacks that receive the {@link InvocationRecord}.
 *
 * @param maximumRetryAttempts retries after function errors
 * @param maximumEventAge how long an event may stay in the queue
 * @param onSuccess receives the record of a successful event, or null
 * @param onFailure receives the record of a discarded event, or null
 */
public record EventInvokeConfig(
    int maximumRetryAttempts,
    Duration maximumEventAge,
    Consumer<InvocationRecord> onSuccess,
    Consumer<InvocationRecord> onFailure) {

  /** AWS's defaults: 2 retries, 6 hours, no destinations. */
  public static EventInvokeConfig defaults() {
    return new EventInvokeConfig(
        LambdaLimits.MAXIMUM_RETRY_ATTEMPTS, LambdaLimits.MAXIMUM_EVENT_AGE, null, null);
  }

  /** These settings with another retry count. */
  public EventInvokeConfig withMaximumRetryAttempts(int attempts) {
    return new EventInvokeConfig(attempts, maximumEventAge, onSuccess, onFailure);
  }

  /** These settings with another maximum event age. */
  public EventInvokeConfig withMaximumEventAge(Duration age) {
    return new EventInvokeConfig(maximumRetryAttempts, age, onSuccess, onFailure);
  }

  /** These settings with an on-success destination. */
  public EventInvokeConfig withOnSuccess(Consumer<InvocationRecord> destination) {
    return new EventInvokeConfig(maximumRetryAttempts, maximumEventAge, destination, onFailure);
  }

  /** These settings with an on-failure destination. */
  public EventInvokeConfig withOnFailure(Consumer<InvocationRecord> destination) {
    return new EventInvokeConfig(maximumRetryAttempts, maximumEventAge, onSuccess, destination);
  }
}
