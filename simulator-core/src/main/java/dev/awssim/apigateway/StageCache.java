package dev.awssim.apigateway;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A stage's response cache (api-gateway-caching.html): entries live for the method's TTL and the
 * least recently used entries go first when the capacity (cacheClusterSize) is full. Entry size is
 * the body's UTF-16 length times two; responses over 1,048,576 bytes are not cached.
 */
final class StageCache {
  /** The largest cacheable response, 1,048,576 bytes (api-gateway-caching.html). */
  static final long MAX_ENTRY_BYTES = 1_048_576;

  private final long capacityBytes;
  private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
  private long bytes;

  StageCache(long capacityBytes) {
    this.capacityBytes = capacityBytes;
  }

  /** The live entry for {@code key}, or null. */
  IntegrationResponse get(String key, long nowNanos) {
    Entry e = entries.get(key);
    if (e == null) {
      return null;
    }
    if (nowNanos >= e.expiresAtNanos) {
      remove(key);
      return null;
    }
    return e.response;
  }

  void put(String key, IntegrationResponse response, long expiresAtNanos) {
    long size = 2L * response.body().length();
    if (size > MAX_ENTRY_BYTES) {
      return;
    }
    remove(key);
    entries.put(key, new Entry(response, expiresAtNanos, size));
    bytes += size;
    Iterator<Map.Entry<String, Entry>> oldest = entries.entrySet().iterator();
    while (bytes > capacityBytes && oldest.hasNext()) {
      bytes -= oldest.next().getValue().bytes;
      oldest.remove();
    }
  }

  void flush() {
    entries.clear();
    bytes = 0;
  }

  int size() {
    return entries.size();
  }

  private void remove(String key) {
    Entry old = entries.remove(key);
    if (old != null) {
      bytes -= old.bytes;
    }
  }

  private record Entry(IntegrationResponse response, long expiresAtNanos, long bytes) {}
}
