package dev.awssim.apigateway;

import com.google.common.collect.ImmutableList;

/**
 * One method of a REST resource or one HTTP API route, as deployed.
 *
 * @param resourcePath such as {@code /pets/{id}}, or {@code $default} for the HTTP default route
 * @param httpMethod such as {@code GET}, or {@code ANY}
 * @param apiKeyRequired whether the method requires an API key (REST only)
 * @param integration the backend
 * @param cacheKeyParameters parameters such as {@code method.request.querystring.id}
 */
record RouteSpec(
    String resourcePath,
    String httpMethod,
    boolean apiKeyRequired,
    Integration integration,
    ImmutableList<String> cacheKeyParameters) {
  static final String DEFAULT_ROUTE = "$default";

  /** The key of method settings and usage-plan overrides: {@code /pets/{id}/GET}. */
  String methodKey() {
    return resourcePath + "/" + httpMethod;
  }

  /** The HTTP API route key: {@code GET /pets/{id}} or {@code $default}. */
  String routeKey() {
    return DEFAULT_ROUTE.equals(resourcePath) ? DEFAULT_ROUTE : httpMethod + " " + resourcePath;
  }
}
