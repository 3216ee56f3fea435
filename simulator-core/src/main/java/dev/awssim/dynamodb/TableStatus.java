package dev.awssim.dynamodb;

/**
 * The status of a table.
 *
 * <pre>{@code
 * TableStatus.CREATING
 * }</pre>
 */
public enum TableStatus {
  CREATING,
  UPDATING,
  DELETING,
  ACTIVE
}
