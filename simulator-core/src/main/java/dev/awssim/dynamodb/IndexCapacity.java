package dev.awssim.dynamodb;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The capacity of a table or GSI: provisioned RCU/WCU (ignored on-demand), the optional on-demand
 * maximums {@code MaxReadRequestUnits}/{@code MaxWriteRequestUnits} (0 = no maximum, {@code
 * API_OnDemandThroughput.html}) and the optional warm throughput {@code ReadUnitsPerSecond}/{@code
 * WriteUnitsPerSecond} (0 = none asked, {@code API_WarmThroughput.html}): the rate the table or
 * index can serve at once, so on-demand it raises the previous peak to half of it, and it adds
 * partitions.
 *
 * <pre>{@code
 * IndexCapacity.provisioned(100, 100);
 * }</pre>
 */
record IndexCapacity(
    long readCapacityUnits,
    long writeCapacityUnits,
    long maxReadRequestUnits,
    long maxWriteRequestUnits,
    long warmReadUnitsPerSecond,
    long warmWriteUnitsPerSecond) {
  /**
   * @throws IllegalArgumentException if a value is negative
   */
  public IndexCapacity {
    checkArgument(
        readCapacityUnits >= 0
            && writeCapacityUnits >= 0
            && maxReadRequestUnits >= 0
            && maxWriteRequestUnits >= 0
            && warmReadUnitsPerSecond >= 0
            && warmWriteUnitsPerSecond >= 0,
        "capacity values must not be negative");
  }

  /** A capacity without warm throughput. */
  public IndexCapacity(
      long readCapacityUnits,
      long writeCapacityUnits,
      long maxReadRequestUnits,
      long maxWriteRequestUnits) {
    this(readCapacityUnits, writeCapacityUnits, maxReadRequestUnits, maxWriteRequestUnits, 0, 0);
  }

  /** Provisioned RCU and WCU. */
  public static IndexCapacity provisioned(long readCapacityUnits, long writeCapacityUnits) {
    return new IndexCapacity(readCapacityUnits, writeCapacityUnits, 0, 0);
  }

  /** On-demand with no maximum. */
  public static IndexCapacity onDemand() {
    return new IndexCapacity(0, 0, 0, 0);
  }

  long units(boolean write) {
    return write ? writeCapacityUnits : readCapacityUnits;
  }

  long max(boolean write) {
    return write ? maxWriteRequestUnits : maxReadRequestUnits;
  }

  /** A copy with other on-demand maximums (0 = none). */
  public IndexCapacity withMaxRequestUnits(long read, long write) {
    return new IndexCapacity(
        readCapacityUnits,
        writeCapacityUnits,
        read,
        write,
        warmReadUnitsPerSecond,
        warmWriteUnitsPerSecond);
  }

  /** A copy with another warm throughput (0 = none). */
  public IndexCapacity withWarmThroughput(long readUnitsPerSecond, long writeUnitsPerSecond) {
    return new IndexCapacity(
        readCapacityUnits,
        writeCapacityUnits,
        maxReadRequestUnits,
        maxWriteRequestUnits,
        readUnitsPerSecond,
        writeUnitsPerSecond);
  }

  long warm(boolean write) {
    return write ? warmWriteUnitsPerSecond : warmReadUnitsPerSecond;
  }
}
