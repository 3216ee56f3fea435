package dev.awssim.xray;

import dev.awssim.engine.AwsServiceException;

/**
 * An error the simulated X-Ray API returns, with its AWS error code and HTTP status: {@code
 * InvalidRequestException} (400), {@code RuleLimitExceededException} (400) and {@code
 * ThrottledException} (429), the errors the sampling operations model in the X-Ray API reference
 * ({@code https://docs.aws.amazon.com/xray/latest/api/API_CreateSamplingRule.html}).
 *
 * <pre>{@code
 * try {
 *   xray.deleteSamplingRule("Default");
 * } catch (XRayException e) {
 *   assert e.errorCode().equals("InvalidRequestException");
 * }
 * }</pre>
 */
public final class XRayException extends AwsServiceException {
  private static final long serialVersionUID = 1L;

  private XRayException(String errorCode, int statusCode, String message) {
    super("XRay", errorCode, statusCode, message);
  }

  @Override
  public boolean isThrottling() {
    return "ThrottledException".equals(errorCode());
  }

  /** The request is missing required parameters or has invalid parameters (400). */
  static XRayException invalidRequest(String message) {
    return new XRayException("InvalidRequestException", 400, message);
  }

  /** The account already has the largest number of sampling rules (400). */
  static XRayException ruleLimitExceeded(int limit) {
    return new XRayException(
        "RuleLimitExceededException",
        400,
        "You have reached the maximum number of sampling rules (" + limit + ").");
  }
}
