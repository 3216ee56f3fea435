package dev.awssim.dynamodb;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of BatchGetItem.
 *
 * <pre>{@code
 * result.unprocessedKeys()
 * }</pre>
 *
 * @param responses items per table
 * @param unprocessedKeys keys to retry
 * @param consumedCapacity per table
 */
public record BatchGetItemResult(
    Map<String, List<Map<String, AttributeValue>>> responses,
    Map<String, KeysAndAttributes> unprocessedKeys,
    List<ConsumedCapacity> consumedCapacity) {
  /** Copies collections; null collections become empty. */
  public BatchGetItemResult {
    responses =
        responses == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(responses));
    unprocessedKeys =
        unprocessedKeys == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(unprocessedKeys));
    consumedCapacity = consumedCapacity == null ? List.of() : List.copyOf(consumedCapacity);
  }
}
