package dev.awssim.apigateway;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The method settings one method of a REST stage overrides ({@code
 * https://docs.aws.amazon.com/apigateway/latest/api/API_MethodSetting.html}): each field it sets
 * replaces the stage's default for that method, and every field it leaves empty is inherited from
 * the stage's default method settings, now and after later stage updates. An override that sets
 * only a throttle for POST therefore does not turn caching on for POST: caching a method other than
 * GET needs an override that sets {@code cachingEnabled} (api-gateway-caching.html).
 *
 * <pre>{@code
 * StageSettings s = StageSettings.defaults()
 *     .withMethodSettings("/pets/POST",
 *         MethodSettingsOverride.none().withThrottle(new ThrottleSettings(5, 2)));
 * }</pre>
 *
 * @param throttle the method's own token bucket, if set
 * @param cachingEnabled whether the method's responses are cached, if set
 * @param cacheTtlInSeconds the cache TTL (0 to 3,600), if set
 * @param requireAuthorizationForCacheControl the invalidation authorization rule, if set
 * @param unauthorizedCacheControlHeaderStrategy the unauthorized invalidation strategy, if set
 * @param metricsEnabled whether per-method CloudWatch metrics are emitted, if set
 */
public record MethodSettingsOverride(
    Optional<ThrottleSettings> throttle,
    Optional<Boolean> cachingEnabled,
    OptionalInt cacheTtlInSeconds,
    Optional<Boolean> requireAuthorizationForCacheControl,
    Optional<UnauthorizedCacheControlHeaderStrategy> unauthorizedCacheControlHeaderStrategy,
    Optional<Boolean> metricsEnabled) {
  private static final MethodSettingsOverride NONE =
      new MethodSettingsOverride(
          Optional.empty(),
          Optional.empty(),
          OptionalInt.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty());

  /**
   * Validates the override.
   *
   * @throws NullPointerException if a component is null
   * @throws ApiGatewayException {@code BadRequestException} if the TTL is outside 0..3,600
   */
  public MethodSettingsOverride {
    checkNotNull(throttle, "throttle");
    checkNotNull(cachingEnabled, "cachingEnabled");
    checkNotNull(cacheTtlInSeconds, "cacheTtlInSeconds");
    checkNotNull(requireAuthorizationForCacheControl, "requireAuthorizationForCacheControl");
    checkNotNull(unauthorizedCacheControlHeaderStrategy, "unauthorizedCacheControlHeaderStrategy");
    checkNotNull(metricsEnabled, "metricsEnabled");
    cacheTtlInSeconds.ifPresent(MethodSettings::requireTtl);
  }

  /** An override that sets nothing: the method inherits every stage default. */
  public static MethodSettingsOverride none() {
    return NONE;
  }

  /**
   * An override that sets every field to {@code settings}' value: the method inherits nothing.
   *
   * @throws NullPointerException if {@code settings} is null
   */
  public static MethodSettingsOverride of(MethodSettings settings) {
    checkNotNull(settings, "settings");
    return new MethodSettingsOverride(
        settings.throttle(),
        Optional.of(settings.cachingEnabled()),
        OptionalInt.of(settings.cacheTtlInSeconds()),
        Optional.of(settings.requireAuthorizationForCacheControl()),
        Optional.of(settings.unauthorizedCacheControlHeaderStrategy()),
        Optional.of(settings.metricsEnabled()));
  }

  /**
   * This override with the method's own {@code throttle}.
   *
   * @throws NullPointerException if {@code throttle} is null
   */
  public MethodSettingsOverride withThrottle(ThrottleSettings throttle) {
    return new MethodSettingsOverride(
        Optional.of(checkNotNull(throttle, "throttle")),
        cachingEnabled,
        cacheTtlInSeconds,
        requireAuthorizationForCacheControl,
        unauthorizedCacheControlHeaderStrategy,
        metricsEnabled);
  }

  /** This override with caching on or off for the method. */
  public MethodSettingsOverride withCachingEnabled(boolean enabled) {
    return new MethodSettingsOverride(
        throttle,
        Optional.of(enabled),
        cacheTtlInSeconds,
        requireAuthorizationForCacheControl,
        unauthorizedCacheControlHeaderStrategy,
        metricsEnabled);
  }

  /**
   * This override with the cache TTL.
   *
   * @throws ApiGatewayException {@code BadRequestException} if outside 0..3,600
   */
  public MethodSettingsOverride withCacheTtlInSeconds(int seconds) {
    return new MethodSettingsOverride(
        throttle,
        cachingEnabled,
        OptionalInt.of(seconds),
        requireAuthorizationForCacheControl,
        unauthorizedCacheControlHeaderStrategy,
        metricsEnabled);
  }

  /** This override with the invalidation authorization rule. */
  public MethodSettingsOverride withRequireAuthorizationForCacheControl(boolean required) {
    return new MethodSettingsOverride(
        throttle,
        cachingEnabled,
        cacheTtlInSeconds,
        Optional.of(required),
        unauthorizedCacheControlHeaderStrategy,
        metricsEnabled);
  }

  /**
   * This override with the unauthorized invalidation strategy.
   *
   * @throws NullPointerException if {@code strategy} is null
   */
  public MethodSettingsOverride withUnauthorizedCacheControlHeaderStrategy(
      UnauthorizedCacheControlHeaderStrategy strategy) {
    return new MethodSettingsOverride(
        throttle,
        cachingEnabled,
        cacheTtlInSeconds,
        requireAuthorizationForCacheControl,
        Optional.of(checkNotNull(strategy, "strategy")),
        metricsEnabled);
  }

  /** This override with detailed metrics on or off. */
  public MethodSettingsOverride withMetricsEnabled(boolean enabled) {
    return new MethodSettingsOverride(
        throttle,
        cachingEnabled,
        cacheTtlInSeconds,
        requireAuthorizationForCacheControl,
        unauthorizedCacheControlHeaderStrategy,
        Optional.of(enabled));
  }

  /**
   * This override on top of {@code stageDefaults}: the fields it sets over the ones it inherits.
   */
  MethodSettings applyTo(MethodSettings stageDefaults) {
    return new MethodSettings(
        throttle.isPresent() ? throttle : stageDefaults.throttle(),
        cachingEnabled.orElse(stageDefaults.cachingEnabled()),
        cacheTtlInSeconds.orElse(stageDefaults.cacheTtlInSeconds()),
        requireAuthorizationForCacheControl.orElse(
            stageDefaults.requireAuthorizationForCacheControl()),
        unauthorizedCacheControlHeaderStrategy.orElse(
            stageDefaults.unauthorizedCacheControlHeaderStrategy()),
        metricsEnabled.orElse(stageDefaults.metricsEnabled()));
  }
}
