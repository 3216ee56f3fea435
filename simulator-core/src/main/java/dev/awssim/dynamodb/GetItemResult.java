package dev.awssim.dynamodb;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The result of GetItem: the item, or null when absent.
 *
 * <pre>{@code
 * result.item()
 * }</pre>
 *
 * @param item the item or null
 * @param consumedCapacity or null
 */
public record GetItemResult(Map<String, AttributeValue> item, ConsumedCapacity consumedCapacity) {
  /** Copies collections; null collections become empty. */
  public GetItemResult {
    item =
        item == null || item instanceof StoredItem
            ? item
            : Collections.unmodifiableMap(new LinkedHashMap<>(item));
  }
}
