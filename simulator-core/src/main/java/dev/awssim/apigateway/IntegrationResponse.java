package dev.awssim.apigateway;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;

/**
 * What an integration returns: status, body and headers.
 *
 * <pre>{@code
 * IntegrationResponse ok = IntegrationResponse.of(200, "{\"id\":1}");
 * }</pre>
 *
 * @param statusCode the HTTP status
 * @param body the body
 * @param headers the response headers
 */
public record IntegrationResponse(
    int statusCode, String body, ImmutableMap<String, String> headers) {
  /**
   * Validates the response.
   *
   * @throws NullPointerException if the body or headers are null
   */
  public IntegrationResponse {
    checkNotNull(body, "body");
    checkNotNull(headers, "headers");
  }

  /** A response without headers. */
  public static IntegrationResponse of(int statusCode, String body) {
    return new IntegrationResponse(statusCode, body, ImmutableMap.of());
  }
}
