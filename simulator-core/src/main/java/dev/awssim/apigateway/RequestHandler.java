package dev.awssim.apigateway;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.awssim.engine.time.VirtualClock;
import dev.awssim.internal.trace.TraceRecorder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The request path of one stage, in AWS's order: route, API key, quota, token buckets (usage plan,
 * stage or method, account; a request needs a token from each), cache, integration, metrics. It
 * reads every bucket (a pure read) before taking any token, so a refused request takes nothing.
 */
final class RequestHandler {
  static final String CACHE_WARNING =
      "199 - \"Cache-control headers were ignored because the caller was unauthorized.\"";

  private final VirtualClock clock;
  private final TraceRecorder trace;
  private final LevelBucket account;
  private final Map<String, ApiKeyState> keysByValue;

  RequestHandler(
      VirtualClock clock,
      TraceRecorder trace,
      LevelBucket account,
      Map<String, ApiKeyState> keysByValue) {
    this.clock = clock;
    this.trace = trace;
    this.account = account;
    this.keysByValue = keysByValue;
  }

  /**
   * The buckets that would apply to {@code request} on {@code stage} (null for none) now, in AWS's
   * order of evaluation, without taking a token; empty when no route or no valid key matches.
   */
  List<BucketState> throttleState(ApiRequest request, Stage stage) {
    Endpoint endpoint =
        stage == null || stage.router == null
            ? null
            : stage.router.resolve(request.httpMethod(), request.path());
    if (endpoint == null) {
      return ImmutableList.of();
    }
    long now = clock.nanos();
    ImmutableList.Builder<BucketState> states = ImmutableList.builder();
    if (endpoint.route.apiKeyRequired()) {
      ApiKeyState key =
          request.apiKeyOrNull() == null ? null : keysByValue.get(request.apiKeyOrNull());
      UsagePlan.Subscription sub = key == null ? null : stage.subscriptions.get(key);
      if (sub == null) {
        return ImmutableList.of();
      }
      LevelBucket plan = sub.bucketFor(endpoint.methodKey);
      if (plan != null) {
        states.add(plan.state(now));
      }
    }
    if (endpoint.stageBucket != null) {
      states.add(endpoint.stageBucket.state(now));
    }
    return states.add(account.state(now)).build();
  }

  ApiResponse handle(ApiRequest request, Stage stage, String resource) {
    if (tooLarge(request.body())) {
      return refuse(stage, null, request, resource, GatewayResponseType.REQUEST_TOO_LARGE, false);
    }
    long now = clock.nanos();
    boolean canary =
        stage.canaryRouter != null && stage.canaryRandom.nextDouble() * 100 < stage.canaryPercent;
    Router router = canary ? stage.canaryRouter : stage.router;
    Endpoint endpoint =
        router == null ? null : router.resolve(request.httpMethod(), request.path());
    if (endpoint == null) {
      return refuse(
          stage, null, request, resource, GatewayResponseType.MISSING_AUTHENTICATION_TOKEN, canary);
    }
    UsagePlan.Subscription subscription = null;
    if (endpoint.route.apiKeyRequired()) {
      String value = request.apiKeyOrNull();
      ApiKeyState key = value == null ? null : keysByValue.get(value);
      subscription = key == null || !key.enabled ? null : stage.subscriptions.get(key);
      if (subscription == null) {
        return refuse(
            stage, endpoint, request, resource, GatewayResponseType.INVALID_API_KEY, canary);
      }
      if (subscription.planKey.usage.quotaExhausted(now)) {
        traceDecision(ApiGatewayEventType.QUOTA_EXCEEDED, resource, request, null, null, endpoint);
        return finish(
            stage, endpoint, ApiResponse.gateway(GatewayResponseType.QUOTA_EXCEEDED, null, canary));
      }
    }
    LevelBucket plan = subscription == null ? null : subscription.bucketFor(endpoint.methodKey);
    LevelBucket empty = takeOrFirstEmpty(now, plan, endpoint.stageBucket);
    if (empty != null) {
      traceDecision(ApiGatewayEventType.THROTTLED, resource, request, empty, plan, endpoint);
      return finish(
          stage, endpoint, ApiResponse.gateway(GatewayResponseType.THROTTLED, empty.level, canary));
    }
    if (subscription != null) {
      subscription.planKey.usage.count(now);
    }
    traceDecision(ApiGatewayEventType.ADMITTED, resource, request, null, plan, endpoint);
    return finish(stage, endpoint, respond(request, stage, endpoint, resource, now));
  }

