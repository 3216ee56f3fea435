package dev.awssim.apigateway;

/**
 * The gateway responses API Gateway returns itself instead of the integration's response, with
 * their HTTP statuses (supported-gateway-response-types.html).
 *
 * <pre>{@code
 * assert response.gatewayResponse().orElseThrow() == GatewayResponseType.THROTTLED;
 * }</pre>
 */
public enum GatewayResponseType {
  /** Throttled at usage-plan, method, stage or account level: 429. */
  THROTTLED(429, "Too Many Requests"),
  /** The usage plan's quota is used up: 429. */
  QUOTA_EXCEEDED(429, "Limit Exceeded"),
  /** A required API key is missing, unknown, disabled or not in a plan of the stage: 403. */
  INVALID_API_KEY(403, "Forbidden"),
  /**
   * The request body is over {@link ApiGatewayLimits#MAX_PAYLOAD_BYTES}: 413. The message is the
   * one commonly seen ([UNV] in AWS's docs).
   */
  REQUEST_TOO_LARGE(413, "Request Too Long"),
  /** No such stage, resource or method: 403. */
  MISSING_AUTHENTICATION_TOKEN(403, "Missing Authentication Token"),
  /** Unauthorized cache invalidation with {@code FAIL_WITH_403}: 403. */
  UNAUTHORIZED(403, "Unauthorized"),
  /** The integration took longer than its timeout: 504. */
  INTEGRATION_TIMEOUT(504, "Endpoint request timed out"),
  /** The integration failed (the user function threw): 502 here, as a Lambda proxy error. */
  INTEGRATION_FAILURE(502, "Internal server error"),
  /**
   * The API is misconfigured: a MOCK integration's response matches no integration response and
   * there is no default one: 500.
   */
  API_CONFIGURATION_ERROR(500, "Internal server error");

  private final int statusCode;
  private final String message;
  private final String body;

  GatewayResponseType(int statusCode, String message) {
    this.statusCode = statusCode;
    this.message = message;
    this.body = "{\"message\":\"" + message + "\"}";
  }

  /** The HTTP status of the response. */
  public int statusCode() {
    return statusCode;
  }

  /** The message of the default body. */
  public String message() {
    return message;
  }

  /** The default JSON body, such as {@code {"message":"Too Many Requests"}}. */
  public String body() {
    return body;
  }
}
