package dev.awssim.dynamodb;

/**
 * The TTL status of a table.
 *
 * <pre>{@code
 * TimeToLiveStatus.ENABLING
 * }</pre>
 */
public enum TimeToLiveStatus {
  ENABLING,
  DISABLING,
  ENABLED,
  DISABLED
}
