package dev.awssim.apigateway;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import java.util.Optional;

/**
 * The settings of an HTTP API stage (http-api-throttling.html): the default route throttle and
 * per-route throttles keyed by route key (such as {@code GET /pets}), and stage variables. HTTP API
 * stages deploy automatically: every route of the API is live.
 *
 * <pre>{@code
 * HttpStageSettings s = HttpStageSettings.defaults()
 *     .withDefaultRouteThrottle(new ThrottleSettings(100, 50));
 * }</pre>
 *
 * @param defaultRouteThrottle {@code DefaultRouteSettings} throttling, if any
 * @param routeThrottles {@code RouteSettings} throttling by route key
 * @param variables the stage variables
 */
public record HttpStageSettings(
    Optional<ThrottleSettings> defaultRouteThrottle,
    ImmutableMap<String, ThrottleSettings> routeThrottles,
    ImmutableMap<String, String> variables) {
  /**
   * Validates the settings.
   *
   * @throws NullPointerException if a component is null
   */
  public HttpStageSettings {
    checkNotNull(defaultRouteThrottle, "defaultRouteThrottle");
    checkNotNull(routeThrottles, "routeThrottles");
    checkNotNull(variables, "variables");
  }

  /** No route throttles, no variables. */
  public static HttpStageSettings defaults() {
    return new HttpStageSettings(Optional.empty(), ImmutableMap.of(), ImmutableMap.of());
  }

  /** These settings with a default route throttle. */
  public HttpStageSettings withDefaultRouteThrottle(ThrottleSettings throttle) {
    return new HttpStageSettings(Optional.of(throttle), routeThrottles, variables);
  }

  /** These settings with {@code throttle} for {@code routeKey}. */
  public HttpStageSettings withRouteThrottle(String routeKey, ThrottleSettings throttle) {
    return new HttpStageSettings(
        defaultRouteThrottle,
        ImmutableMap.<String, ThrottleSettings>builder()
            .putAll(routeThrottles)
            .put(routeKey, throttle)
            .buildKeepingLast(),
        variables);
  }

  /** These settings with {@code variables}. */
  public HttpStageSettings withVariables(ImmutableMap<String, String> variables) {
    return new HttpStageSettings(defaultRouteThrottle, routeThrottles, variables);
  }
}
