package dev.awssim.lambda;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * A function's asynchronous invocation settings, as {@code PutFunctionEventInvokeConfig}
 * (https://docs.aws.amazon.com/lambda/latest/api/API_PutFunctionEventInvokeConfig.html): retries
 * after function errors (0-2), the maximum event age (60 s - 6 h), and the destinations: callbacks
 * that receive the {@link InvocationRecord}, and ARNs of standard SQS queues or SNS topics of the
 * simulation that receive it as AWS's JSON invocation record.
 *
 * @param maximumRetryAttempts retries after function errors
 * @param maximumEventAge how long an event may stay in the queue
 * @param onSuccess receives the record of a successful event, or null
 * @param onFailure receives the record of a discarded event, or null
 * @param onSuccessDestination {@code DestinationConfig.OnSuccess.Destination}: an SQS queue or SNS
 *     topic ARN, or null
 * @param onFailureDestination {@code DestinationConfig.OnFailure.Destination}: an SQS queue or SNS
 *     topic ARN, or null
 */
public record EventInvokeConfig(
    int maximumRetryAttempts,
    Duration maximumEventAge,
    Consumer<InvocationRecord> onSuccess,
    Consumer<InvocationRecord> onFailure,
    String onSuccessDestination,
    String onFailureDestination) {

  /** Settings with callback destinations only. */
  public EventInvokeConfig(
      int maximumRetryAttempts,
      Duration maximumEventAge,
      Consumer<InvocationRecord> onSuccess,
      Consumer<InvocationRecord> onFailure) {
    this(maximumRetryAttempts, maximumEventAge, onSuccess, onFailure, null, null);
  }

  /** AWS's defaults: 2 retries, 6 hours, no destinations. */
  public static EventInvokeConfig defaults() {
    return new EventInvokeConfig(
        LambdaLimits.MAXIMUM_RETRY_ATTEMPTS, LambdaLimits.MAXIMUM_EVENT_AGE, null, null);
  }

  /** These settings with another retry count. */
  public EventInvokeConfig withMaximumRetryAttempts(int attempts) {
    return new EventInvokeConfig(
        attempts,
        maximumEventAge,
        onSuccess,
        onFailure,
        onSuccessDestination,
        onFailureDestination);
  }

  /** These settings with another maximum event age. */
  public EventInvokeConfig withMaximumEventAge(Duration age) {
    return new EventInvokeConfig(
        maximumRetryAttempts,
        age,
        onSuccess,
        onFailure,
        onSuccessDestination,
        onFailureDestination);
  }

  /** These settings with an on-success callback. */
  public EventInvokeConfig withOnSuccess(Consumer<InvocationRecord> destination) {
    return new EventInvokeConfig(
        maximumRetryAttempts,
        maximumEventAge,
        destination,
        onFailure,
        onSuccessDestination,
        onFailureDestination);
  }

  /** These settings with an on-failure callback. */
  public EventInvokeConfig withOnFailure(Consumer<InvocationRecord> destination) {
    return new EventInvokeConfig(
        maximumRetryAttempts,
        maximumEventAge,
        onSuccess,
        destination,
        onSuccessDestination,
        onFailureDestination);
  }

  /** These settings with an on-success destination ARN (standard SQS queue or SNS topic). */
  public EventInvokeConfig withOnSuccessDestination(String arn) {
    return new EventInvokeConfig(
        maximumRetryAttempts, maximumEventAge, onSuccess, onFailure, arn, onFailureDestination);
  }

  /** These settings with an on-failure destination ARN (standard SQS queue or SNS topic). */
  public EventInvokeConfig withOnFailureDestination(String arn) {
    return new EventInvokeConfig(
        maximumRetryAttempts, maximumEventAge, onSuccess, onFailure, onSuccessDestination, arn);
  }
}
