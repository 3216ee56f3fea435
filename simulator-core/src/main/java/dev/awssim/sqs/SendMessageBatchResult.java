package dev.awssim.sqs;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * What SendMessageBatch returns: the successful and the failed entries, in request order.
 *
 * <pre>{@code
 * SendMessageBatchResult r = sqs.sendMessageBatch(queueUrl, entries);
 * if (!r.failed().isEmpty()) { ... }
 * }</pre>
 *
 * @param successful the entries that were sent
 * @param failed the entries that were not
 */
public record SendMessageBatchResult(
    List<SendMessageBatchResultEntry> successful, List<BatchResultErrorEntry> failed) {
  /** Copies the lists. */
  public SendMessageBatchResult {
    successful = ImmutableList.copyOf(successful);
    failed = ImmutableList.copyOf(failed);
  }
}
