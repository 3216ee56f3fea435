package dev.awssim.dynamodb;

import java.util.List;

/** Admits or throttles the capacity one operation consumes; wired to the capacity model later. */
interface ThroughputGate {
  /**
   * Charges, in one atomic decision, the units of one operation (base table and each index
   * touched); returns null when admitted, or the throttle to raise / to report as unprocessed.
   */
  Throttle admit(List<Charge> charges);

  /** As {@link #admit(List)} for one call of the DynamoDB action {@code operation}. */
  default Throttle admit(String operation, List<Charge> charges) {
    return admit(charges);
  }

  /** Tells the capacity model a table now stores {@code tableBytes} (partitions split at 10 GB). */
  default void storageChanged(String tableName, long tableBytes) {}

  /** Counts a batch whose every entry was throttled as one throttled request of the table. */
  default void throttledRequest(String tableName, String operation) {}

  ThroughputGate UNLIMITED = charges -> null;

  /**
   * tableName, indexName (null for the base table), partitionKey (the item's partition key value),
   * write or read, units (already rounded per reference 3.1), and range: true for a Scan's share
   * read from the key range around partitionKey, which is held to the partition's ceiling rather
   * than the key's.
   */
  record Charge(
      String tableName,
      String indexName,
      AttributeValue partitionKey,
      boolean write,
      double units,
      boolean range) {
    /** A charge on one partition key. */
    Charge(
        String tableName,
        String indexName,
        AttributeValue partitionKey,
        boolean write,
        double units) {
      this(tableName, indexName, partitionKey, write, units, false);
    }
  }

  /**
   * errorCode (ProvisionedThroughputExceededException / ThrottlingException /
   * RequestLimitExceeded), message, and the ThrottlingReasons (reason + resource ARN) per reference
   * 3.5.
   */
  record Throttle(String errorCode, String message, List<ThrottlingReason> reasons) {}
}