  /** Whether {@code body} is over the 10 MB payload limit in UTF-8 (read before any token). */
  private static boolean tooLarge(String body) {
    // A char is at most 3 UTF-8 bytes: most bodies are decided without encoding them.
    return (long) body.length() * 3 > ApiGatewayLimits.MAX_PAYLOAD_BYTES
        && body.getBytes(StandardCharsets.UTF_8).length > ApiGatewayLimits.MAX_PAYLOAD_BYTES;
  }

  /**
   * Takes a token from every bucket that applies (usage plan, stage or method, account) and returns
   * null if each has one at {@code now}; otherwise takes nothing and returns the first without one,
   * in AWS's order of evaluation. The usage-plan and stage buckets are read first (a pure read);
   * the account's, always last in that order, is taken straight away, since a refusal there leaves
   * every bucket as it was and an admission decides the request, so the others are then taken.
   */
  private LevelBucket takeOrFirstEmpty(long now, LevelBucket plan, LevelBucket stageBucket) {
    if (plan != null && plan.bucket.availableTokens(now) < 1) {
      return plan;
    }
    if (stageBucket != null && stageBucket.bucket.availableTokens(now) < 1) {
      return stageBucket;
    }
    if (!account.bucket.tryAcquire(1, now)) {
      return account;
    }
    if (plan != null) {
      plan.bucket.tryAcquire(1, now);
    }
    if (stageBucket != null) {
      stageBucket.bucket.tryAcquire(1, now);
    }
    return null;
  }

  private ApiResponse respond(
      ApiRequest request, Stage stage, Endpoint endpoint, String resource, long now) {
    StageCache cache = stage.cache;
    if (!endpoint.caching || cache == null) {
      return integrate(request, stage, endpoint);
    }
    boolean invalidate = wantsInvalidation(request);
    boolean warn = false;
    if (invalidate
        && endpoint.settings.requireAuthorizationForCacheControl()
        && !request.authorizedToInvalidateCache()) {
      UnauthorizedCacheControlHeaderStrategy strategy =
          endpoint.settings.unauthorizedCacheControlHeaderStrategy();
      if (strategy == UnauthorizedCacheControlHeaderStrategy.FAIL_WITH_403) {
        traceForbidden(resource, request, GatewayResponseType.UNAUTHORIZED);
        return ApiResponse.gateway(GatewayResponseType.UNAUTHORIZED, null, endpoint.canary);
      }
      invalidate = false;
      warn = strategy == UnauthorizedCacheControlHeaderStrategy.SUCCEED_WITH_RESPONSE_HEADER;
    }
    String key = cacheKey(request, endpoint);
    IntegrationResponse cached = invalidate ? null : cache.get(key, now);
    stage.metrics.cache(cached != null);
    if (endpoint.detailedMetrics != null) {
      endpoint.detailedMetrics.cache(cached != null);
    }
    if (trace.isEnabled()) {
      trace.record(
          cached != null ? ApiGatewayEventType.CACHE_HIT : ApiGatewayEventType.CACHE_MISS,
          resource,
          ImmutableMap.of("method", request.httpMethod(), "path", request.path(), "key", key));
    }
    if (cached != null) {
      return ApiResponse.of(
          cached, warn ? warningHeaders(cached) : cached.headers(), true, endpoint.canary, 0);
    }
    ApiResponse response = integrate(request, stage, endpoint);
    if (response.integrationResponse() != null && response.statusCode() / 100 == 2) {
      cache.put(key, response.integrationResponse(), now + endpoint.cacheTtlNanos);
    }
    return response;
  }

  private static ImmutableMap<String, String> warningHeaders(IntegrationResponse cached) {
    return ImmutableMap.<String, String>builder()
        .putAll(cached.headers())
        .put("Warning", CACHE_WARNING)
        .buildKeepingLast();
  }

  private static boolean wantsInvalidation(ApiRequest request) {
    String cacheControl = request.header("Cache-Control");
    return cacheControl != null
        && cacheControl.replace(" ", "").toLowerCase(Locale.ROOT).contains("max-age=0");
  }

  /** The resource and method, the deployment, then each marked cache-key parameter's value. */
  private static String cacheKey(ApiRequest request, Endpoint endpoint) {
    StringBuilder key = new StringBuilder(endpoint.methodKey);
    key.append('|').append(endpoint.deploymentId);
    for (String parameter : endpoint.route.cacheKeyParameters()) {
      key.append('|').append(parameterValue(request, endpoint, parameter));
    }
    return key.toString();
  }

