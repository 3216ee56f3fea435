package dev.awssim.dynamodb;

/**
 * The warm throughput of a table or GSI as DescribeTable reports it ({@code
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TableWarmThroughputDescription.html}):
 * the units per second it can serve at once.
 *
 * @param readUnitsPerSecond reads per second
 * @param writeUnitsPerSecond writes per second
 * @param status ACTIVE ([SIM]: changes take effect at once)
 */
public record WarmThroughputDescription(
    long readUnitsPerSecond, long writeUnitsPerSecond, String status) {}
