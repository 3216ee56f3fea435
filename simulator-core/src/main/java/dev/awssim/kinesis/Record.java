package dev.awssim.kinesis;

import java.time.Instant;

/**
 * A data record as GetRecords and enhanced fan-out deliver it.
 *
 * @param sequenceNumber unique and increasing within its shard
 * @param approximateArrivalTimestamp when the record was accepted, on the virtual clock
 * @param data the data blob
 * @param partitionKey the partition key it was written with
 */
public record Record(
    String sequenceNumber, Instant approximateArrivalTimestamp, byte[] data, String partitionKey) {
  /** The data plus the partition key, as the throughput limits count a record. */
  public long sizeBytes() {
    return (long) data.length + Shards.utf8Length(partitionKey);
  }
}
