package dev.awssim.lambda;

/**
 * How {@code Invoke} runs the function, with the HTTP status of a successful call
 * (https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html).
 */
public enum InvocationType {
  /** Synchronous: the caller waits for the function's response; 200. */
  REQUEST_RESPONSE(200),
  /** Asynchronous: the event goes to the function's event queue; 202 at once. */
  EVENT(202),
  /** Validates the call and the caller's rights without running the function; 204. */
  DRY_RUN(204);

  private final int statusCode;

  InvocationType(int statusCode) {
    this.statusCode = statusCode;
  }

  /** The HTTP status AWS returns for an accepted call of this type. */
  public int statusCode() {
    return statusCode;
  }

  /** The API's name for this type: {@code RequestResponse}, {@code Event} or {@code DryRun}. */
  public String apiName() {
    return switch (this) {
      case REQUEST_RESPONSE -> "RequestResponse";
      case EVENT -> "Event";
      case DRY_RUN -> "DryRun";
    };
  }
}
