package dev.awssim.dynamodb;

/**
 * The status of a stream.
 *
 * <pre>{@code
 * StreamStatus.ENABLING
 * }</pre>
 */
public enum StreamStatus {
  ENABLING,
  ENABLED,
  DISABLING,
  DISABLED
}
