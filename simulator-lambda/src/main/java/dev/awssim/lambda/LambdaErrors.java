package dev.awssim.lambda;

/** Builds the errors of simulated Lambda, with AWS's error codes and HTTP statuses. */
final class LambdaErrors {
  private LambdaErrors() {}

  static LambdaException tooManyRequests(ThrottleReason reason, long retryAfterSeconds) {
    return new LambdaException(
        "TooManyRequestsException",
        429,
        reason,
        Math.max(1, retryAfterSeconds),
        "Rate Exceeded. (Reason: " + reason.name() + ")");
  }

  static LambdaException resourceNotFound(String functionName) {
    return new LambdaException(
        "ResourceNotFoundException", 404, null, 0, "Function not found: " + functionName);
  }

  static LambdaException resourceNotFound(String arn, String kind) {
    return new LambdaException(
        "ResourceNotFoundException", 404, null, 0, kind + " not found: " + arn);
  }

  static LambdaException notFound(String message) {
    return new LambdaException("ResourceNotFoundException", 404, null, 0, message);
  }

  static LambdaException validation(String message) {
    return new LambdaException("ValidationException", 400, null, 0, message);
  }

  static LambdaException resourceConflict(String message) {
    return new LambdaException("ResourceConflictException", 409, null, 0, message);
  }

  static LambdaException requestTooLarge(String message) {
    return new LambdaException("RequestTooLargeException", 413, null, 0, message);
  }

  static LambdaException preconditionFailed(String message) {
    return new LambdaException("PreconditionFailedException", 412, null, 0, message);
  }

  static LambdaException invalidParameterValue(String message) {
    return new LambdaException("InvalidParameterValueException", 400, null, 0, message);
  }
}
