package dev.awssim.lambda;

/**
 * The {@code Reason} of a {@code TooManyRequestsException}, named as in the Lambda API's {@code
 * ThrottleReason} enum (https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html). AWS does
 * not publish which limit gives which reason; the mapping used here is in the package essay.
 */
public enum ThrottleReason {
  /** The account's unreserved concurrency is in use. */
  ConcurrentInvocationLimitExceeded,
  /** The function's scaling rate, or the account's invocation request rate, is exhausted. */
  FunctionInvocationRateLimitExceeded,
  /** The function's reserved concurrency is in use (or is 0). */
  ReservedFunctionConcurrentInvocationLimitExceeded,
  /** As {@link #FunctionInvocationRateLimitExceeded}, for a function with reserved concurrency. */
  ReservedFunctionInvocationRateLimitExceeded,
  /** A caller's request rate is exceeded (not produced by this model yet). */
  CallerRateLimitExceeded,
  /** SnapStart snapshot creation is throttled (not modelled). */
  ConcurrentSnapshotCreateLimitExceeded
}
