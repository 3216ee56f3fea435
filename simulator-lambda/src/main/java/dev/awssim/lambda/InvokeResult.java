package dev.awssim.lambda;

import java.time.Duration;

/**
 * The answer to {@code Invoke}. A function error is not an HTTP error: the status stays 200 and
 * {@link #functionError()} is {@code Unhandled}
 * (https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html).
 *
 * @param statusCode 200 (RequestResponse), 202 (Event) or 204 (DryRun)
 * @param requestId the invocation's request id
 * @param functionError {@code Unhandled} after an exception or a timeout, else null
 * @param payload the handler's return value (for a stream handler, the bytes it wrote), or a {@link
 *     FunctionError} after a function error; null for Event and DryRun
 * @param executedVersion the version that ran, {@code $LATEST}; null for Event and DryRun
 * @param duration the virtual time the invocation took (at most the timeout)
 * @param log the invocation's execution log; null for Event and DryRun, whose logs a caller does
 *     not get
 */
public record InvokeResult(
    int statusCode,
    String requestId,
    String functionError,
    Object payload,
    String executedVersion,
    Duration duration,
    ExecutionLog log) {

  /** Whether the function failed (an exception or a timeout). */
  public boolean isFunctionError() {
    return functionError != null;
  }

  /**
   * The error payload of a failed invocation, as Lambda's runtime reports it.
   *
   * @param errorType the exception's class name, or {@code Sandbox.Timedout}
   * @param errorMessage the exception's message, or {@code Task timed out after N seconds}
   */
  public record FunctionError(String errorType, String errorMessage) {
    /**
     * The error as the Invoke response's payload carries it: {@code errorMessage}, {@code
     * errorType}.
     */
    public String toJson() {
      return "{\"errorMessage\":"
          + Json.string(errorMessage)
          + ",\"errorType\":"
          + Json.string(errorType)
          + "}";
    }
  }
}
