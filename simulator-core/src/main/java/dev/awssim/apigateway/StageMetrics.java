package dev.awssim.apigateway;

import dev.awssim.engine.metrics.Dimensions;
import dev.awssim.internal.metrics.MetricRecorder;
import dev.awssim.internal.metrics.MetricSeries;

/**
 * The AWS/ApiGateway series of one stage (or one method of it), resolved once so that the request
 * path does no lookups (api-gateway-metrics-and-dimensions.html).
 */
final class StageMetrics {
  static final String NAMESPACE = "AWS/ApiGateway";

  private final MetricSeries count;
  private final MetricSeries clientErrors;
  private final MetricSeries serverErrors;
  private final MetricSeries latency;
  private final MetricSeries integrationLatency;
  private final MetricSeries cacheHits;
  private final MetricSeries cacheMisses;

  StageMetrics(MetricRecorder metrics, Dimensions dimensions) {
    this.count = metrics.series(NAMESPACE, "Count", dimensions);
    this.clientErrors = metrics.series(NAMESPACE, "4XXError", dimensions);
    this.serverErrors = metrics.series(NAMESPACE, "5XXError", dimensions);
    this.latency = metrics.series(NAMESPACE, "Latency", dimensions);
    this.integrationLatency = metrics.series(NAMESPACE, "IntegrationLatency", dimensions);
    this.cacheHits = metrics.series(NAMESPACE, "CacheHitCount", dimensions);
    this.cacheMisses = metrics.series(NAMESPACE, "CacheMissCount", dimensions);
  }

  /** Count, 4XXError and 5XXError (0 or 1, as AWS records them) and Latency in milliseconds. */
  void request(int statusCode, long latencyNanos) {
    count.recordHoldingLock(1);
    clientErrors.recordHoldingLock(statusCode >= 400 && statusCode < 500 ? 1 : 0);
    serverErrors.recordHoldingLock(statusCode >= 500 ? 1 : 0);
    latency.recordHoldingLock(latencyNanos / 1e6);
  }

  void integration(long latencyNanos) {
    integrationLatency.recordHoldingLock(latencyNanos / 1e6);
  }

  void cache(boolean hit) {
    cacheHits.recordHoldingLock(hit ? 1 : 0);
    cacheMisses.recordHoldingLock(hit ? 0 : 1);
  }
}
