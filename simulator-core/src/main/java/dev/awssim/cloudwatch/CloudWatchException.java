package dev.awssim.cloudwatch;

import dev.awssim.engine.AwsServiceException;

/**
 * An error of simulated CloudWatch alarms, with AWS's code ({@code InvalidParameterValue}, {@code
 * ResourceNotFound}, ...) and HTTP status.
 */
public final class CloudWatchException extends AwsServiceException {
  private static final long serialVersionUID = 1L;

  CloudWatchException(String errorCode, int statusCode, String message) {
    super("CloudWatch", errorCode, statusCode, message);
  }

  static CloudWatchException invalid(String message) {
    return new CloudWatchException("InvalidParameterValue", 400, message);
  }

  static CloudWatchException missing(String parameter) {
    return new CloudWatchException(
        "MissingParameter", 400, "The parameter " + parameter + " is required.");
  }

  /**
   * The ValidationError AWS answers a malformed metric-math alarm with (observed in public issue
   * threads: "Exactly one element of the metrics list should return data.") [OBS].
   */
  static CloudWatchException validation(String message) {
    return new CloudWatchException("ValidationError", 400, message);
  }

  static CloudWatchException combination(String message) {
    return new CloudWatchException("InvalidParameterCombination", 400, message);
  }

  static CloudWatchException invalidToken() {
    return new CloudWatchException(
        "InvalidNextToken", 400, "The service couldn't process the token.");
  }

  static CloudWatchException notFound(String name) {
    return new CloudWatchException("ResourceNotFound", 404, "Alarm " + name + " does not exist.");
  }
}
