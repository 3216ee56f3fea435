package dev.awssim.dynamodb;

/**
 * The type of a key attribute: string, number or binary.
 *
 * <pre>{@code
 * ScalarAttributeType.S
 * }</pre>
 */
public enum ScalarAttributeType {
  S,
  N,
  B
}
