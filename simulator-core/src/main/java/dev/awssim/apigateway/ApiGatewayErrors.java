package dev.awssim.apigateway;

/** The one factory of {@link ApiGatewayException}s, with AWS's codes and statuses. */
final class ApiGatewayErrors {
  private ApiGatewayErrors() {}

  static ApiGatewayException badRequest(String message) {
    return new ApiGatewayException("BadRequestException", 400, message);
  }

  static ApiGatewayException notFound(String message) {
    return new ApiGatewayException("NotFoundException", 404, message);
  }

  static ApiGatewayException conflict(String message) {
    return new ApiGatewayException("ConflictException", 409, message);
  }

  static ApiGatewayException limitExceeded(String message) {
    return new ApiGatewayException("LimitExceededException", 429, message);
  }

  /** Throws {@code BadRequestException} with {@code message} unless {@code condition} holds. */
  static void require(boolean condition, String message) {
    if (!condition) {
      throw badRequest(message);
    }
  }
}
