package dev.awssim.dynamodb;

/**
 * The role of a key attribute: partition ({@code HASH}) or sort ({@code RANGE}) key.
 *
 * <pre>{@code
 * KeyType.HASH
 * }</pre>
 */
public enum KeyType {
  HASH,
  RANGE
}
