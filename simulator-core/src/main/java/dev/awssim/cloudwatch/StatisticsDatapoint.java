package dev.awssim.cloudwatch;

import dev.awssim.engine.metrics.Statistic;
import java.time.Instant;
import java.util.Map;

/**
 * One period of GetMetricStatistics (API_Datapoint.html): the requested statistics, in the order
 * requested. A percentile is absent from {@code extendedStatistics} where AWS has none (no raw
 * values, a negative value).
 *
 * @param timestamp the start of the period
 * @param statistics the requested statistics
 * @param extendedStatistics the requested percentiles
 */
public record StatisticsDatapoint(
    Instant timestamp, Map<Statistic, Double> statistics, Map<String, Double> extendedStatistics) {}
