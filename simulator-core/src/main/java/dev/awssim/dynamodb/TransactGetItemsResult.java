package dev.awssim.dynamodb;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The result of TransactGetItems: one response per Get, in request order (null item when absent).
 *
 * <pre>{@code
 * result.responses().get(0)
 * }</pre>
 *
 * @param responses items in request order
 * @param consumedCapacity per table
 */
public record TransactGetItemsResult(
    List<Map<String, AttributeValue>> responses, List<ConsumedCapacity> consumedCapacity) {
  /** Copies collections; null collections become empty; a response is null for a missing item. */
  public TransactGetItemsResult {
    responses =
        responses == null
            ? List.of()
            : Collections.unmodifiableList(new java.util.ArrayList<>(responses));
    consumedCapacity = consumedCapacity == null ? List.of() : List.copyOf(consumedCapacity);
  }
}
