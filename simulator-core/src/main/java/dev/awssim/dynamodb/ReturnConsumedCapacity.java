package dev.awssim.dynamodb;

/**
 * Whether a call returns the capacity it consumed, and in how much detail.
 *
 * <pre>{@code
 * ReturnConsumedCapacity.NONE
 * }</pre>
 */
public enum ReturnConsumedCapacity {
  NONE,
  TOTAL,
  INDEXES
}
