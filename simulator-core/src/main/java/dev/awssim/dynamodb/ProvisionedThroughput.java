package dev.awssim.dynamodb;

/**
 * Provisioned read and write capacity units of a table or GSI.
 *
 * <pre>{@code
 * new ProvisionedThroughput(5, 5)
 * }</pre>
 *
 * @param readCapacityUnits RCU
 * @param writeCapacityUnits WCU
 */
public record ProvisionedThroughput(long readCapacityUnits, long writeCapacityUnits) {}
