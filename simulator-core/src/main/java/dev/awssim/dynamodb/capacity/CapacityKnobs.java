package dev.awssim.dynamodb.capacity;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The [SIM] parameters of the partition model, which AWS keeps private: it documents the burst and
 * adaptive capacity behaviour
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/burst-adaptive-capacity.html)
 * and the per-partition ceilings
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-partition-key-design.html),
 * not how it is implemented. Each default below is AWS's documented number where there is one; they
 * are knobs so that a learner can switch a mechanism off and see what it did.
 *
 * <pre>{@code
 * CapacityKnobs.defaults().withMinPartitions(4).withAdaptiveCapacity(false);
 * }</pre>
 *
 * @param burstSeconds seconds of unused capacity kept as burst credits (AWS: 300)
 * @param adaptiveCapacity whether a hot partition may use the table's unused share (AWS: always on)
 * @param hotItemIsolation whether a hot key is isolated so only the per-key ceiling binds it
 * @param minPartitions partitions a table starts with at least (AWS does not say; 1)
 * @param partitionReadUnits per-partition and per-key read ceiling (AWS: 3,000 RCU)
 * @param partitionWriteUnits per-partition and per-key write ceiling (AWS: 1,000 WCU)
 * @param partitionBytes storage per partition before a split (AWS: 10 GB)
 */
public record CapacityKnobs(
    long burstSeconds,
    boolean adaptiveCapacity,
    boolean hotItemIsolation,
    int minPartitions,
    long partitionReadUnits,
    long partitionWriteUnits,
    long partitionBytes) {
  /**
   * Burst keeps up to 300 s (5 minutes) of unused read and write capacity
   * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/burst-adaptive-capacity.html).
   * A knob ({@link #burstSeconds()}): AWS gives burst capacity on a best-effort basis.
   */
  public static final long BURST_SECONDS = 300;

  /**
   * Per-partition read ceiling, 3,000 RCU
   * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-partition-key-design.html).
   */
  public static final long PARTITION_READ_UNITS = 3_000;

  /**
   * Per-partition write ceiling, 1,000 WCU
   * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-partition-key-design.html).
   */
  public static final long PARTITION_WRITE_UNITS = 1_000;

  /**
   * Partition size, 10 GB
   * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.Partitions.html).
   */
  public static final long PARTITION_BYTES = 10L * 1024 * 1024 * 1024;

  /**
   * @throws IllegalArgumentException if a value is out of range
   */
  public CapacityKnobs {
    checkArgument(burstSeconds >= 0, "burstSeconds must not be negative");
    checkArgument(minPartitions >= 1, "minPartitions must be >= 1");
    checkArgument(partitionReadUnits >= 1 && partitionWriteUnits >= 1, "ceilings must be >= 1");
    checkArgument(partitionBytes >= 1, "partitionBytes must be >= 1");
  }

  /** AWS's numbers: 300 s burst, adaptive on, isolation on, 1 partition minimum. */
  public static CapacityKnobs defaults() {
    return new CapacityKnobs(
        BURST_SECONDS, true, true, 1, PARTITION_READ_UNITS, PARTITION_WRITE_UNITS, PARTITION_BYTES);
  }

  /** A copy with {@code minPartitions}. */
  public CapacityKnobs withMinPartitions(int value) {
    return new CapacityKnobs(
        burstSeconds,
        adaptiveCapacity,
        hotItemIsolation,
        value,
        partitionReadUnits,
        partitionWriteUnits,
        partitionBytes);
  }

  /** A copy with adaptive capacity on or off. */
  public CapacityKnobs withAdaptiveCapacity(boolean value) {
    return new CapacityKnobs(
        burstSeconds,
        value,
        hotItemIsolation,
        minPartitions,
        partitionReadUnits,
        partitionWriteUnits,
        partitionBytes);
  }

  /** A copy with hot-item isolation on or off. */
  public CapacityKnobs withHotItemIsolation(boolean value) {
    return new CapacityKnobs(
        burstSeconds,
        adaptiveCapacity,
        value,
        minPartitions,
        partitionReadUnits,
        partitionWriteUnits,
        partitionBytes);
  }

  /** A copy with {@code burstSeconds}. */
  public CapacityKnobs withBurstSeconds(long value) {
    return new CapacityKnobs(
        value,
        adaptiveCapacity,
        hotItemIsolation,
        minPartitions,
        partitionReadUnits,
        partitionWriteUnits,
        partitionBytes);
  }

  /** The per-partition and per-key ceiling in units per second: writes or reads. */
  public long ceiling(boolean write) {
    return write ? partitionWriteUnits : partitionReadUnits;
  }
}
