package dev.awssim.dynamodb.capacity;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * Capacity one operation asks of one table or GSI partition key.
 *
 * <pre>{@code
 * new CapacityCharge("Orders", null, "S:user#1", true, 1.0);  // one 1 KB write on the table
 * }</pre>
 *
 * @param tableName the table
 * @param indexName the GSI, or {@code null} for the base table
 * @param partitionKey canonical string of the partition key value, e.g. {@code "S:user#1"}
 * @param write true for write units, false for read units
 * @param units units, a multiple of 0.5
 * @param range true for a share of a Scan page read from the key range of {@code partitionKey}'s
 *     partition: it counts against that partition's ceiling, never against the key's own ceiling (a
 *     Scan reads key ranges, not one hot key)
 */
public record CapacityCharge(
    String tableName,
    String indexName,
    String partitionKey,
    boolean write,
    double units,
    boolean range) {
  /**
   * @throws IllegalArgumentException if units is negative or not finite
   */
  public CapacityCharge {
    checkNotNull(tableName, "tableName");
    checkNotNull(partitionKey, "partitionKey");
    checkArgument(Double.isFinite(units) && units >= 0, "units must be >= 0: %s", units);
  }

  /** A charge on one partition key (not a Scan's key range). */
  public CapacityCharge(
      String tableName, String indexName, String partitionKey, boolean write, double units) {
    this(tableName, indexName, partitionKey, write, units, false);
  }

  long milliUnits() {
    return Math.round(units * 1000);
  }
}
