package dev.awssim.apigateway;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.awssim.internal.time.Durations;
import java.time.Duration;
import java.util.function.Function;

/**
 * The backend of a method or route: a mock response, or a Java function with a simulated latency on
 * the virtual clock. A backend that has not answered when the timeout ends (29 s by default for
 * REST; 30 s by default and at most for HTTP APIs, limits.html) gives the {@code
 * INTEGRATION_TIMEOUT} gateway response (504): a latency equal to the timeout is too late.
 *
 * <pre>{@code
 * Integration mock = Integration.mock(200, "{\"ok\":true}");
 * Integration backend = Integration.function(Duration.ofMillis(35),
 *     request -> IntegrationResponse.of(200, "pets"));
 * }</pre>
 */
public final class Integration {
  /**
   * The default REST integration timeout: {@link
   * ApiGatewayLimits#REST_DEFAULT_INTEGRATION_TIMEOUT}.
   */
  public static final Duration DEFAULT_TIMEOUT = ApiGatewayLimits.REST_DEFAULT_INTEGRATION_TIMEOUT;

  /** The shortest integration timeout: {@link ApiGatewayLimits#MIN_INTEGRATION_TIMEOUT}. */
  public static final Duration MIN_TIMEOUT = ApiGatewayLimits.MIN_INTEGRATION_TIMEOUT;

  private final Function<IntegrationRequest, IntegrationResponse> function;
  private final IntegrationResponse mockResponse;
  private final long latencyNanos;
  private final long timeoutNanos;
  private final boolean explicitTimeout;

  private Integration(
      Function<IntegrationRequest, IntegrationResponse> function,
      IntegrationResponse mockResponse,
      long latencyNanos,
      long timeoutNanos,
      boolean explicitTimeout) {
    this.function = function;
    this.mockResponse = mockResponse;
    this.latencyNanos = latencyNanos;
    this.timeoutNanos = timeoutNanos;
    this.explicitTimeout = explicitTimeout;
  }

  /**
   * A mock integration that answers {@code statusCode} and {@code body} at once.
   *
   * @throws NullPointerException if {@code body} is null
   */
  public static Integration mock(int statusCode, String body) {
    IntegrationResponse response = IntegrationResponse.of(statusCode, body);
    return new Integration(r -> response, response, 0, DEFAULT_TIMEOUT.toNanos(), false);
  }

  /**
   * A function integration that takes {@code latency} of virtual time.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code latency} is negative
   */
  public static Integration function(
      Duration latency, Function<IntegrationRequest, IntegrationResponse> function) {
    return new Integration(
        checkNotNull(function, "function"),
        null,
        Durations.nonNegativeNanos(latency, "latency"),
        DEFAULT_TIMEOUT.toNanos(),
        false);
  }

  /**
   * This integration with timeout {@code timeout}. A REST API accepts more than 29 s (a quota
   * increase, limits.html); an HTTP API route refuses more than 30 s.
   *
   * @throws ApiGatewayException {@code BadRequestException} if it is below 50 ms
   * @throws NullPointerException if {@code timeout} is null
   */
  public Integration withTimeout(Duration timeout) {
    checkNotNull(timeout, "timeout");
    ApiGatewayErrors.require(
        timeout.compareTo(MIN_TIMEOUT) >= 0,
        "Timeout should be between 50 ms and 29000 ms: " + timeout.toMillis());
    return new Integration(function, mockResponse, latencyNanos, timeout.toNanos(), true);
  }

  /**
   * This integration as an HTTP API route runs it: the default timeout becomes 30 s, and a timeout
   * set above 30 s is refused.
   */
  Integration forHttpApi() {
    long max = ApiGatewayLimits.HTTP_MAX_INTEGRATION_TIMEOUT.toNanos();
    if (!explicitTimeout) {
      return new Integration(function, mockResponse, latencyNanos, max, false);
    }
    ApiGatewayErrors.require(
        timeoutNanos <= max,
        "Integration timeout must be between 50 and 30000 milliseconds: "
            + Duration.ofNanos(timeoutNanos).toMillis());
    return this;
  }

  /** The simulated latency. */
  public Duration latency() {
    return Duration.ofNanos(latencyNanos);
  }

  /** The timeout. */
  public Duration timeout() {
    return Duration.ofNanos(timeoutNanos);
  }

  long latencyNanos() {
    return latencyNanos;
  }

  long timeoutNanos() {
    return timeoutNanos;
  }

  /** The fixed response of a mock integration, which needs no request; null for a function. */
  IntegrationResponse mockResponse() {
    return mockResponse;
  }

  IntegrationResponse call(IntegrationRequest request) {
    return function.apply(request);
  }
}
