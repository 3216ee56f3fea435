package dev.awssim.dynamodb;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One put ({@code putItem}) or delete ({@code deleteKey}) of BatchWriteItem.
 *
 * <pre>{@code
 * WriteRequest.put(item)
 * }</pre>
 *
 * @param putItem the item to put, or null
 * @param deleteKey the key to delete, or null
 */
public record WriteRequest(
    Map<String, AttributeValue> putItem, Map<String, AttributeValue> deleteKey) {
  /** Copies collections; null collections become empty. */
  public WriteRequest {
    putItem = putItem == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(putItem));
    deleteKey =
        deleteKey == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(deleteKey));
  }

  /** A put request. */
  public static WriteRequest put(Map<String, AttributeValue> item) {
    return new WriteRequest(item, null);
  }

  /** A delete request. */
  public static WriteRequest delete(Map<String, AttributeValue> key) {
    return new WriteRequest(null, key);
  }
}
