package dev.awssim.kinesis;

import java.time.Instant;

/**
 * Where an enhanced fan-out subscription starts: the same choices as a shard iterator.
 *
 * @param type where to start
 * @param sequenceNumber for AT_ and AFTER_SEQUENCE_NUMBER
 * @param timestamp for AT_TIMESTAMP
 */
public record StartingPosition(ShardIteratorType type, String sequenceNumber, Instant timestamp) {
  /** TRIM_HORIZON or LATEST. */
  public static StartingPosition of(ShardIteratorType type) {
    return new StartingPosition(type, null, null);
  }
}
