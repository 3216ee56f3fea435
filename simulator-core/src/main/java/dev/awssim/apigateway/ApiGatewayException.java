package dev.awssim.apigateway;

import dev.awssim.engine.AwsServiceException;

/**
 * An error of the simulated API Gateway management API, carrying AWS's error code and HTTP status:
 * {@code BadRequestException} (400), {@code NotFoundException} (404), {@code ConflictException}
 * (409) or {@code LimitExceededException} (429). A call that throws it changed nothing.
 *
 * <pre>{@code
 * try {
 *   gateway.createStage("nope", "prod", "dep");
 * } catch (ApiGatewayException e) {
 *   assert e.errorCode().equals("NotFoundException") && e.statusCode() == 404;
 * }
 * }</pre>
 */
public final class ApiGatewayException extends AwsServiceException {
  private static final long serialVersionUID = 1L;

  ApiGatewayException(String errorCode, int statusCode, String message) {
    super("ApiGateway", errorCode, statusCode, message);
  }

  @Override
  public boolean isThrottling() {
    return statusCode() == 429;
  }
}
