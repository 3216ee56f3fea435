package dev.awssim.sqs;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * What ListQueues returns: queue URLs sorted by name, and a token for the next page or null.
 *
 * <pre>{@code
 * ListQueuesResult page = sqs.listQueues("orders", 10, null);
 * }</pre>
 *
 * @param queueUrls the URLs of this page
 * @param nextToken the token of the next page, or null when this is the last
 */
public record ListQueuesResult(List<String> queueUrls, String nextToken) {
  /** Copies the list. */
  public ListQueuesResult {
    queueUrls = ImmutableList.copyOf(queueUrls);
  }
}
