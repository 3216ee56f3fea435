package dev.awssim.dynamodb;

import java.util.List;

/**
 * The result of GetRecords: records and the iterator to continue with (null once a closed shard is
 * read to its end).
 *
 * <pre>{@code
 * result.nextShardIterator()
 * }</pre>
 *
 * @param records records
 * @param nextShardIterator or null
 */
public record GetRecordsResult(List<StreamRecord> records, String nextShardIterator) {
  /** Copies collections; null collections become empty. */
  public GetRecordsResult {
    records = records == null ? List.of() : List.copyOf(records);
  }
}
