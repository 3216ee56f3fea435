package dev.awssim.dynamodb;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The result of PutItem.
 *
 * <pre>{@code
 * result.attributes()
 * }</pre>
 *
 * @param attributes old item for ALL_OLD, else empty
 * @param consumedCapacity or null
 */
public record PutItemResult(
    Map<String, AttributeValue> attributes, ConsumedCapacity consumedCapacity) {
  /** Copies collections; null collections become empty. */
  public PutItemResult {
    attributes =
        attributes == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
  }
}
