package dev.awssim.apigateway;

import static dev.awssim.internal.time.TimeUnits.NANOS_PER_SECOND;

import com.google.common.collect.ImmutableMap;

/**
 * A method or route of one stage, resolved with everything the request path needs: its stage-level
 * bucket, cache rule and detailed metrics. Rebuilt when the stage or its deployment changes.
 */
final class Endpoint {
  final RouteSpec route;
  final String methodKey;
  final LevelBucket stageBucket;
  final MethodSettings settings;
  final boolean caching;
  final long cacheTtlNanos;
  final StageMetrics detailedMetrics;
  final String deploymentId;
  final ImmutableMap<String, String> stageVariables;
  final boolean canary;
  private ApiResponse mockResponse;

  Endpoint(
      RouteSpec route,
      LevelBucket stageBucket,
      MethodSettings settings,
      boolean caching,
      StageMetrics detailedMetrics,
      String deploymentId,
      ImmutableMap<String, String> stageVariables,
      boolean canary) {
    this.route = route;
    this.methodKey = route.methodKey();
    this.stageBucket = stageBucket;
    this.settings = settings;
    this.caching = caching;
    this.cacheTtlNanos = settings.cacheTtlInSeconds() * NANOS_PER_SECOND;
    this.detailedMetrics = detailedMetrics;
    this.deploymentId = deploymentId;
    this.stageVariables = stageVariables;
    this.canary = canary;
  }

  /** The response of this endpoint's mock integration, built once. */
  ApiResponse mockResponse(IntegrationResponse mock) {
    if (mockResponse == null) {
      mockResponse = ApiResponse.of(mock, mock.headers(), false, canary, 0);
    }
    return mockResponse;
  }

  /** The values of the template's {@code {name}} parts in {@code path}. */
  ImmutableMap<String, String> pathParameters(String path) {
    String[] template = Router.segments(route.resourcePath());
    String[] actual = Router.segments(path);
    ImmutableMap.Builder<String, String> params = ImmutableMap.builder();
    for (int i = 0; i < template.length && i < actual.length; i++) {
      String part = template[i];
      if (part.startsWith("{") && part.endsWith("+}")) {
        params.put(
            part.substring(1, part.length() - 2),
            String.join("/", java.util.Arrays.copyOfRange(actual, i, actual.length)));
        break;
      }
      if (part.startsWith("{")) {
        params.put(part.substring(1, part.length() - 1), actual[i]);
      }
    }
    return params.buildKeepingLast();
  }
}
