package dev.awssim.cloudwatch;

/**
 * A ListMetrics dimension filter (API_DimensionFilter.html): metrics having a dimension of this
 * name, with this value unless the value is null.
 *
 * @param name the dimension's name
 * @param value the value, or null for any
 */
public record DimensionFilter(String name, String value) {}
