package dev.awssim.apigateway;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A stage's response cache (api-gateway-caching.html): entries live for the method's TTL and the
 * least recently used entries go first when the capacity (cacheClusterSize) is full. An entry's
 * size is the response's bytes as sent (UTF-8 body, plus header names and values); responses over
 * {@link ApiGatewayLimits#MAX_CACHED_RESPONSE_BYTES} are not cached.
 */
final class StageCache {

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
    long size = sizeInBytes(response);
    if (size > ApiGatewayLimits.MAX_CACHED_RESPONSE_BYTES) {
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

  /** The response's size in bytes as sent: the UTF-8 body, header names and header values. */
  static long sizeInBytes(IntegrationResponse response) {
    long size = utf8Length(response.body());
    for (Map.Entry<String, String> h : response.headers().entrySet()) {
      size += utf8Length(h.getKey()) + utf8Length(h.getValue());
    }
    return size;
  }

  /** UTF-8 length, an unpaired surrogate counting one byte as Java's encoder replaces it by '?'. */
  private static long utf8Length(String s) {
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n += 1;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else if (Character.isSurrogate(c)) {
        n += 1;
      } else {
        n += 3;
      }
    }
    return n;
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
