package dev.awssim.apigateway;

import com.google.common.collect.ImmutableMap;
import java.time.Duration;
import java.util.Optional;

/**
 * The response to an {@link ApiRequest}: status, body and headers, plus what the simulator knows
 * about how it was produced: the gateway response that replaced the integration's (such as {@code
 * THROTTLED}), the throttle level that refused it, whether it came from the cache or the canary,
 * and its latency on the virtual clock.
 *
 * <pre>{@code
 * ApiResponse r = gateway.invoke(ApiRequest.of(apiId, "prod", "GET", "/pets"));
 * if (r.statusCode() == 429) {
 *   System.out.println(r.errorType() + " at " + r.throttleLevel().orElse(null));
 * }
 * }</pre>
 */
public final class ApiResponse {
  private final int statusCode;
  private final String body;
  private final ImmutableMap<String, String> headers;
  private final GatewayResponseType gatewayResponse;
  private final ThrottleLevel throttleLevel;
  private final boolean fromCache;
  private final boolean canary;
  private final long latencyNanos;
  private final IntegrationResponse integrationResponse;

  private static final ApiResponse[] GATEWAY_RESPONSES = gatewayResponses();

  private ApiResponse(
      int statusCode,
      String body,
      ImmutableMap<String, String> headers,
      GatewayResponseType gatewayResponse,
      ThrottleLevel throttleLevel,
      boolean fromCache,
      boolean canary,
      long latencyNanos,
      IntegrationResponse integrationResponse) {
    this.statusCode = statusCode;
    this.body = body;
    this.headers = headers;
    this.gatewayResponse = gatewayResponse;
    this.throttleLevel = throttleLevel;
    this.fromCache = fromCache;
    this.canary = canary;
    this.latencyNanos = latencyNanos;
    this.integrationResponse = integrationResponse;
  }

  /** The response of an integration (or of the cache). */
  static ApiResponse of(
      IntegrationResponse response,
      ImmutableMap<String, String> headers,
      boolean fromCache,
      boolean canary,
      long latencyNanos) {
    return new ApiResponse(
        response.statusCode(),
        response.body(),
        headers,
        null,
        null,
        fromCache,
        canary,
        latencyNanos,
        response);
  }

  /** A gateway response; immutable and shared, so the request path allocates nothing for it. */
  static ApiResponse gateway(GatewayResponseType type, ThrottleLevel level, boolean canary) {
    return GATEWAY_RESPONSES[gatewayIndex(type, level, canary)];
  }

  private static int gatewayIndex(GatewayResponseType type, ThrottleLevel level, boolean canary) {
    int levels = ThrottleLevel.values().length + 1;
    return ((type.ordinal() * levels) + (level == null ? 0 : level.ordinal() + 1)) * 2
        + (canary ? 1 : 0);
  }

  private static ApiResponse[] gatewayResponses() {
    ApiResponse[] all =
        new ApiResponse
            [GatewayResponseType.values().length * (ThrottleLevel.values().length + 1) * 2];
    for (GatewayResponseType type : GatewayResponseType.values()) {
      for (boolean canary : new boolean[] {false, true}) {
        all[gatewayIndex(type, null, canary)] = newGateway(type, null, canary);
        for (ThrottleLevel level : ThrottleLevel.values()) {
          all[gatewayIndex(type, level, canary)] = newGateway(type, level, canary);
        }
      }
    }
    return all;
  }

  private static ApiResponse newGateway(
      GatewayResponseType type, ThrottleLevel level, boolean canary) {
    return new ApiResponse(
        type.statusCode(),
        type.body(),
        ImmutableMap.of("x-amzn-ErrorType", type.name()),
        type,
        level,
        false,
        canary,
        0,
        null);
  }

  /** This response with {@code latencyNanos}. */
  ApiResponse withLatency(long nanos) {
    return new ApiResponse(
        statusCode,
        body,
        headers,
        gatewayResponse,
        throttleLevel,
        fromCache,
        canary,
        nanos,
        integrationResponse);
  }

  /** The integration's response this came from, or null for a gateway response. */
  IntegrationResponse integrationResponse() {
    return integrationResponse;
  }

  /** The HTTP status. */
  public int statusCode() {
    return statusCode;
  }

  /** The body. */
  public String body() {
    return body;
  }

  /** The headers; gateway responses carry {@code x-amzn-ErrorType}. */
  public ImmutableMap<String, String> headers() {
    return headers;
  }

  /** The gateway response API Gateway sent instead of the integration's, if any. */
  public Optional<GatewayResponseType> gatewayResponse() {
    return Optional.ofNullable(gatewayResponse);
  }

  /** The gateway response type's name (such as {@code THROTTLED}), or "" for an integration's. */
  public String errorType() {
    return gatewayResponse == null ? "" : gatewayResponse.name();
  }

  /** The bucket level that throttled the request, if it was throttled. */
  public Optional<ThrottleLevel> throttleLevel() {
    return Optional.ofNullable(throttleLevel);
  }

  /** Whether the response came from the stage cache (the integration was not called). */
  public boolean fromCache() {
    return fromCache;
  }

  /** Whether the request went to the canary deployment. */
  public boolean canary() {
    return canary;
  }

  /**
   * The request's latency on the virtual clock (the integration's latency; 0 for cache hits, mocks
   * and gateway responses). {@code invoke} returns at once; advance the clock by it if your
   * scenario needs the caller to wait.
   */
  public Duration latency() {
    return Duration.ofNanos(latencyNanos);
  }

  long latencyNanos() {
    return latencyNanos;
  }

  @Override
  public String toString() {
    return statusCode
        + (gatewayResponse == null ? "" : " " + gatewayResponse)
        + (throttleLevel == null ? "" : " (" + throttleLevel + ")");
  }
}
