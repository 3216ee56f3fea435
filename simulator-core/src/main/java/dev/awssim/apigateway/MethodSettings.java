package dev.awssim.apigateway;

import static com.google.common.base.Preconditions.checkNotNull;
import static dev.awssim.apigateway.ApiGatewayErrors.require;

import java.util.Optional;

/**
 * Settings of a REST stage for every method ({@code *}/{@code *}) or one method ({@code
 * API_MethodSetting.html}): throttling, caching, cache invalidation rules and detailed metrics. One
 * method overrides some of them with a {@link MethodSettingsOverride} and inherits the rest.
 *
 * <pre>{@code
 * MethodSettings s = MethodSettings.defaults()
 *     .withThrottle(new ThrottleSettings(10, 5))
 *     .withCacheTtlInSeconds(60);
 * }</pre>
 *
 * @param throttle the method's token bucket; empty means no stage-level bucket
 * @param cachingEnabled whether responses are cached when the stage has a cache (a stage default
 *     caches GET only, as AWS does)
 * @param cacheTtlInSeconds the cache TTL: 0 (disabled) to 3,600; default 300
 * @param requireAuthorizationForCacheControl whether invalidation needs {@code
 *     execute-api:InvalidateCache}
 * @param unauthorizedCacheControlHeaderStrategy what to do with an unauthorized invalidation
 * @param metricsEnabled whether per-method CloudWatch metrics are emitted
 */
public record MethodSettings(
    Optional<ThrottleSettings> throttle,
    boolean cachingEnabled,
    int cacheTtlInSeconds,
    boolean requireAuthorizationForCacheControl,
    UnauthorizedCacheControlHeaderStrategy unauthorizedCacheControlHeaderStrategy,
    boolean metricsEnabled) {
  /** The default cache TTL, 300 s (api-gateway-caching.html). */
  public static final int DEFAULT_CACHE_TTL_SECONDS = 300;

  /** The maximum cache TTL, 3,600 s (api-gateway-caching.html, limits.html). */
  public static final int MAX_CACHE_TTL_SECONDS = 3_600;

  private static final MethodSettings DEFAULTS =
      new MethodSettings(
          Optional.empty(),
          true,
          DEFAULT_CACHE_TTL_SECONDS,
          true,
          UnauthorizedCacheControlHeaderStrategy.SUCCEED_WITH_RESPONSE_HEADER,
          false);

  /**
   * Validates the settings.
   *
   * @throws ApiGatewayException {@code BadRequestException} if the TTL is outside 0..3,600
   * @throws NullPointerException if an object is null
   */
  public MethodSettings {
    checkNotNull(throttle, "throttle");
    checkNotNull(unauthorizedCacheControlHeaderStrategy, "unauthorizedCacheControlHeaderStrategy");
    requireTtl(cacheTtlInSeconds);
  }

  static void requireTtl(int cacheTtlInSeconds) {
    require(
        cacheTtlInSeconds >= 0 && cacheTtlInSeconds <= MAX_CACHE_TTL_SECONDS,
        "Invalid cache TTL: " + cacheTtlInSeconds + ". It must be between 0 and 3600 seconds.");
  }

  /**
   * No throttle, caching on (GET) with TTL 300 s, invalidation requires authorization, unauthorized
   * invalidation served with a warning header, no detailed metrics.
   */
  public static MethodSettings defaults() {
    return DEFAULTS;
  }

  /**
   * These settings with {@code throttle}.
   *
   * @throws NullPointerException if {@code throttle} is null
   */
  public MethodSettings withThrottle(ThrottleSettings throttle) {
    return new MethodSettings(
        Optional.of(checkNotNull(throttle, "throttle")),
        cachingEnabled,
        cacheTtlInSeconds,
        requireAuthorizationForCacheControl,
        unauthorizedCacheControlHeaderStrategy,
        metricsEnabled);
  }

  /** These settings with caching on or off. */
  public MethodSettings withCachingEnabled(boolean enabled) {
    return new MethodSettings(
        throttle,
        enabled,
        cacheTtlInSeconds,
        requireAuthorizationForCacheControl,
        unauthorizedCacheControlHeaderStrategy,
        metricsEnabled);
  }

  /**
   * These settings with the cache TTL.
   *
   * @throws ApiGatewayException {@code BadRequestException} if outside 0..3,600
   */
  public MethodSettings withCacheTtlInSeconds(int seconds) {
    return new MethodSettings(
        throttle,
        cachingEnabled,
        seconds,
        requireAuthorizationForCacheControl,
        unauthorizedCacheControlHeaderStrategy,
        metricsEnabled);
  }

  /** These settings with the invalidation authorization rule. */
  public MethodSettings withRequireAuthorizationForCacheControl(boolean required) {
    return new MethodSettings(
        throttle,
        cachingEnabled,
        cacheTtlInSeconds,
        required,
        unauthorizedCacheControlHeaderStrategy,
        metricsEnabled);
  }

  /** These settings with the unauthorized invalidation strategy. */
  public MethodSettings withUnauthorizedCacheControlHeaderStrategy(
      UnauthorizedCacheControlHeaderStrategy strategy) {
    return new MethodSettings(
        throttle,
        cachingEnabled,
        cacheTtlInSeconds,
        requireAuthorizationForCacheControl,
        strategy,
        metricsEnabled);
  }

  /** These settings with detailed metrics on or off. */
  public MethodSettings withMetricsEnabled(boolean enabled) {
    return new MethodSettings(
        throttle,
        cachingEnabled,
        cacheTtlInSeconds,
        requireAuthorizationForCacheControl,
        unauthorizedCacheControlHeaderStrategy,
        enabled);
  }
}
