package dev.awssim.dynamodb;

import java.util.List;

/** Admits or throttles the capacity one operation consumes; wired to the capacity model later. */
interface ThroughputGate {
  /**
   * Charges, in one atomic decision, the units of one operation (base table and each index
   * touched); returns null when admitted, or the throttle to raise / to report as unprocessed.
   */
  Throttle admit(List<Charge> charges);

  ThroughputGate UNLIMITED = charges -> null;

  /**
   * tableName, indexName (null for the base table), partitionKey (the item's partition key value),
   * write or read, units (already rounded per reference 3.1).
   */
  record Charge(
      String tableName,
      String indexName,
      AttributeValue partitionKey,
      boolean write,
      double units) {}

  /**
   * errorCode (ProvisionedThroughputExceededException / ThrottlingException /
   * RequestLimitExceeded), message, and the ThrottlingReasons (reason + resource ARN) per reference
   * 3.5.
   */
  record Throttle(String errorCode, String message, List<ThrottlingReason> reasons) {}
}
