package dev.awssim.kinesis;

import dev.awssim.internal.metrics.MetricSeries;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * A shard's enhanced shard-level metrics: recorded only while enabled for the stream
 * (EnableEnhancedMonitoring), each series resolved the first time it records.
 */
final class ShardMetrics {
  private final StreamMetrics stream;
  private final String shardId;
  private final Set<ShardLevelMetric> enabled;
  private final Map<ShardLevelMetric, MetricSeries> series = new EnumMap<>(ShardLevelMetric.class);

  ShardMetrics(StreamMetrics stream, String shardId, Set<ShardLevelMetric> enabled) {
    this.stream = stream;
    this.shardId = shardId;
    this.enabled = enabled;
  }

  /** Records {@code value} if the metric is enabled; the caller may hold the simulation's lock. */
  void record(ShardLevelMetric metric, long value) {
    if (enabled.contains(metric)) {
      series
          .computeIfAbsent(metric, m -> stream.shard(m.awsName(), shardId))
          .recordHoldingLock((double) value);
    }
  }
}
