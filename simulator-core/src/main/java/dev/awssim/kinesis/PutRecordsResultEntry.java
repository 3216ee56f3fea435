package dev.awssim.kinesis;

/**
 * The outcome of one PutRecords entry: a sequence number and shard, or an error code and message
 * ({@code ProvisionedThroughputExceededException} when the shard was over its limits).
 *
 * @param sequenceNumber set when the record was written
 * @param shardId set when the record was written
 * @param errorCode set when it was not
 * @param errorMessage set when it was not
 */
public record PutRecordsResultEntry(
    String sequenceNumber, String shardId, String errorCode, String errorMessage) {
  /** Whether the record was written. */
  public boolean isSuccessful() {
    return errorCode == null;
  }
}
