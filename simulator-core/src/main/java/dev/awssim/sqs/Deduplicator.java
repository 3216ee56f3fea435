package dev.awssim.sqs;

import dev.awssim.internal.time.TimeUnits;
import java.util.Iterator;
import java.util.LinkedHashMap;

/**
 * The deduplication ids a FIFO queue accepted in the last 5 minutes ({@code
 * using-messagededuplicationid-property.html}). An id is remembered for [t0, t0 + 5 min) from its
 * first acceptance, even after its message is deleted; a duplicate does not extend the window.
 */
final class Deduplicator {
  /** The 5-minute deduplication interval. */
  static final long WINDOW_NANOS =
      SqsLimits.DEDUPLICATION_INTERVAL_SECONDS * TimeUnits.NANOS_PER_SECOND;

  /** What the first send with an id returned. */
  record Accepted(long expiresAt, String messageId, String sequenceNumber) {}

  private final LinkedHashMap<String, Accepted> accepted = new LinkedHashMap<>();

  /** The earlier acceptance of {@code key} inside the window, or null. */
  Accepted find(String key, long now) {
    prune(now);
    return accepted.get(key);
  }

  void remember(String key, long now, String messageId, String sequenceNumber) {
    accepted.put(key, new Accepted(now + WINDOW_NANOS, messageId, sequenceNumber));
  }

  private void prune(long now) {
    Iterator<Accepted> it = accepted.values().iterator();
    while (it.hasNext() && it.next().expiresAt() <= now) {
      it.remove();
    }
  }
}
