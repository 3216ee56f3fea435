package dev.awssim.dynamodb;

import com.google.common.collect.ImmutableMap;
import dev.awssim.engine.SimulationContext;
import dev.awssim.engine.metrics.Dimensions;
import java.util.Map;

/**
 * TTL of one table (reference 3.9; howitworks-ttl.html): an item whose TTL attribute is a Number of
 * epoch seconds at or before now is expired; values 5 years or more in the past are ignored. [SIM]
 * An expired item is deleted {@code ttlDeletionDelay} after its expiry (48 h by default), by a task
 * on virtual time scheduled when the item is written; until then reads still return it. The delete
 * costs no capacity and appears in the stream as a service delete.
 */
final class TimeToLive {
  /** One change per hour (API_UpdateTimeToLive.html). */
  static final long CHANGE_INTERVAL_NANOS = 3600L * 1_000_000_000L;

  private static final long FIVE_YEARS_SECONDS = 5L * 365 * 24 * 3600;

  private final SimulationContext context;
  private final long delayNanos;
  String attributeName;
  boolean enabled;
  long lastChangeNanos = Long.MIN_VALUE;

  TimeToLive(SimulationContext context, long delayNanos) {
    this.context = context;
    this.delayNanos = delayNanos;
  }

  /** Epoch seconds at which {@code item} expires, or -1 when it has no valid TTL. */
  long expiry(Map<String, AttributeValue> item) {
    AttributeValue value = enabled && item != null ? item.get(attributeName) : null;
    if (value == null || value.type() != AttributeValue.Type.N) {
      return -1;
    }
    long seconds;
    try {
      seconds = value.number().longValueExact();
    } catch (ArithmeticException e) {
      seconds = value.number().longValue();
    }
    long now = context.clock().epochMillis() / 1000;
    return seconds <= now - FIVE_YEARS_SECONDS ? -1 : seconds;
  }

  /** Schedules the deletion of {@code item} if it carries a TTL. */
  void onWrite(Table table, Map<String, AttributeValue> item) {
    long expiry = expiry(item);
    if (expiry < 0) {
      return;
    }
    long expiryNanos = context.clock().toNanos(java.time.Instant.ofEpochSecond(expiry));
    long due = Math.max(context.clock().nanos(), expiryNanos + delayNanos);
    Map<String, AttributeValue> key = table.key.keyOf(item);
    context.scheduler().atNanos(due, () -> sweep(table, key));
  }

  private void sweep(Table table, Map<String, AttributeValue> key) {
    if (table.deleted) {
      return;
    }
    Map<String, AttributeValue> current = table.get(key);
    long expiry = expiry(current);
    if (expiry < 0) {
      return;
    }
    long expiryNanos = context.clock().toNanos(java.time.Instant.ofEpochSecond(expiry));
    if (context.clock().nanos() >= expiryNanos + delayNanos) {
      table.write(key, current, null, true);
      if (context.trace().isEnabled()) {
        context
            .trace()
            .record(
                DynamoDbEventType.TTL_DELETED, table.name, ImmutableMap.of("key", key.toString()));
      }
      context
          .metrics()
          .series(
              "AWS/DynamoDB", "TimeToLiveDeletedItemCount", Dimensions.of("TableName", table.name))
          .record(1);
    }
  }
}
