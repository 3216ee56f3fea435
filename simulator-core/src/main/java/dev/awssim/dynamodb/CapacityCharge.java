package dev.awssim.dynamodb;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * Capacity one operation asks of one table or GSI partition key.
 *
 * @param table the table whose throughput pays
 * @param indexName the GSI, or {@code null} for the base table
 * @param partitionKey the partition key value, hashed once per request
 * @param write true for write units, false for read units
 * @param units units, a multiple of 0.5
 * @param range true for a share of a Scan page read from the key range of {@code partitionKey}'s
 *     partition: it counts against that partition's ceiling, never against the key's own ceiling (a
 *     Scan reads key ranges, not one hot key)
 */
record CapacityCharge(
    TableThroughput table,
    String indexName,
    PartitionKey partitionKey,
    boolean write,
    double units,
    boolean range) {
  /**
   * @throws NullPointerException if the table or key is null
   * @throws IllegalArgumentException if units is negative or not finite
   */
  public CapacityCharge {
    checkNotNull(table, "table");
    checkNotNull(partitionKey, "partitionKey");
    checkArgument(Double.isFinite(units) && units >= 0, "units must be >= 0: %s", units);
  }

  /** A charge on one partition key (not a Scan's key range). */
  public CapacityCharge(
      TableThroughput table,
      String indexName,
      PartitionKey partitionKey,
      boolean write,
      double units) {
    this(table, indexName, partitionKey, write, units, false);
  }

  long milliUnits() {
    return Math.round(units * 1000);
  }
}
