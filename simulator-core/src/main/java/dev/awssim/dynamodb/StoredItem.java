package dev.awssim.dynamodb;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An immutable item as the table stores it: names and values in two arrays, in the order the caller
 * gave them, and the item's size remembered so that the hot path (checks, capacity, storage
 * accounting) computes it once. A copy costs two arrays instead of a hash map's entries; lookups
 * scan the names of small items and use an index built on first use for large ones.
 */
final class StoredItem extends AbstractMap<String, AttributeValue> {
  private static final long UNKNOWN = -1;
  private static final int SCAN_LIMIT = 8;

  private final String[] names;
  private final AttributeValue[] values;
  private long bytes = UNKNOWN;
  private int[] index;

  private StoredItem(String[] names, AttributeValue[] values) {
    this.names = names;
    this.values = values;
  }

  /** An immutable copy of {@code item} in its iteration order (the item itself if stored). */
  static StoredItem of(Map<String, AttributeValue> item) {
    if (item instanceof StoredItem stored) {
      return stored;
    }
    int size = item.size();
    String[] names = new String[size];
    AttributeValue[] values = new AttributeValue[size];
    int i = 0;
    for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
      names[i] = e.getKey();
      values[i] = e.getValue();
      i++;
    }
    return new StoredItem(names, values);
  }

  /** The item's size, computed on first use (after validation, which rejects null values). */
  long bytes() {
    if (bytes == UNKNOWN) {
      bytes = Items.computeSize(this);
    }
    return bytes;
  }

  @Override
  public AttributeValue get(Object key) {
    int i = find(key);
    return i < 0 ? null : values[i];
  }

  @Override
  public boolean containsKey(Object key) {
    return find(key) >= 0;
  }

  @Override
  public int size() {
    return names.length;
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super AttributeValue> action) {
    for (int i = 0; i < names.length; i++) {
      action.accept(names[i], values[i]);
    }
  }

  @Override
  public Set<Entry<String, AttributeValue>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<String, AttributeValue>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < names.length;
          }

          @Override
          public Entry<String, AttributeValue> next() {
            if (next >= names.length) {
              throw new NoSuchElementException();
            }
            Entry<String, AttributeValue> entry =
                new SimpleImmutableEntry<>(names[next], values[next]);
            next++;
            return entry;
          }
        };
      }

      @Override
      public int size() {
        return names.length;
      }
    };
  }

  private int find(Object key) {
    if (names.length <= SCAN_LIMIT) {
      for (int i = 0; i < names.length; i++) {
        if (Objects.equals(names[i], key)) {
          return i;
        }
      }
      return -1;
    }
    int[] slots = index();
    int mask = slots.length - 1;
    for (int slot = spread(key) & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
      int i = slots[slot] - 1;
      if (Objects.equals(names[i], key)) {
        return i;
      }
    }
    return -1;
  }

  /** Open addressing over the names: slot holds position + 1, 0 is empty; at most half full. */
  private int[] index() {
    if (index == null) {
      int capacity = Integer.highestOneBit(names.length * 2 - 1) << 1;
      int[] slots = new int[capacity];
      int mask = capacity - 1;
      for (int i = 0; i < names.length; i++) {
        int slot = spread(names[i]) & mask;
        while (slots[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        slots[slot] = i + 1;
      }
      index = slots;
    }
    return index;
  }

  private static int spread(Object key) {
    int h = Objects.hashCode(key);
    return h ^ (h >>> 16);
  }
}
