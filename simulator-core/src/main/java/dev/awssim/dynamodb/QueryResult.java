package dev.awssim.dynamodb;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One page of Query or Scan.
 *
 * <pre>{@code
 * page.lastEvaluatedKey()
 * }</pre>
 *
 * @param items the matching items of this page
 * @param count items returned
 * @param scannedCount items evaluated
 * @param lastEvaluatedKey null at the end
 * @param consumedCapacity or null
 */
public record QueryResult(
    List<Map<String, AttributeValue>> items,
    int count,
    int scannedCount,
    Map<String, AttributeValue> lastEvaluatedKey,
    ConsumedCapacity consumedCapacity) {
  /** Copies collections; null collections become empty. */
  public QueryResult {
    items = items == null ? List.of() : List.copyOf(items);
    lastEvaluatedKey =
        lastEvaluatedKey == null
            ? null
            : Collections.unmodifiableMap(new LinkedHashMap<>(lastEvaluatedKey));
  }
}
