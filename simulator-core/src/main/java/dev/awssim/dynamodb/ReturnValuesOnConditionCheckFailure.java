package dev.awssim.dynamodb;

/**
 * Whether a failed condition returns the old item.
 *
 * <pre>{@code
 * ReturnValuesOnConditionCheckFailure.NONE
 * }</pre>
 */
public enum ReturnValuesOnConditionCheckFailure {
  NONE,
  ALL_OLD
}
