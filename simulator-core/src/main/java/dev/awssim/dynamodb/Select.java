package dev.awssim.dynamodb;

/**
 * What a Query or Scan returns.
 *
 * <pre>{@code
 * Select.ALL_ATTRIBUTES
 * }</pre>
 */
public enum Select {
  ALL_ATTRIBUTES,
  ALL_PROJECTED_ATTRIBUTES,
  SPECIFIC_ATTRIBUTES,
  COUNT
}
