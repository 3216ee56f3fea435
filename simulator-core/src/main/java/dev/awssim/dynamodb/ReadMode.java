package dev.awssim.dynamodb;

/**
 * How a read is made, which sets its price per 4 KB
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html).
 */
enum ReadMode {
  /** Half a unit per 4 KB. */
  EVENTUALLY_CONSISTENT,
  /** One unit per 4 KB. */
  STRONGLY_CONSISTENT,
  /** Two units per 4 KB (TransactGetItems). */
  TRANSACTIONAL
}
