package dev.awssim.kinesis;

/**
 * One record of a PutRecords call.
 *
 * @param data the data blob
 * @param partitionKey 1-256 Unicode characters
 * @param explicitHashKey a decimal hash key that overrides the partition key's, or null
 */
public record PutRecordsRequestEntry(byte[] data, String partitionKey, String explicitHashKey) {
  /** An entry with no explicit hash key. */
  public static PutRecordsRequestEntry of(byte[] data, String partitionKey) {
    return new PutRecordsRequestEntry(data, partitionKey, null);
  }
}
