package dev.awssim.kinesis;

/**
 * The ScalingType of UpdateShardCount, a required parameter with one value ({@code
 * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_UpdateShardCount.html}).
 */
public enum ScalingType {
  /** Shards of equal hash-key ranges. */
  UNIFORM_SCALING
}
