package dev.awssim.dynamodb;

import com.google.common.collect.ImmutableMap;
import dev.awssim.engine.metrics.Dimensions;
import dev.awssim.internal.SimulationContext;
import java.util.Map;

/**
 * TTL of one table
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/howitworks-ttl.html): an item
 * whose TTL attribute is a Number of epoch seconds at or before now is expired; values 5 years or
 * more in the past are ignored. [SIM] An expired item is deleted {@code ttlDeletionDelay} after its
 * expiry (48 h by default), by a task on virtual time scheduled when the item is written; until
 * then reads still return it. The delete costs no capacity and appears in the stream as a service
 * delete.
 */
final class TimeToLive {
  static final long CHANGE_INTERVAL_NANOS = DynamoDbLimits.TTL_CHANGE_INTERVAL.toNanos();

  private static final long FIVE_YEARS_SECONDS = DynamoDbLimits.TTL_MAX_PAST_SECONDS;
  private static final java.math.BigDecimal LONG_MAX = java.math.BigDecimal.valueOf(Long.MAX_VALUE);
  private static final java.math.BigDecimal LONG_MIN = java.math.BigDecimal.valueOf(Long.MIN_VALUE);

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
  long expiry(Map<String, AttributeValue> item, long now) {
    AttributeValue value = enabled && item != null ? item.get(attributeName) : null;
    if (value == null || value.type() != AttributeValue.Type.N) {
      return -1;
    }
    // Whole seconds, saturated: a number beyond a long's range is as far out as a long goes.
    java.math.BigDecimal number = value.number();
    long seconds =
        number.compareTo(LONG_MAX) >= 0
            ? Long.MAX_VALUE
            : number.compareTo(LONG_MIN) <= 0 ? Long.MIN_VALUE : number.longValue();
    long nowSeconds = context.clock().toInstant(now).getEpochSecond();
    return seconds <= nowSeconds - FIVE_YEARS_SECONDS ? -1 : seconds;
  }

  /**
   * Nanoseconds from the simulation's start to {@code epochSeconds}, negative for an instant before
   * the start (an item may carry a TTL that expired before the simulation began), saturated.
   */
  private long sinceStart(long epochSeconds) {
    java.time.Instant start = context.clock().start();
    try {
      long seconds = Math.subtractExact(epochSeconds, start.getEpochSecond());
      return Math.subtractExact(Math.multiplyExact(seconds, 1_000_000_000L), start.getNano());
    } catch (ArithmeticException overflow) {
      return epochSeconds < start.getEpochSecond() ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  /** When an item expiring at {@code expiryNanos} (maybe negative) is deleted, saturated. */
  private long deletionDue(long expiryNanos) {
    return expiryNanos > Long.MAX_VALUE - delayNanos ? Long.MAX_VALUE : expiryNanos + delayNanos;
  }

  /** Schedules the deletion of {@code item} if it carries a TTL. */
  void onWrite(Table table, Map<String, AttributeValue> item, long now) {
    long expiry = expiry(item, now);
    if (expiry < 0) {
      return;
    }
    long expiryNanos = sinceStart(expiry);
    long due = Math.max(now, deletionDue(expiryNanos));
    Map<String, AttributeValue> key = table.key.keyOf(item);
    context.scheduler().atNanos(due, () -> sweep(table, key));
  }

  private void sweep(Table table, Map<String, AttributeValue> key) {
    if (table.deleted) {
      return;
    }
    long now = context.clock().nanos();
    Map<String, AttributeValue> current = table.get(key);
    long expiry = expiry(current, now);
    if (expiry < 0) {
      return;
    }
    long expiryNanos = sinceStart(expiry);
    if (now >= deletionDue(expiryNanos)) {
      table.write(key, current, null, true, now);
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
