package dev.awssim.cloudwatch;

import dev.awssim.engine.metrics.MetricKey;

/**
 * A metric, a period and a statistic, for GetMetricData (API_MetricStat.html).
 *
 * @param metric the metric
 * @param period the period in seconds: 1, 5, 10, 20, 30 or a multiple of 60
 * @param stat {@code Sum}, {@code Average}, {@code Minimum}, {@code Maximum}, {@code SampleCount}
 *     or a percentile {@code pNN.NN}
 * @param unit accepted and not used
 */
public record MetricStat(MetricKey metric, int period, String stat, String unit) {}
