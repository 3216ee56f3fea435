package dev.awssim.apigateway;

import dev.awssim.engine.trace.TraceEventType;

/**
 * The trace events of the simulated API Gateway. Throttling decisions carry attributes {@code
 * level} (the bucket that decided) and {@code remaining.<LEVEL>} (whole tokens left in each
 * applicable bucket).
 *
 * <pre>{@code
 * List<TraceEvent> throttled = sim.trace().events(ApiGatewayEventType.THROTTLED);
 * }</pre>
 */
public enum ApiGatewayEventType implements TraceEventType {
  /** A request passed every applicable bucket and the quota. */
  ADMITTED,
  /** A request found a bucket empty: 429 THROTTLED. */
  THROTTLED,
  /** A request's usage plan quota was used up: 429 QUOTA_EXCEEDED. */
  QUOTA_EXCEEDED,
  /** A request was refused with 403 (no route, bad key, unauthorized invalidation). */
  FORBIDDEN,
  /** A response came from the stage cache. */
  CACHE_HIT,
  /** A cacheable request reached the integration. */
  CACHE_MISS,
  /** A stage cache lost all entries (flush, resize or disable). */
  CACHE_FLUSHED,
  /** A canary was promoted to the stage's deployment. */
  CANARY_PROMOTED;

  @Override
  public String service() {
    return "apigateway";
  }
}
