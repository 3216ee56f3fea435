package dev.awssim.dynamodb;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The size of the item collection a write touched ({@code
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ItemCollectionMetrics.html}):
 * returned only when asked for, and only for a table with local secondary indexes.
 *
 * @param itemCollectionKey the partition key of the collection, as {@code {name: value}}
 * @param sizeEstimateRangeGB lower and upper bound of the collection's size in GB: the items in the
 *     table plus what they project into every LSI ([SIM]: the whole gigabytes below and above the
 *     exact size)
 */
public record ItemCollectionMetrics(
    Map<String, AttributeValue> itemCollectionKey, List<Double> sizeEstimateRangeGB) {
  /** Copies collections; null collections become empty. */
  public ItemCollectionMetrics {
    itemCollectionKey =
        itemCollectionKey == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(itemCollectionKey));
    sizeEstimateRangeGB =
        sizeEstimateRangeGB == null ? List.of() : List.copyOf(sizeEstimateRangeGB);
  }
}
