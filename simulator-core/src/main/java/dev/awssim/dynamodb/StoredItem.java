package dev.awssim.dynamodb;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An immutable item as the table stores it, remembering its size so that the hot path (checks,
 * capacity, storage accounting) computes it once.
 */
final class StoredItem extends AbstractMap<String, AttributeValue> {
  private final Map<String, AttributeValue> attributes;
  private final long bytes;

  private StoredItem(Map<String, AttributeValue> attributes, long bytes) {
    this.attributes = attributes;
    this.bytes = bytes;
  }

  static StoredItem of(Map<String, AttributeValue> item) {
    if (item instanceof StoredItem stored) {
      return stored;
    }
    Map<String, AttributeValue> copy = Collections.unmodifiableMap(new LinkedHashMap<>(item));
    return new StoredItem(copy, Items.computeSize(copy));
  }

  long bytes() {
    return bytes;
  }

  @Override
  public AttributeValue get(Object key) {
    return attributes.get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return attributes.containsKey(key);
  }

  @Override
  public int size() {
    return attributes.size();
  }

  @Override
  public Set<Entry<String, AttributeValue>> entrySet() {
    return attributes.entrySet();
  }
}
