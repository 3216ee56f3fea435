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

  /**
   * The record as AWS sends it to an SQS queue or SNS topic destination (the message body): {@code
   * version}, {@code timestamp}, {@code requestContext} ({@code requestId}, {@code functionArn}
   * qualified with the executed version, {@code condition}, {@code approximateInvokeCount}), {@code
   * requestPayload}, {@code responseContext} ({@code statusCode}, {@code executedVersion}, {@code
   * functionError}) and {@code responsePayload}
   * (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html). Payloads
   * that hold JSON text are embedded as JSON; a function error is its {@code errorMessage}/{@code
   * errorType} object.
   */
  public String toJson() {
    StringBuilder b = new StringBuilder(256);
    b.append("{\"version\":\"1.0\",\"timestamp\":")
        .append(Json.string(timestamp.toString()))
        .append(",\"requestContext\":{\"requestId\":")
        .append(Json.string(requestId))
        .append(",\"functionArn\":")
        .append(
            Json.string(
                executedVersion == null ? functionArn : functionArn + ":" + executedVersion))
        .append(",\"condition\":")
        .append(Json.string(condition))
        .append(",\"approximateInvokeCount\":")
        .append(approximateInvokeCount)
        .append("},\"requestPayload\":")
        .append(Json.payload(requestPayload))
        .append(",\"responseContext\":{\"statusCode\":")
        .append(statusCode)
        .append(",\"executedVersion\":")
        .append(Json.string(executedVersion));
    if (functionError != null) {
      b.append(",\"functionError\":").append(Json.string(functionError));
    }
    b.append("}");
    if (responsePayload != null) {
      b.append(",\"responsePayload\":").append(Json.payload(responsePayload));
    }
    return b.append('}').toString();
  }
}
