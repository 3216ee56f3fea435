package dev.awssim.cloudwatch;

/**
 * Pre-aggregated values of a PutMetricData datum (API_StatisticSet.html).
 *
 * @param sampleCount how many values
 * @param sum their sum
 * @param minimum the smallest
 * @param maximum the largest
 */
public record StatisticSet(Double sampleCount, Double sum, Double minimum, Double maximum) {}
