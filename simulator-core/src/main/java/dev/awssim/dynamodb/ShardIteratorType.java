package dev.awssim.dynamodb;

/**
 * Where a stream shard iterator starts.
 *
 * <pre>{@code
 * ShardIteratorType.TRIM_HORIZON
 * }</pre>
 */
public enum ShardIteratorType {
  TRIM_HORIZON,
  LATEST,
  AT_SEQUENCE_NUMBER,
  AFTER_SEQUENCE_NUMBER
}
