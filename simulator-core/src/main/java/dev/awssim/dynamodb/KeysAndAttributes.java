package dev.awssim.dynamodb;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys to read from one table in BatchGetItem.
 *
 * <pre>{@code
 * new KeysAndAttributes(List.of(key), false, null, null)
 * }</pre>
 *
 * @param keys 1-100 keys
 * @param consistentRead strongly consistent
 * @param projectionExpression or null
 * @param expressionAttributeNames #name placeholders
 */
public record KeysAndAttributes(
    List<Map<String, AttributeValue>> keys,
    boolean consistentRead,
    String projectionExpression,
    Map<String, String> expressionAttributeNames) {
  /** Copies collections; null collections become empty. */
  public KeysAndAttributes {
    // Null keys are kept, for BatchGetItem to reject as AWS does.
    keys = keys == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(keys));
    expressionAttributeNames =
        expressionAttributeNames == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(expressionAttributeNames));
  }
}
