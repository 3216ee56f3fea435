package dev.awssim.dynamodb;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of BatchWriteItem.
 *
 * <pre>{@code
 * result.unprocessedItems()
 * }</pre>
 *
 * @param unprocessedItems requests to retry
 * @param consumedCapacity per table
 */
public record BatchWriteItemResult(
    Map<String, List<WriteRequest>> unprocessedItems, List<ConsumedCapacity> consumedCapacity) {
  /** Copies collections; null collections become empty. */
  public BatchWriteItemResult {
    unprocessedItems =
        unprocessedItems == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(unprocessedItems));
    consumedCapacity = consumedCapacity == null ? List.of() : List.copyOf(consumedCapacity);
  }
}
