package dev.awssim.dynamodb;

/**
 * What a stream record reports.
 *
 * <pre>{@code
 * OperationType.INSERT
 * }</pre>
 */
public enum OperationType {
  INSERT,
  MODIFY,
  REMOVE
}
