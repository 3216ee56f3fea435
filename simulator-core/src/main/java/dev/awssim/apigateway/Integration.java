package dev.awssim.apigateway;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.awssim.internal.time.Durations;
import java.time.Duration;
import java.util.function.Function;

/**
 * The backend of a method or route: a mock response, AWS's {@code MOCK} integration whose response
 * comes from the method's integration responses, or a Java function with a simulated latency on the
 * virtual clock. A backend that has not answered when the timeout ends (29 s by default for REST;
 * 30 s by default and at most for HTTP APIs, limits.html) gives the {@code INTEGRATION_TIMEOUT}
 * gateway response (504): a latency equal to the timeout is too late.
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

  /** What a {@link #mock()} or {@link #mock(int)} integration selects by. */
  private enum Kind {
    /** A fixed response or a Java function. */
    FIXED,
    /** AWS's MOCK: selects an integration response, the default one or by status code. */
    SELECTING,
    /** No integration response matched: API_CONFIGURATION_ERROR. */
    CONFIGURATION_ERROR
  }

  private final Function<IntegrationRequest, IntegrationResponse> function;
  private final IntegrationResponse mockResponse;
  private final long latencyNanos;
  private final long timeoutNanos;
  private final boolean explicitTimeout;
  private final Kind kind;
  private final int selectedStatus;

  private Integration(
      Function<IntegrationRequest, IntegrationResponse> function,
      IntegrationResponse mockResponse,
      long latencyNanos,
      long timeoutNanos,
      boolean explicitTimeout) {
    this(function, mockResponse, latencyNanos, timeoutNanos, explicitTimeout, Kind.FIXED, 0);
  }

  private Integration(
      Function<IntegrationRequest, IntegrationResponse> function,
      IntegrationResponse mockResponse,
      long latencyNanos,
      long timeoutNanos,
      boolean explicitTimeout,
      Kind kind,
      int selectedStatus) {
    this.function = function;
    this.mockResponse = mockResponse;
    this.latencyNanos = latencyNanos;
    this.timeoutNanos = timeoutNanos;
    this.explicitTimeout = explicitTimeout;
    this.kind = kind;
    this.selectedStatus = selectedStatus;
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
   * AWS's {@code MOCK} integration without a request mapping template, as {@code PutIntegration}
   * makes it: it answers with the method's <em>default</em> integration response (the one without a
   * selection pattern; {@link ApiGateway#putIntegrationResponse}), whose status code and response
   * template become the response. With no default integration response the caller gets 500 {@code
   * API_CONFIGURATION_ERROR}, as AWS answers when "integration response mapping can't match any
   * template and no default template is configured"
   * (https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-mock-integration.html,
   * supported-gateway-response-types.html). The response is frozen when the API is deployed.
   */
  public static Integration mock() {
    return new Integration(
        null, null, 0, DEFAULT_TIMEOUT.toNanos(), false, Kind.SELECTING, NO_STATUS);
  }

  /**
   * AWS's {@code MOCK} integration whose request mapping template returns {@code {"statusCode":
   * statusCode}}: the integration response whose selection pattern matches the status code (written
   * in decimal) answers, else the default one, else 500 {@code API_CONFIGURATION_ERROR} (see {@link
   * #mock()}).
   *
   * @throws ApiGatewayException {@code BadRequestException} unless {@code statusCode} is 100 to 599
   */
  public static Integration mock(int statusCode) {
    ApiGatewayErrors.require(
        statusCode >= 100 && statusCode <= 599, "Invalid mock status code: " + statusCode);
    return new Integration(
        null, null, 0, DEFAULT_TIMEOUT.toNanos(), false, Kind.SELECTING, statusCode);
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
    return new Integration(
        function, mockResponse, latencyNanos, timeout.toNanos(), true, kind, selectedStatus);
  }

  /**
   * This integration as an HTTP API route runs it: the default timeout becomes 30 s, and a timeout
   * set above 30 s is refused, as is AWS's MOCK type, which HTTP APIs do not have
   * (http-api-vs-rest.html).
   */
  Integration forHttpApi() {
    ApiGatewayErrors.require(
        kind == Kind.FIXED,
        "HTTP APIs have no MOCK integration type (integration responses are REST only)");
    long max = ApiGatewayLimits.HTTP_MAX_INTEGRATION_TIMEOUT.toNanos();
    if (!explicitTimeout) {
      return new Integration(
          function, mockResponse, latencyNanos, max, false, kind, selectedStatus);
    }
    ApiGatewayErrors.require(
        timeoutNanos <= max,
        "Integration timeout must be between 50 and 30000 milliseconds: "
            + Duration.ofNanos(timeoutNanos).toMillis());
    return this;
  }

  /** The status a {@link #mock(int)} selects by; {@link #NO_STATUS} for {@link #mock()}. */
  static final int NO_STATUS = -1;

  /** Whether this is AWS's MOCK, answered from the method's integration responses. */
  boolean selectsIntegrationResponse() {
    return kind == Kind.SELECTING;
  }

  /** The status code the request template selects by, or {@link #NO_STATUS}. */
  int selectedStatus() {
    return selectedStatus;
  }

  /**
   * This MOCK integration resolved at deployment: {@code response} (the matching integration
   * response), or, when it is null, a configuration error.
   */
  Integration resolved(IntegrationResponse response) {
    return new Integration(
        null,
        response,
        0,
        timeoutNanos,
        explicitTimeout,
        response == null ? Kind.CONFIGURATION_ERROR : Kind.FIXED,
        selectedStatus);
  }

  /** Whether no integration response matched this MOCK integration when it was deployed. */
  boolean configurationError() {
    return kind == Kind.CONFIGURATION_ERROR;
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
