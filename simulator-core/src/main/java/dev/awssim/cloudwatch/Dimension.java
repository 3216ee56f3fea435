package dev.awssim.cloudwatch;

/**
 * One dimension of a metric as requests carry it (API_Dimension.html): duplicates and lengths are
 * checked by the operation, with AWS's errors.
 *
 * @param name the name
 * @param value the value
 */
public record Dimension(String name, String value) {}
