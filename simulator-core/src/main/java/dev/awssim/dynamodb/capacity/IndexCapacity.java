package dev.awssim.dynamodb.capacity;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The capacity of a table or GSI: provisioned RCU/WCU (ignored on-demand) and the optional
 * on-demand maximums {@code MaxReadRequestUnits}/{@code MaxWriteRequestUnits} (0 = no maximum).
 *
 * <pre>{@code
 * IndexCapacity.provisioned(100, 100);
 * }</pre>
 */
public record IndexCapacity(
    long readCapacityUnits,
    long writeCapacityUnits,
    long maxReadRequestUnits,
    long maxWriteRequestUnits) {
  /**
   * @throws IllegalArgumentException if a value is negative
   */
  public IndexCapacity {
    checkArgument(
        readCapacityUnits >= 0
            && writeCapacityUnits >= 0
            && maxReadRequestUnits >= 0
            && maxWriteRequestUnits >= 0,
        "capacity values must not be negative");
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
}
