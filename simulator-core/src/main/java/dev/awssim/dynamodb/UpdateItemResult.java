package dev.awssim.dynamodb;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The result of UpdateItem.
 *
 * <pre>{@code
 * result.attributes()
 * }</pre>
 *
 * @param attributes per ReturnValues, else empty
 * @param consumedCapacity or null
 */
public record UpdateItemResult(
    Map<String, AttributeValue> attributes, ConsumedCapacity consumedCapacity) {
  /** Copies collections; null collections become empty. */
  public UpdateItemResult {
    attributes =
        attributes == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
  }
}
