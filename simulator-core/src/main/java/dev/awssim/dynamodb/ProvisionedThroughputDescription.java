package dev.awssim.dynamodb;

/**
 * The throughput of a table or GSI (0 and 0 for on-demand), with its change history.
 *
 * <pre>{@code
 * d.readCapacityUnits()
 * }</pre>
 *
 * @param readCapacityUnits RCU
 * @param writeCapacityUnits WCU
 * @param numberOfDecreasesToday decreases since UTC midnight
 * @param lastIncreaseDateTime or null
 * @param lastDecreaseDateTime or null
 */
public record ProvisionedThroughputDescription(
    long readCapacityUnits,
    long writeCapacityUnits,
    long numberOfDecreasesToday,
    java.time.Instant lastIncreaseDateTime,
    java.time.Instant lastDecreaseDateTime) {}
