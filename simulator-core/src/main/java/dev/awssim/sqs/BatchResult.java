package dev.awssim.sqs;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * What DeleteMessageBatch and ChangeMessageVisibilityBatch return: the ids of the successful
 * entries and the failed entries, in request order.
 *
 * <pre>{@code
 * BatchResult r = sqs.deleteMessageBatch(queueUrl, entries);
 * assert r.failed().isEmpty();
 * }</pre>
 *
 * @param successful the ids of the entries that succeeded
 * @param failed the entries that failed
 */
public record BatchResult(List<String> successful, List<BatchResultErrorEntry> failed) {
  /** Copies the lists. */
  public BatchResult {
    successful = ImmutableList.copyOf(successful);
    failed = ImmutableList.copyOf(failed);
  }
}
