package dev.awssim.dynamodb;

/**
 * The maximum read and write request units per second of an on-demand table or GSI ({@code
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_OnDemandThroughput.html}):
 * requests above it are throttled with {@code ...MaxOnDemandThroughputExceeded}. A null field
 * leaves that maximum as it is; -1 removes it.
 *
 * @param maxReadRequestUnits the read maximum, -1 for none, or null
 * @param maxWriteRequestUnits the write maximum, -1 for none, or null
 */
public record OnDemandThroughput(Long maxReadRequestUnits, Long maxWriteRequestUnits) {}
