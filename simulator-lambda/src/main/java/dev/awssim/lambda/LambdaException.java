package dev.awssim.lambda;

import dev.awssim.engine.AwsServiceException;
import java.util.Optional;

/**
 * An error that simulated AWS Lambda returns, with AWS's error code and HTTP status, and for {@code
 * TooManyRequestsException} (429) the throttle {@link #reason()} and {@code Retry-After}. Error
 * shapes: https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html
 *
 * <pre>{@code
 * try {
 *   lambda.invoke("orders", InvocationType.REQUEST_RESPONSE, event);
 * } catch (LambdaException e) {
 *   assert e.statusCode() == 429
 *       && e.reason().orElseThrow() == ThrottleReason.ReservedFunctionConcurrentInvocationLimitExceeded;
 * }
 * }</pre>
 */
public final class LambdaException extends AwsServiceException {
  private static final long serialVersionUID = 1L;

  private final ThrottleReason reason;
  private final long retryAfterSeconds;

  LambdaException(
      String errorCode, int statusCode, ThrottleReason reason, long retryAfterSeconds, String msg) {
    super("Lambda", errorCode, statusCode, msg);
    this.reason = reason;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** The throttle reason of a {@code TooManyRequestsException}; empty for other errors. */
  public Optional<ThrottleReason> reason() {
    return Optional.ofNullable(reason);
  }

  /** The {@code Retry-After} of a throttle in whole seconds (at least 1); 0 for other errors. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  @Override
  public boolean isThrottling() {
    return reason != null;
  }
}
