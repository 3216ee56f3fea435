package dev.awssim.lambda;

import java.time.Instant;

/**
 * The record Lambda sends to an asynchronous invocation's on-success or on-failure destination
 * (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async.html), with its fields flattened.
 *
 * @param timestamp when the event was resolved
 * @param requestId the event's request id
 * @param functionArn the function's ARN
 * @param condition {@code Success}, {@code RetriesExhausted} or {@code EventAgeExceeded}
 * @param approximateInvokeCount the attempts made
 * @param requestPayload the event as the caller sent it
 * @param statusCode 200 for a run function, or the throttle status 429
 * @param executedVersion the version that ran ({@code $LATEST})
 * @param functionError {@code Unhandled} after a function error, else null
 * @param responsePayload the handler's return value, or the error object, or null
 */
public record InvocationRecord(
    Instant timestamp,
    String requestId,
    String functionArn,
    String condition,
    int approximateInvokeCount,
    Object requestPayload,
    int statusCode,
    String executedVersion,
    String functionError,
    Object responsePayload) {

  /** The record format version AWS writes: {@code 1.0}. */
  public String version() {
    return "1.0";
  }
}
