package dev.awssim.dynamodb;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The items of a table or index: a hash map from partition key to a sorted map of the partition's
 * items (Developer Guide, HowItWorks.Partitions.html: "items with the same partition key are stored
 * together, in sorted order by sort key value"). Partitions are also kept in the order of their
 * key's hash, the order of Scan, so that a scan can resume from an ExclusiveStartKey.
 *
 * <p>The sort key of an entry is a list: {@code [sortKey]} on a table with a sort key, {@code []}
 * without one, and {@code [indexSortKey, tablePartitionKey, tableSortKey]} on an index, whose keys
 * need not be unique.
 */
final class ItemStore {
  static final Comparator<List<AttributeValue>> SORT_ORDER = ItemStore::compareLists;
  static final Comparator<AttributeValue> PARTITION_ORDER =
      Comparator.comparingInt(AttributeValue::hashCode).thenComparing(Values.ORDER);

  private final Map<AttributeValue, NavigableMap<List<AttributeValue>, Map<String, AttributeValue>>>
      partitions = new HashMap<>();
  private final TreeSet<AttributeValue> scanOrder = new TreeSet<>(PARTITION_ORDER);
  private long count;
  private long bytes;

  Map<String, AttributeValue> get(AttributeValue partition, List<AttributeValue> sort) {
    NavigableMap<List<AttributeValue>, Map<String, AttributeValue>> items =
        partitions.get(partition);
    return items == null ? null : items.get(sort);
  }

  void put(AttributeValue partition, List<AttributeValue> sort, Map<String, AttributeValue> item) {
    NavigableMap<List<AttributeValue>, Map<String, AttributeValue>> items =
        partitions.get(partition);
    if (items == null) {
      items = new TreeMap<>(SORT_ORDER);
      partitions.put(partition, items);
      scanOrder.add(partition);
    }
    Map<String, AttributeValue> old = items.put(sort, item);
    if (old != null) {
      bytes -= Items.size(old);
    } else {
      count++;
    }
    bytes += Items.size(item);
  }

  void remove(AttributeValue partition, List<AttributeValue> sort) {
    NavigableMap<List<AttributeValue>, Map<String, AttributeValue>> items =
        partitions.get(partition);
    if (items == null) {
      return;
    }
    Map<String, AttributeValue> old = items.remove(sort);
    if (old != null) {
      count--;
      bytes -= Items.size(old);
      if (items.isEmpty()) {
        partitions.remove(partition);
        scanOrder.remove(partition);
      }
    }
  }

  NavigableMap<List<AttributeValue>, Map<String, AttributeValue>> partition(AttributeValue key) {
    NavigableMap<List<AttributeValue>, Map<String, AttributeValue>> items = partitions.get(key);
    return items == null ? new TreeMap<>(SORT_ORDER) : items;
  }

  /**
   * Partition keys in scan order, from {@code start} (inclusive) on: a live view, so callers must
   * not add or remove partitions while iterating.
   */
  Iterable<AttributeValue> partitionsFrom(AttributeValue start) {
    return start == null ? scanOrder : scanOrder.tailSet(start, true);
  }

  long count() {
    return count;
  }

  long bytes() {
    return bytes;
  }

  private static int compareLists(List<AttributeValue> a, List<AttributeValue> b) {
    int n = Math.min(a.size(), b.size());
    for (int i = 0; i < n; i++) {
      int c = Values.compare(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }
}
