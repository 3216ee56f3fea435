package dev.awssim.kinesis;

/**
 * A stream's capacity mode ({@code
 * https://docs.aws.amazon.com/streams/latest/dev/how-do-i-size-a-stream.html}).
 */
public enum StreamMode {
  /** A fixed number of shards that the owner reshards. */
  PROVISIONED,
  /**
   * Shards that Kinesis adds when a shard's write rate grows ([SIM] rule, {@code
   * https://docs.aws.amazon.com/streams/latest/dev/how-do-i-size-a-stream.html}).
   */
  ON_DEMAND
}
