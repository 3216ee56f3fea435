package dev.awssim.dynamodb;

import java.util.ArrayList;
import java.util.Collections;
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
    // Null actions are kept, for TransactWriteItems to reject as AWS does.
    transactItems =
        transactItems == null
            ? List.of()
            : Collections.unmodifiableList(new ArrayList<>(transactItems));
  }
}
