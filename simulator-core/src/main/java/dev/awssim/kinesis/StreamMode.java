package dev.awssim.kinesis;

/** A stream's capacity mode (reference 2.8). */
public enum StreamMode {
  /** A fixed number of shards that the owner reshards. */
  PROVISIONED,
  /** Shards that Kinesis adds when a shard's write rate grows (reference 2.8, [SIM] rule). */
  ON_DEMAND
}
