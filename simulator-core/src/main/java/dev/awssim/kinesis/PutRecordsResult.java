package dev.awssim.kinesis;

import java.util.List;

/**
 * What PutRecords returns: HTTP 200 even when some records failed, with one entry per request
 * record, in request order (reference 2.2).
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
