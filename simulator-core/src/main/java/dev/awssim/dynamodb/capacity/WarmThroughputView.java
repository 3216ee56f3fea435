package dev.awssim.dynamodb.capacity;

/**
 * The read and write units per second a table or GSI can serve at once, as DescribeTable reports
 * them in {@code WarmThroughput} ({@code API_TableWarmThroughputDescription.html}): on-demand,
 * twice the previous peak; provisioned, the larger of the provisioned rate and the warm throughput
 * asked for ([SIM]).
 *
 * @param readUnitsPerSecond reads per second
 * @param writeUnitsPerSecond writes per second
 */
public record WarmThroughputView(long readUnitsPerSecond, long writeUnitsPerSecond) {}
