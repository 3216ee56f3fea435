package dev.awssim.dynamodb;

/**
 * Capacity units consumed on one table or index.
 *
 * <pre>{@code
 * c.capacityUnits()
 * }</pre>
 *
 * @param capacityUnits total
 * @param readCapacityUnits reads
 * @param writeCapacityUnits writes
 */
public record Capacity(double capacityUnits, double readCapacityUnits, double writeCapacityUnits) {}
