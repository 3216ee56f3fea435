package dev.awssim.kinesis;

/**
 * Where a shard iterator starts ({@code
 * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_GetShardIterator.html}).
 */
public enum ShardIteratorType {
  /** At the record with the given sequence number. */
  AT_SEQUENCE_NUMBER,
  /** Just after the record with the given sequence number. */
  AFTER_SEQUENCE_NUMBER,
  /** At the first record that arrived at or after the given timestamp. */
  AT_TIMESTAMP,
  /** At the oldest record not yet trimmed. */
  TRIM_HORIZON,
  /** Just after the newest record. */
  LATEST
}
