package dev.awssim.dynamodb;

/**
 * The read and write units per second a table or GSI should be able to serve at once ({@code
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_WarmThroughput.html}). A null
 * field leaves that value as it is.
 *
 * @param readUnitsPerSecond reads per second, or null
 * @param writeUnitsPerSecond writes per second, or null
 */
public record WarmThroughput(Long readUnitsPerSecond, Long writeUnitsPerSecond) {}
