package dev.awssim.apigateway;

import com.google.common.collect.ImmutableMap;
import dev.awssim.engine.metrics.Dimensions;
import dev.awssim.engine.time.VirtualClock;
import dev.awssim.internal.SimulationContext;
import dev.awssim.internal.metrics.MetricRecorder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The runtime of one stage: its routers (production and canary), stage-level buckets (kept across
 * rebuilds while their settings stay the same, carried over to new settings by {@link
 * LevelBucket#carryOver}), cache, metrics and usage-plan subscriptions.
 */
final class Stage {
  /** A stage name: letters, digits, hyphens and underscores, up to 128 characters. */
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,128}");

  final String resource;
  final String name;
  final StageMetrics metrics;
  final RandomGenerator canaryRandom;
  final Map<ApiKeyState, UsagePlan.Subscription> subscriptions = new HashMap<>();
  private final MetricRecorder registry;
  private final Dimensions dimensions;
  private final VirtualClock clock;
  private final Map<String, LevelBucket> buckets = new LinkedHashMap<>();
  String deploymentId;
  StageSettings settings = StageSettings.defaults();
  HttpStageSettings httpSettings = HttpStageSettings.defaults();
  Router router;
  Router canaryRouter;
  double canaryPercent;
  StageCache cache;

  Stage(
      String resource,
      String name,
      MetricRecorder registry,
      Dimensions dimensions,
      RandomGenerator canaryRandom,
      VirtualClock clock) {
    this.resource = resource;
    this.name = name;
    this.registry = registry;
    this.dimensions = dimensions;
    this.metrics = new StageMetrics(registry, dimensions);
    this.canaryRandom = canaryRandom;
    this.clock = clock;
  }

  /** A new stage of {@code apiId}, with its metrics and its canary's own random stream. */
  static Stage create(
      SimulationContext context, String apiId, String stageName, Dimensions dimensions) {
    return new Stage(
        apiId + "/" + stageName,
        stageName,
        context.metrics(),
        dimensions,
        context.random().stream("apigateway/" + apiId + "/" + stageName + "/canary"),
        context.clock());
  }

  /** Rebuilds a REST stage's endpoints from its deployments and {@link #settings}. */
  void rebuildRest(List<RouteSpec> routes, List<RouteSpec> canaryRoutes) {
    Map<String, LevelBucket> previous = new HashMap<>(buckets);
    buckets.clear();
    router = new Router(restEndpoints(routes, previous, deploymentId, settings.variables(), false));
    CanarySettings canary = settings.canary().orElse(null);
    if (canary == null) {
      canaryRouter = null;
      canaryPercent = 0;
      return;
    }
    Map<String, String> variables = new LinkedHashMap<>(settings.variables());
    variables.putAll(canary.stageVariableOverrides());
    canaryRouter =
        new Router(
            restEndpoints(
                canaryRoutes,
                previous,
                canary.deploymentId(),
                ImmutableMap.copyOf(variables),
                true));
    canaryPercent = canary.percentTraffic();
  }

  private List<Endpoint> restEndpoints(
      List<RouteSpec> routes,
      Map<String, LevelBucket> previous,
      String deployment,
      ImmutableMap<String, String> variables,
      boolean canary) {
    List<Endpoint> endpoints = new ArrayList<>();
    boolean useCache =
        settings.cacheClusterEnabled()
            && (!canary || settings.canary().map(CanarySettings::useStageCache).orElse(false));
    for (RouteSpec route : routes) {
      String key = route.methodKey();
      MethodSettingsOverride own = settings.overrideOf(key);
      MethodSettings ms = settings.settingsFor(key);
      ThrottleLevel level = own.throttle().isPresent() ? ThrottleLevel.METHOD : ThrottleLevel.STAGE;
      LevelBucket bucket = ms.throttle().map(t -> bucket(key, level, t, previous)).orElse(null);
      // Stage-wide caching covers GET only; another method is cached only when its own override
      // turns caching on (api-gateway-caching.html).
      boolean caching =
          useCache
              && ms.cacheTtlInSeconds() > 0
              && ms.cachingEnabled()
              && (own.cachingEnabled().isPresent() || "GET".equals(route.httpMethod()));
      StageMetrics detailed =
          ms.metricsEnabled()
              ? new StageMetrics(
                  registry,
                  dimensions
                      .with("Method", route.httpMethod())
                      .with("Resource", route.resourcePath()))
              : null;
      endpoints.add(
          new Endpoint(route, bucket, ms, caching, detailed, deployment, variables, canary));
    }
    return endpoints;
  }

  /** Rebuilds an HTTP API stage's endpoints from the API's routes and {@link #httpSettings}. */
  void rebuildHttp(List<RouteSpec> routes) {
    Map<String, LevelBucket> previous = new HashMap<>(buckets);
    buckets.clear();
    List<Endpoint> endpoints = new ArrayList<>();
    for (RouteSpec route : routes) {
      ThrottleSettings t =
          httpSettings
              .routeThrottles()
              .getOrDefault(route.routeKey(), httpSettings.defaultRouteThrottle().orElse(null));
      LevelBucket bucket =
          t == null ? null : bucket(route.methodKey(), ThrottleLevel.ROUTE, t, previous);
      endpoints.add(
          new Endpoint(
              route,
              bucket,
              MethodSettings.defaults(),
              false,
              null,
              null,
              httpSettings.variables(),
              false));
    }
    router = new Router(endpoints);
  }

  private LevelBucket bucket(
      String key, ThrottleLevel level, ThrottleSettings t, Map<String, LevelBucket> previous) {
    long now = clock.nanos();
    return buckets.computeIfAbsent(key, k -> LevelBucket.carryOver(previous.get(k), level, t, now));
  }

  /** Creates, resizes or drops the cache to match {@link #settings}; true if entries were lost. */
  boolean applyCacheSettings(StageSettings old) {
    boolean hadEntries = cache != null && cache.size() > 0;
    if (!settings.cacheClusterEnabled()) {
      cache = null;
      return hadEntries;
    }
    if (cache == null
        || !old.cacheClusterEnabled()
        || !old.cacheClusterSize().equals(settings.cacheClusterSize())) {
      cache = new StageCache(settings.cacheCapacityBytes());
      return hadEntries;
    }
    return false;
  }
}
