package dev.awssim.apigateway;

import static dev.awssim.apigateway.ApiGatewayErrors.require;

import dev.awssim.internal.throttle.TokenBucket;

/**
 * A token-bucket throttle ({@code API_ThrottleSettings.html}): {@code rateLimit} tokens per second
 * refill a bucket of {@code burstLimit} tokens; each request takes one.
 *
 * <pre>{@code
 * ThrottleSettings stage = new ThrottleSettings(10, 5);  // 10 requests/s, burst 5
 * }</pre>
 *
 * @param rateLimit the steady-state rate in requests per second (fractions allowed, to 0.001)
 * @param burstLimit the bucket size
 */
public record ThrottleSettings(double rateLimit, int burstLimit) {
  /**
   * Validates the settings.
   *
   * @throws ApiGatewayException {@code BadRequestException} if the rate is negative or not finite,
   *     or the burst is below zero
   */
  public ThrottleSettings {
    require(
        Double.isFinite(rateLimit) && rateLimit >= 0,
        "Invalid throttle rate limit: " + rateLimit + ". The rate limit must not be negative.");
    require(
        burstLimit >= 0,
        "Invalid throttle burst limit: " + burstLimit + ". The burst limit must not be negative.");
  }

  /** A new, full bucket with these settings. */
  TokenBucket newBucket() {
    return TokenBucket.perSecond(rateLimit, burstLimit);
  }
}
