package dev.awssim.dynamodb;

/**
 * Which attributes a secondary index holds.
 *
 * <pre>{@code
 * ProjectionType.ALL
 * }</pre>
 */
public enum ProjectionType {
  ALL,
  KEYS_ONLY,
  INCLUDE
}
