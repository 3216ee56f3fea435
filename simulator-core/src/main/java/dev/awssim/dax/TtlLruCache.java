package dev.awssim.dax;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One DAX cache: entries in least-recently-used order, each with the instant it was written. An
 * entry is served over [written, written + ttl) (zero TTL: until evicted or replaced); a full cache
 * evicts the least recently used entry, expired or not.
 */
final class TtlLruCache {
  private final long ttlNanos;
  private final int maxEntries;
  // Access order: iteration starts at the least recently used entry.
  private final LinkedHashMap<Object, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
  private long evictions;

  TtlLruCache(long ttlNanos, int maxEntries) {
    this.ttlNanos = ttlNanos;
    this.maxEntries = maxEntries;
  }

  /**
   * The live entry for {@code key} (touching it), or null when absent or expired at {@code now}.
   */
  Entry get(Object key, long now) {
    Entry e = entries.get(key);
    if (e == null) {
      return null;
    }
    if (ttlNanos > 0 && now - e.writtenNanos >= ttlNanos) {
      entries.remove(key);
      return null;
    }
    return e;
  }

  /** Stores {@code value} for {@code key} as written at {@code now}, evicting LRU entries. */
  void put(Object key, Object value, long now) {
    entries.put(key, new Entry(value, now));
    Iterator<Map.Entry<Object, Entry>> it = entries.entrySet().iterator();
    while (entries.size() > maxEntries && it.hasNext()) {
      it.next();
      it.remove();
      evictions++;
    }
  }

  void remove(Object key) {
    entries.remove(key);
  }

  int size() {
    return entries.size();
  }

  long evictions() {
    return evictions;
  }

  /** A cached value (or {@link DaxCluster#NO_ITEM}) and when it was written. */
  record Entry(Object value, long writtenNanos) {}
}
