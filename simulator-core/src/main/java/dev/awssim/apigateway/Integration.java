package dev.awssim.apigateway;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.awssim.engine.time.Durations;
import java.time.Duration;
import java.util.function.Function;

/**
 * The backend of a method or route: a mock response, or a Java function with a simulated latency on
 * the virtual clock. A latency above the timeout (29 s by default for REST, at most 30 s for HTTP
 * APIs, limits.html) gives the {@code INTEGRATION_TIMEOUT} gateway response (504).
 *
 * <pre>{@code
 * Integration mock = Integration.mock(200, "{\"ok\":true}");
 * Integration backend = Integration.function(Duration.ofMillis(35),
 *     request -> IntegrationResponse.of(200, "pets"));
 * }</pre>
 */
public final class Integration {
  /** The default REST integration timeout, 29 s (limits.html). */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(29);

  /** The shortest integration timeout, 50 ms (limits.html). */
  public static final Duration MIN_TIMEOUT = Duration.ofMillis(50);

  private final Function<IntegrationRequest, IntegrationResponse> function;
  private final IntegrationResponse mockResponse;
  private final long latencyNanos;
  private final long timeoutNanos;

  private Integration(
      Function<IntegrationRequest, IntegrationResponse> function,
      IntegrationResponse mockResponse,
      long latencyNanos,
      long timeoutNanos) {
    this.function = function;
    this.mockResponse = mockResponse;
    this.latencyNanos = latencyNanos;
    this.timeoutNanos = timeoutNanos;
  }

  /**
   * A mock integration that answers {@code statusCode} and {@code body} at once.
   *
   * @throws NullPointerException if {@code body} is null
   */
  public static Integration mock(int statusCode, String body) {
    IntegrationResponse response = IntegrationResponse.of(statusCode, body);
    return new Integration(r -> response, response, 0, DEFAULT_TIMEOUT.toNanos());
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
        DEFAULT_TIMEOUT.toNanos());
  }

  /**
   * This integration with timeout {@code timeout}.
   *
   * @throws ApiGatewayException {@code BadRequestException} if it is below 50 ms
   */
  public Integration withTimeout(Duration timeout) {
    checkNotNull(timeout, "timeout");
    ApiGatewayErrors.require(
        timeout.compareTo(MIN_TIMEOUT) >= 0,
        "Timeout should be between 50 ms and 29000 ms: " + timeout.toMillis());
    return new Integration(function, mockResponse, latencyNanos, timeout.toNanos());
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
