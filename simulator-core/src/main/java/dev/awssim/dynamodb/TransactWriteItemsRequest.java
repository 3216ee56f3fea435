package dev.awssim.dynamodb;

import java.util.List;

/**
 * The parameters of TransactWriteItems.
 *
 * <pre>{@code
 * new TransactWriteItemsRequest(actions, null, null)
 * }</pre>
 *
 * @param transactItems 1-100 actions
 * @param clientRequestToken idempotency token, or null
 * @param returnConsumedCapacity or null
 */
public record TransactWriteItemsRequest(
    List<TransactWriteItem> transactItems,
    String clientRequestToken,
    ReturnConsumedCapacity returnConsumedCapacity) {
  /** Copies collections; null collections become empty. */
  public TransactWriteItemsRequest {
    transactItems = transactItems == null ? List.of() : List.copyOf(transactItems);
  }
}
