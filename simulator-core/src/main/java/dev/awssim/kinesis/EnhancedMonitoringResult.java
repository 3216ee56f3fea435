package dev.awssim.kinesis;

import java.util.List;

/**
 * What EnableEnhancedMonitoring and DisableEnhancedMonitoring return.
 *
 * @param streamName the stream
 * @param streamArn its ARN
 * @param currentShardLevelMetrics the metrics enabled before the call, by AWS name
 * @param desiredShardLevelMetrics the metrics enabled after the call, by AWS name
 */
public record EnhancedMonitoringResult(
    String streamName,
    String streamArn,
    List<String> currentShardLevelMetrics,
    List<String> desiredShardLevelMetrics) {
  /** Copies the lists. */
  public EnhancedMonitoringResult {
    currentShardLevelMetrics = List.copyOf(currentShardLevelMetrics);
    desiredShardLevelMetrics = List.copyOf(desiredShardLevelMetrics);
  }
}
