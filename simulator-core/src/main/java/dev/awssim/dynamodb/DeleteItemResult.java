package dev.awssim.dynamodb;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The result of DeleteItem.
 *
 * <pre>{@code
 * result.attributes()
 * }</pre>
 *
 * @param attributes old item for ALL_OLD, else empty
 * @param consumedCapacity or null
 * @param itemCollectionMetrics the item collection's size, when asked for on a table with local
 *     secondary indexes; else null
 */
public record DeleteItemResult(
    Map<String, AttributeValue> attributes,
    ConsumedCapacity consumedCapacity,
    ItemCollectionMetrics itemCollectionMetrics) {
  /** Copies collections; null collections become empty. */
  public DeleteItemResult {
    attributes =
        attributes == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
  }

  /** A result without ItemCollectionMetrics. */
  public DeleteItemResult(
      Map<String, AttributeValue> attributes, ConsumedCapacity consumedCapacity) {
    this(attributes, consumedCapacity, null);
  }
}
