package dev.awssim.kinesis;

/**
 * A PutRecord call.
 *
 * <pre>{@code
 * kinesis.putRecord(PutRecordRequest.of("orders", bytes, "customer-42"));
 * }</pre>
 *
 * @param streamName the stream
 * @param data the data blob (up to 1 MiB with the partition key)
 * @param partitionKey 1-256 Unicode characters; its MD5 picks the shard
 * @param explicitHashKey a decimal hash key that overrides the partition key's, or null
 * @param sequenceNumberForOrdering the previous record's sequence number, or null
 */
public record PutRecordRequest(
    String streamName,
    byte[] data,
    String partitionKey,
    String explicitHashKey,
    String sequenceNumberForOrdering) {

  /** A record with no explicit hash key and no ordering hint. */
  public static PutRecordRequest of(String streamName, byte[] data, String partitionKey) {
    return new PutRecordRequest(streamName, data, partitionKey, null, null);
  }

  /** This request sent to another stream. */
  public PutRecordRequest withStream(String otherStream) {
    return new PutRecordRequest(
        otherStream, data, partitionKey, explicitHashKey, sequenceNumberForOrdering);
  }
}
