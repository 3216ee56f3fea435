package dev.awssim.apigateway;

/**
 * What API Gateway does with {@code Cache-Control: max-age=0} from a client that may not invalidate
 * the cache ({@code API_MethodSetting.html}, api-gateway-caching.html).
 *
 * <pre>{@code
 * MethodSettings s = MethodSettings.defaults()
 *     .withUnauthorizedCacheControlHeaderStrategy(UnauthorizedCacheControlHeaderStrategy.FAIL_WITH_403);
 * }</pre>
 */
public enum UnauthorizedCacheControlHeaderStrategy {
  /** Refuse the request with 403. */
  FAIL_WITH_403,
  /** Serve normally (from the cache) and add a warning header. The console's default. */
  SUCCEED_WITH_RESPONSE_HEADER,
  /** Serve normally (from the cache). */
  SUCCEED_WITHOUT_RESPONSE_HEADER
}
