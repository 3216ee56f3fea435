package dev.awssim.dynamodb;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The capacity one call consumed on one table (ReturnConsumedCapacity TOTAL or INDEXES).
 *
 * <pre>{@code
 * result.consumedCapacity().capacityUnits()
 * }</pre>
 *
 * @param tableName the table
 * @param capacityUnits total
 * @param readCapacityUnits reads
 * @param writeCapacityUnits writes
 * @param table on the base table (INDEXES only)
 * @param localSecondaryIndexes per LSI (INDEXES only)
 * @param globalSecondaryIndexes per GSI (INDEXES only)
 */
public record ConsumedCapacity(
    String tableName,
    double capacityUnits,
    double readCapacityUnits,
    double writeCapacityUnits,
    Capacity table,
    Map<String, Capacity> localSecondaryIndexes,
    Map<String, Capacity> globalSecondaryIndexes) {
  /** Copies collections; null collections become empty. */
  public ConsumedCapacity {
    localSecondaryIndexes =
        localSecondaryIndexes == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(localSecondaryIndexes));
    globalSecondaryIndexes =
        globalSecondaryIndexes == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(globalSecondaryIndexes));
  }
}
