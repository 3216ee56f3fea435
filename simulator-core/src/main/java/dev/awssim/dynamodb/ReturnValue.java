package dev.awssim.dynamodb;

/**
 * Which item attributes a write returns ({@code ReturnValues}).
 *
 * <pre>{@code
 * ReturnValue.NONE
 * }</pre>
 */
public enum ReturnValue {
  NONE,
  ALL_OLD,
  UPDATED_OLD,
  ALL_NEW,
  UPDATED_NEW
}