  private static String parameterValue(ApiRequest request, Endpoint endpoint, String parameter) {
    String name = parameter.substring(parameter.lastIndexOf('.') + 1);
    String value;
    if (parameter.startsWith("method.request.querystring.")) {
      value = request.queryParameters().get(name);
    } else if (parameter.startsWith("method.request.header.")) {
      value = request.header(name);
    } else {
      value = endpoint.pathParameters(request.path()).get(name);
    }
    return value == null ? "" : value;
  }

  private static ApiResponse integrate(ApiRequest request, Stage stage, Endpoint endpoint) {
    Integration integration = endpoint.route.integration();
    if (integration.configurationError()) {
      return ApiResponse.gateway(
          GatewayResponseType.API_CONFIGURATION_ERROR, null, endpoint.canary);
    }
    IntegrationResponse mock = integration.mockResponse();
    if (mock != null) {
      return endpoint.mockResponse(mock);
    }
    long latency = integration.latencyNanos();
    // The timeout covers [call, call + timeout): an answer due exactly at its end is too late.
    if (latency >= integration.timeoutNanos()) {
      recordIntegration(stage, endpoint, integration.timeoutNanos());
      return ApiResponse.gateway(GatewayResponseType.INTEGRATION_TIMEOUT, null, endpoint.canary)
          .withLatency(integration.timeoutNanos());
    }
    recordIntegration(stage, endpoint, latency);
    IntegrationResponse response;
    try {
      response =
          integration.call(
              new IntegrationRequest(
                  request.httpMethod(),
                  request.path(),
                  endpoint.route.resourcePath(),
                  endpoint.pathParameters(request.path()),
                  request.queryParameters(),
                  request.headers(),
                  endpoint.stageVariables,
                  request.body(),
                  endpoint.canary));
    } catch (RuntimeException e) {
      return ApiResponse.gateway(GatewayResponseType.INTEGRATION_FAILURE, null, endpoint.canary)
          .withLatency(latency);
    }
    return ApiResponse.of(response, response.headers(), false, endpoint.canary, latency);
  }

  private static void recordIntegration(Stage stage, Endpoint endpoint, long latency) {
    stage.metrics.integration(latency);
    if (endpoint.detailedMetrics != null) {
      endpoint.detailedMetrics.integration(latency);
    }
  }

  private ApiResponse refuse(
      Stage stage,
      Endpoint endpoint,
      ApiRequest request,
      String resource,
      GatewayResponseType type,
      boolean canary) {
    traceForbidden(resource, request, type);
    return finish(stage, endpoint, ApiResponse.gateway(type, null, canary));
  }

  private static ApiResponse finish(Stage stage, Endpoint endpoint, ApiResponse response) {
    stage.metrics.request(response.statusCode(), response.latencyNanos());
    if (endpoint != null && endpoint.detailedMetrics != null) {
      endpoint.detailedMetrics.request(response.statusCode(), response.latencyNanos());
    }
    return response;
  }

  private void traceForbidden(String resource, ApiRequest request, GatewayResponseType type) {
    if (trace.isEnabled()) {
      trace.record(
          ApiGatewayEventType.FORBIDDEN,
          resource,
          ImmutableMap.of(
              "method", request.httpMethod(), "path", request.path(), "response", type.name()));
    }
  }

  /**
   * Records a throttling decision: the deciding level ({@code NONE} when admitted) and the whole
   * tokens left in every applicable bucket.
   */
  private void traceDecision(
      ApiGatewayEventType type,
      String resource,
      ApiRequest request,
      LevelBucket decider,
      LevelBucket plan,
      Endpoint endpoint) {
    if (!trace.isEnabled()) {
      return;
    }
    long now = clock.nanos();
    ImmutableMap.Builder<String, String> attributes =
        ImmutableMap.<String, String>builder()
            .put("method", request.httpMethod())
            .put("path", request.path())
            .put("level", decider == null ? "NONE" : decider.level.name())
            .put("canary", Boolean.toString(endpoint.canary));
    for (LevelBucket b : new LevelBucket[] {plan, endpoint.stageBucket, account}) {
      if (b != null) {
        attributes.put("remaining." + b.level.name(), Long.toString(b.bucket.availableTokens(now)));
      }
    }
    trace.record(type, resource, attributes.buildKeepingLast());
  }
}
