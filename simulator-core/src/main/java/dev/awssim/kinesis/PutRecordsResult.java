package dev.awssim.kinesis;

import java.util.List;

/**
 * What PutRecords returns: HTTP 200 even when some records failed, with one entry per request
 * record, in request order ({@code
 * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_PutRecords.html}).
 *
 * @param failedRecordCount how many records were not written
 * @param records one result per request record
 * @param encryptionType always {@code NONE} in the simulator
 */
public record PutRecordsResult(
    int failedRecordCount, List<PutRecordsResultEntry> records, String encryptionType) {
  /** Copies the records. */
  public PutRecordsResult {
    records = List.copyOf(records);
  }
}
