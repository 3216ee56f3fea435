package dev.awssim.dynamodb;

/**
 * The status of a global secondary index.
 *
 * <pre>{@code
 * IndexStatus.CREATING
 * }</pre>
 */
public enum IndexStatus {
  CREATING,
  UPDATING,
  DELETING,
  ACTIVE
}
