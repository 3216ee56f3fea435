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

  static CloudWatchException notFound(String name) {
    return new CloudWatchException("ResourceNotFound", 404, "Alarm " + name + " does not exist.");
  }
}
