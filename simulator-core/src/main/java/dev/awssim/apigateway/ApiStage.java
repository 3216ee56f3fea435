package dev.awssim.apigateway;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;

/**
 * A stage of a REST API in a usage plan ({@code API_ApiStage.html}), with per-method throttle
 * overrides keyed {@code resourcePath/HTTPMETHOD} (at most 20 per stage, limits.html).
 *
 * <pre>{@code
 * ApiStage s = ApiStage.of(apiId, "prod").withMethodThrottle("/pets/GET", new ThrottleSettings(1, 1));
 * }</pre>
 *
 * @param apiId the REST API
 * @param stage the stage name
 * @param throttle per-method throttles
 */
public record ApiStage(
    String apiId, String stage, ImmutableMap<String, ThrottleSettings> throttle) {
  /** At most 20 method-level throttle settings per stage in a plan (limits.html). */
  public static final int MAX_METHOD_THROTTLES = 20;

  /**
   * Validates the stage.
   *
   * @throws ApiGatewayException {@code BadRequestException} for more than 20 method throttles
   */
  public ApiStage {
    checkNotNull(apiId, "apiId");
    checkNotNull(stage, "stage");
    checkNotNull(throttle, "throttle");
    ApiGatewayErrors.require(
        throttle.size() <= MAX_METHOD_THROTTLES,
        "A usage plan stage can have at most 20 method throttle settings: " + throttle.size());
  }

  /** The stage without method throttles. */
  public static ApiStage of(String apiId, String stage) {
    return new ApiStage(apiId, stage, ImmutableMap.of());
  }

  /** This stage with a throttle for {@code resourcePath/HTTPMETHOD}. */
  public ApiStage withMethodThrottle(String methodKey, ThrottleSettings settings) {
    return new ApiStage(
        apiId,
        stage,
        ImmutableMap.<String, ThrottleSettings>builder()
            .putAll(throttle)
            .put(methodKey, settings)
            .buildKeepingLast());
  }
}
